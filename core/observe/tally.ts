/**
 * Requests -> groups by what the log wrote (protocol, user, front end, back end, URL host), with
 * their status codes and client addresses counted. Names are mapped to the topology once per
 * group at the end, not once per line; memory grows with distinct paths, not with lines.
 */
import { COL } from "./reader.ts";
import { protocolOf } from "./protocols.ts";

/** Distinct client addresses kept per group; past this the count is a floor. */
export const MAX_CLIENTS = 1000;

export interface RawGroup {
  log: string;
  exflow: string | null;
  authenticated: string;
  anchor: string;
  frontEnd: string;
  target: string;
  host: string;
  count: number;
  statuses: Map<string, number>;
  clients: Map<string, number>;
  /** TargetServerVersion values seen (first few). */
  versions: Set<string>;
}

/**
 * A copy of `s` that does not point into the chunk it was cut from: V8 keeps a slice's whole parent
 * string alive, so a stored slice would pin a megabyte chunk per distinct value. Only values kept
 * past the line (new groups, new client addresses) are copied.
 */
const own = (s: string): string => (s.length < 13 ? s : JSON.parse(JSON.stringify(s)));

export class Tally {
  readonly groups = new Map<string, RawGroup>();
  requests = 0;

  add(v: string[], folder: string): void {
    this.requests++;
    const p = protocolOf(v[COL.Protocol]!, v[COL.UrlStem]!, folder);
    const auth = v[COL.AuthenticatedUser]!;
    // The anchor names the user only when nobody authenticated (it varies per request otherwise).
    const anchor = auth ? "" : v[COL.AnchorMailbox]!;
    const fe = v[COL.ServerHostName]!;
    const target = v[COL.TargetServer]!;
    const host = v[COL.UrlHost]!.toLowerCase();
    const key = `${p.log}\u001f${auth}\u001f${anchor}\u001f${fe}\u001f${target}\u001f${host}`;
    let g = this.groups.get(key);
    if (!g) {
      g = {
        log: p.log,
        exflow: p.exflow,
        authenticated: own(auth),
        anchor: own(anchor),
        frontEnd: own(fe),
        target: own(target),
        host: own(host),
        count: 0,
        statuses: new Map(),
        clients: new Map(),
        versions: new Set(),
      };
      this.groups.set(key, g);
    }
    g.count++;
    const status = v[COL.HttpStatus]! || "none";
    g.statuses.set(status, (g.statuses.get(status) ?? 0) + 1);
    const ip = v[COL.ClientIpAddress]!;
    if (ip) {
      const seen = g.clients.get(ip);
      if (seen !== undefined) g.clients.set(ip, seen + 1);
      else if (g.clients.size < MAX_CLIENTS) g.clients.set(own(ip), 1);
    }
    const version = v[COL.TargetServerVersion]!;
    if (version && g.versions.size < 4 && !g.versions.has(version)) g.versions.add(own(version));
  }
}
