/**
 * Wording helpers for issue messages: did-you-mean suggestions, "allowed: ..." lists, readable
 * paths (`topology.servers[2].version`) and safe quoting of user values. Pure string functions
 * shared by every layer (lib/ imports nothing else); every message in the core's parse and validate
 * stages, the worker's and the CLI's is built from these so they read the same.
 */

/** Known names listed in a "no such user/server" message. */
export const MAX_LISTED = 20;

/** Longest input we try to match; longer strings are not typos of a short name. */
const MAX_SUGGEST_INPUT = 64;
/** Longest user value quoted back in a message. */
const MAX_QUOTED = 60;

type Rows = [Int32Array, Int32Array, Int32Array];
const newRows = (n: number): Rows => [new Int32Array(n), new Int32Array(n), new Int32Array(n)];

/** OSA distance of two lower-cased strings, or `max + 1` once it must exceed `max`. */
function osa(s: string, t: string, max: number, rows: Rows): number {
  if (Math.abs(s.length - t.length) > max) return max + 1;
  let [prev2, prev, cur] = rows;
  for (let j = 0; j <= t.length; j++) prev[j] = j;
  for (let i = 1; i <= s.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j++) {
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[t.length]!;
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent swaps), case-insensitive,
 * giving up (returning `max + 1`) as soon as the distance must exceed `max`.
 * @example distance("verison", "version", 3) // 1
 */
export function distance(a: string, b: string, max: number): number {
  return osa(a.toLowerCase(), b.toLowerCase(), max, newRows(b.length + 1));
}

/**
 * The candidate the user most likely meant, or undefined. A case-only difference always
 * matches, then a unique candidate the input is the start of, then up to one edit per three
 * characters (at most 3). Ties go to the earlier candidate so the answer is stable.
 * One pass, one set of DP rows: it may run against 20,000 user names.
 * @example didYouMean("verison", ["name", "version"]) // "version"
 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  if (input.length === 0 || input.length > MAX_SUGGEST_INPUT) return undefined;
  const lower = input.toLowerCase();
  const max = Math.min(3, Math.max(1, Math.floor(input.length / 3)));
  // Candidates longer than input + max can never be within reach, so the rows never need more.
  const rows = newRows(lower.length + max + 1);
  let prefix: string | undefined;
  let prefixes = 0;
  let best: string | undefined;
  let bestD = max + 1;
  for (const c of candidates) {
    if (Math.abs(c.length - input.length) > max && !(input.length >= 3 && c.length > input.length)) continue;
    const lc = c.toLowerCase();
    if (lc === lower) return c;
    if (input.length >= 3 && lc.startsWith(lower) && prefixes++ === 0) prefix = c;
    if (bestD > 1) {
      const d = osa(lower, lc, Math.min(max, bestD - 1), rows);
      if (d < bestD) [best, bestD] = [c, d];
    }
  }
  return prefixes === 1 ? prefix : best;
}

/** `; did you mean "x"?` or an empty string. */
export function hint(input: string, candidates: readonly string[]): string {
  const m = didYouMean(input, candidates);
  return m === undefined ? "" : `; did you mean ${quote(m)}?`;
}

/**
 * The end of a "not one of these" message: `; did you mean "x"? Allowed: a, b` or `; allowed: a, b`.
 * @example choices("verison", ["name", "version"]) // '; did you mean "version"? Allowed: name, version'
 */
export function choices(input: unknown, candidates: readonly string[], label = "allowed", max = MAX_LISTED): string {
  const m = typeof input === "string" ? didYouMean(input, candidates) : undefined;
  const list = `${label}: ${listAllowed(candidates, max)}`;
  return m === undefined ? `; ${list}` : `; did you mean ${quote(m)}? ${list[0]?.toUpperCase()}${list.slice(1)}`;
}

/** "a, b, c" — or the first `max` and "and N more". */
export function listAllowed(values: readonly (string | number)[], max = MAX_LISTED): string {
  if (values.length === 0) return "(none)";
  // Names come from the input unchecked (the rules run on raw data): keep each one short.
  const shown = values
    .slice(0, max)
    .map((v) => (String(v).length > MAX_QUOTED ? `${String(v).slice(0, MAX_QUOTED)}...` : String(v)))
    .join(", ");
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

const IDENT = /^[A-Za-z_$][\w$-]*$/;

/**
 * A path as a reader writes it.
 * @example formatPath(["topology", "servers", 2, "urls", "mapi-http"]) // "topology.servers[2].urls.mapi-http"
 */
export function formatPath(path: readonly (string | number)[]): string {
  let out = "";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else if (p.length <= MAX_QUOTED && IDENT.test(p)) out += out === "" ? p : `.${p}`;
    else out += `[${quote(p)}]`;
  }
  return out === "" ? "(document)" : out;
}

/** A user value quoted for a message: JSON-escaped (control characters, lone surrogates) and cut short. */
export function quote(value: unknown): string {
  if (typeof value === "string") {
    let s = value.length > MAX_QUOTED ? value.slice(0, MAX_QUOTED) : value;
    // Do not cut a surrogate pair in half.
    if (s.length < value.length && /[\uD800-\uDBFF]$/.test(s)) s = s.slice(0, -1);
    return JSON.stringify(s).slice(0, -1) + (s.length < value.length ? '..."' : '"');
  }
  if (typeof value === "number" || typeof value === "boolean" || value === null) return String(value);
  return describe(value);
}

/** "a string", "an array", ... for "expected X, got Y" messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return `a string (${quote(value)})`;
  if (typeof value === "number") return `a number (${value})`;
  if (typeof value === "boolean") return `a boolean (${value})`;
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}
