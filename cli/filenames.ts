/**
 * Safe, unique file-name stems for user names: only `A-Z a-z 0-9 . _ -`, no leading dot, at
 * most 64 characters, and names that would collide on a case-insensitive file system (or after
 * sanitising) get `-2`, `-3`, ... in input order. Stems need no escaping in Markdown links.
 */

const MAX_STEM = 64;

export function sanitize(name: string): string {
  const s = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._-]+/, "")
    .slice(0, MAX_STEM)
    .replace(/[._-]+$/, "");
  return s === "" ? "user" : s;
}

/** name -> unique stem, for names in the order given. */
export function uniqueStems(names: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of names) {
    if (out.has(name)) continue;
    const base = sanitize(name);
    let stem = base;
    for (let i = 2; taken.has(stem.toLowerCase()); i++) stem = `${base}-${i}`;
    taken.add(stem.toLowerCase());
    out.set(name, stem);
  }
  return out;
}
