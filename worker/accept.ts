/** The Accept header, parsed: media ranges best first. Used by negotiation and by error rendering. */

export interface AcceptEntry {
  type: string;
  q: number;
}

/** `Accept` entries with q > 0, best first (stable for equal q), parameters other than q dropped. */
export function parseAccept(header: string | undefined): AcceptEntry[] {
  if (!header) return [];
  const out: AcceptEntry[] = [];
  for (const part of header.split(",").slice(0, 50)) {
    const [type = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    if (!type.includes("/")) continue;
    const qp = params.find((p) => p.startsWith("q="));
    const q = qp ? Number(qp.slice(2)) : 1;
    if (Number.isFinite(q) && q > 0) out.push({ type, q });
  }
  return out
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.q - a.e.q || a.i - b.i)
    .map(({ e }) => e);
}
