/** A dateline read from the start of a lead paragraph. */
export interface Dateline {
  /** The city, upper-cased: `JAKARTA`, `BANDA ACEH`. */
  readonly city: string;
  /** The agency or site after the city, if any: `KOMPAS.com`, `ANTARA`. */
  readonly agency: string | undefined;
  /** The dateline exactly as written, dash included: `JAKARTA, KOMPAS.com - `. */
  readonly text: string;
}

// A city is one to four capitalised words ("JAKARTA", "Banda Aceh", "Tanjung Pinang"),
// optionally followed by an agency after a comma ("JAKARTA, KOMPAS.com") or in brackets
// ("JAKARTA (ANTARA)"), then a dash. A hyphen-minus needs a space on at least one side so
// that hyphenated words are not read as datelines; en and em dashes never join words here.
const CITY = String.raw`\p{Lu}[\p{L}'’.]*(?: \p{Lu}[\p{L}'’.]*){0,3}`;
const AGENCY = String.raw`[\p{L}\p{N}][\p{L}\p{N}.&' ]{0,38}[\p{L}\p{N}.]`;
const DASH = String.raw`(?: +[-–—] *| *[–—] *| *- +)`;
const DATELINE = new RegExp(String.raw`^(${CITY})(?:, *(${AGENCY})| *\((${AGENCY})\))?${DASH}(?=\S)`, 'u');

/** Reads the dateline at the start of `lead`, or returns undefined when the lead has none. */
export function readDateline(lead: string): Dateline | undefined {
  const match = DATELINE.exec(lead);
  if (!match) return undefined;
  const [text, city = '', comma, bracket] = match;
  return { city: city.toLocaleUpperCase('id'), agency: comma ?? bracket, text };
}
