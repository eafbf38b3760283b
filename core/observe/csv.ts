/**
 * One line of an Exchange CSV log, split as RFC 4180 says: fields separated by commas, a field
 * that holds a comma or a quote is quoted and its quotes doubled. Exchange writes one record per
 * line (no line breaks inside fields), so the caller splits lines first. Only the columns the
 * caller asks for are copied out; the rest are counted, because a line whose field count differs
 * from its header's is cut or damaged and must not be read into the wrong columns.
 *
 * Written by hand rather than with a CSV library: the reader needs field counting without copying,
 * per-line errors instead of exceptions, and the same code in the browser and the CLI, with no
 * dependency in the core.
 */

/** `-1`: a quoted field is never closed on this line. */
export const UNCLOSED_QUOTE = -1;

/**
 * Splits `line`; `slots[i]` is where column i goes in `out` (-1: not wanted). Returns the number of
 * fields, or UNCLOSED_QUOTE. Columns beyond `slots` are counted only.
 */
export function splitLine(line: string, slots: Int16Array, out: string[]): number {
  const len = line.length;
  let i = 0;
  let n = 0;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let value = "";
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) return UNCLOSED_QUOTE;
        if (line.charCodeAt(q + 1) === 34) {
          value += line.slice(j, q + 1);
          j = q + 2;
          continue;
        }
        value += line.slice(j, q);
        i = q + 1;
        break;
      }
      // Text between a closing quote and the next comma is not RFC 4180; keep it rather than lose it.
      if (i < len && line.charCodeAt(i) !== 44) {
        const c = line.indexOf(",", i);
        const end = c < 0 ? len : c;
        value += line.slice(i, end);
        i = end;
      }
      if (n < slots.length && slots[n]! >= 0) out[slots[n]!] = value;
      n++;
      if (i >= len) return n;
      i++;
      continue;
    }
    const c = line.indexOf(",", i);
    const end = c < 0 ? len : c;
    if (n < slots.length && slots[n]! >= 0) out[slots[n]!] = line.slice(i, end);
    n++;
    if (c < 0) return n;
    i = c + 1;
  }
}
