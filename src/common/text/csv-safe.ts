/**
 * Text in CSV files that a spreadsheet will not run as a formula ("CSV injection", OWASP), and that reads back as
 * it was written. Pure: no Nest or TypeORM code.
 *
 * Excel does not only look at the start of a cell. A CSV opened in a Vietnamese locale is split on ";" (the
 * Windows list separator there), "Text to Columns" splits on "," or tab, and a quoted line break starts a new line
 * for other tools. So the cell is cut at each of those separators, and every part that starts with `=`, `+`, `-` or
 * `@` (after any spaces, tabs or apostrophes) gets an apostrophe in front of that character, which Excel and
 * LibreOffice read as "this is text". OWASP's leading tab and carriage return are separators here, so the part
 * after them is checked too; `|` and `%` only matter after one of the four characters and need nothing of their own.
 *
 * The marking is reversible: a part that already starts with apostrophes before one of the four characters gets one
 * more, and `restoreCsvText` takes exactly one off, so any text survives export then import unchanged.
 * Numbers are never passed through here: a count of -5 is written as the number -5.
 */

const PART_SEPARATORS = /([,;\t\r\n])/;
const RUNNABLE = /^\s*[=+\-@]/;
const FORMULA_LIKE = /^(\s*)('*)(?=[=+\-@])/;
const MARKED = /^(\s*)'('*)(?=[=+\-@])/;

function mapParts(text: string, change: (part: string) => string): string {
  // split with a capture group keeps the separators at the odd indexes.
  return text
    .split(PART_SEPARATORS)
    .map((part, i) => (i % 2 === 0 ? change(part) : part))
    .join('');
}

/** Whether a spreadsheet could take any part of `text` for a formula. */
export function isFormulaLike(text: string): boolean {
  return text.split(PART_SEPARATORS).some((part, i) => i % 2 === 0 && RUNNABLE.test(part));
}

/** `a;=1+1` → `a;'=1+1`, `=HYPERLINK(…)` → `'=HYPERLINK(…)`; text that no spreadsheet would run is unchanged. */
export function neutraliseCsvText(text: string): string {
  return mapParts(text, (part) => part.replace(FORMULA_LIKE, "$1'$2"));
}

/** The inverse of `neutraliseCsvText`, for a CSV cell read back: `a;'=1+1` → `a;=1+1`. */
export function restoreCsvText(text: string): string {
  return mapParts(text, (part) => part.replace(MARKED, '$1$2'));
}
