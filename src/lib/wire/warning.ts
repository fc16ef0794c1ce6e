import { formatPosition, type SourcePosition } from '../errors/warta-error.ts';

/** A non-fatal problem of a wire file: the article is written, but someone should look. */
export interface WireWarning {
  /** Where the problem is (the input path as the user named it). */
  readonly position: SourcePosition;
  /** What is wrong and what to do. */
  readonly message: string;
}

/** `file:line: warning: message`. */
export function formatWireWarning(warning: WireWarning): string {
  return `${formatPosition(warning.position)}: warning: ${warning.message}`;
}
