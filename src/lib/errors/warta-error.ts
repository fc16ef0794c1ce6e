/** Where in a content file a problem sits. Lines and columns are 1-based. */
export interface SourcePosition {
  /** Path of the file, as shown to the editor (relative to the project when possible). */
  readonly file: string;
  /** 1-based line, when known. */
  readonly line?: number;
  /** 1-based column, when known. */
  readonly column?: number;
}

/** One entry of the error catalogue: a stable name, a title, a message built from its arguments and a hint. */
export interface ErrorDefinition<Args> {
  /** Stable identifier, e.g. `BacaJugaUnresolved`; tests and tools match on it. */
  readonly name: string;
  /** One short line that names the problem. */
  readonly title: string;
  /** What happened and why, built from the arguments. */
  readonly message: (args: Args) => string;
  /** How to fix it. */
  readonly hint: string | ((args: Args) => string);
}

/** The only error type the Warta core throws or reports for bad content or configuration. */
export class WartaError extends Error {
  /** The catalogue title. */
  readonly title: string;
  /** How to fix it. */
  readonly hint: string;
  /** Where the problem is, when it comes from a file. */
  readonly position: SourcePosition | undefined;

  constructor(name: string, title: string, message: string, hint: string, position?: SourcePosition) {
    super(message);
    this.name = name;
    this.title = title;
    this.hint = hint;
    this.position = position;
  }
}

/** Builds a {@link WartaError} from a catalogue entry. */
export function createError<Args>(
  definition: ErrorDefinition<Args>,
  args: Args,
  position?: SourcePosition,
): WartaError {
  const hint = typeof definition.hint === 'function' ? definition.hint(args) : definition.hint;
  return new WartaError(definition.name, definition.title, definition.message(args), hint, position);
}

/** `file:line:column`, or as much of it as is known. */
export function formatPosition(position: SourcePosition): string {
  let text = position.file;
  if (position.line !== undefined) {
    text += `:${position.line}`;
    if (position.column !== undefined) text += `:${position.column}`;
  }
  return text;
}

/**
 * Renders one error for a terminal: position, title, name, message and hint, no stack trace. The
 * one printer of every catalogue error: content and build reports and the import command.
 */
export function formatError(error: WartaError): string {
  const where = error.position ? `${formatPosition(error.position)}  ` : '';
  const message = showControls(error.message).replaceAll('\n', '\n  ');
  return showControls(`${where}${error.title} [${error.name}]\n  ${message}\n  Hint: ${error.hint}`);
}

// Control characters but the line feed: a message quotes what the editor wrote, and a carriage
// return or an ANSI escape from a file would let it overwrite or recolour the terminal's report.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/g;

/** `text` with each control character but the line feed written as a `\uXXXX` escape. */
function showControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Sorts errors by file, line and column so reports read top to bottom. */
export function sortErrors(errors: readonly WartaError[]): WartaError[] {
  return [...errors].sort((a, b) => {
    const fa = a.position?.file ?? '';
    const fb = b.position?.file ?? '';
    if (fa !== fb) return fa < fb ? -1 : 1;
    return (a.position?.line ?? 0) - (b.position?.line ?? 0) || (a.position?.column ?? 0) - (b.position?.column ?? 0);
  });
}

/** Renders a whole error report: every error, then a count. */
export function formatErrorReport(errors: readonly WartaError[]): string {
  const sorted = sortErrors(errors);
  const count = `${sorted.length} content error${sorted.length === 1 ? '' : 's'}`;
  return `${count}:\n\n${sorted.map(formatError).join('\n\n')}\n\n${count}; nothing was published.`;
}

/** Thrown once at the end of a build that found content errors; carries all of them. */
export class WartaBuildError extends Error {
  /** Every problem found, in report order. Not named `errors`: Astro would print only the first. */
  readonly problems: readonly WartaError[];
  /** Read by Astro's error printer. */
  readonly hint =
    'Fix the files listed above and run the build again; nothing is published until every error is fixed.';

  constructor(problems: readonly WartaError[]) {
    super(formatErrorReport(problems));
    this.name = 'WartaBuildError';
    this.problems = sortErrors(problems);
    // The report names every file and line; a stack trace into the build tool would only bury it.
    withoutStack(this);
  }
}

/**
 * Makes Astro print `error` as its message and hint only: its printer adds a stack trace whenever
 * `error.stack` is set, which for a report that names its file and line only buries it. The one
 * place that hides a stack; `keep` (WARTA_DEBUG=1) leaves it.
 */
export function withoutStack<E extends Error>(error: E, keep = false): E {
  if (!keep) error.stack = '';
  return error;
}
