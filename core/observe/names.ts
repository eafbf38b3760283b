/**
 * From what a log writes to the topology's names. Servers: the front end is logged by its host
 * name (ServerHostName, any case) and the back end by its FQDN (TargetServer); both map to the
 * topology's server by name, FQDN, or the first label of an FQDN, case-insensitively. Users:
 * AuthenticatedUser (`DOMAIN\name` or a UPN), else an SMTP AnchorMailbox (`Smtp~address`,
 * `SMTP:address`); the account or local part is looked up among the topology's users. A name the
 * topology does not know stays as written, so the report can say so.
 */
import { hostOf, type Model } from "../model/index.ts";
import type { ClientLocation } from "../types.ts";

export interface ObservedUser {
  /** The topology's user name, or the name as written. */
  name: string;
  known: boolean;
  /** A Managed Availability health mailbox: Exchange's own probes, not a person. */
  probe: boolean;
}

export interface Names {
  server(raw: string): string | undefined;
  user(authenticated: string, anchor: string): ObservedUser;
  /** external when the URL host is a name published to the Internet, else internal. */
  location(host: string): ClientLocation;
  /** The host as the topology spells it when it knows it (namespace, URL or server name), else undefined. */
  knownHost(host: string): string | undefined;
}

/** `DOMAIN\name` -> name; `name@domain` -> name; a bare name as is. */
function account(written: string): string {
  const slash = written.lastIndexOf("\\");
  const at = written.indexOf("@");
  if (slash >= 0) return written.slice(slash + 1);
  return at > 0 ? written.slice(0, at) : written;
}

/** The address of an SMTP anchor (`Smtp~a@b`, `SMTP:a@b`), else "". Other anchors (Sid~, DatabaseGuid~ ...) name no user. */
function smtpAnchor(anchor: string): string {
  return /^smtp[~:]/i.test(anchor) ? anchor.slice(5) : "";
}

export function namesOf(m: Model): Names {
  const servers = new Map<string, string>();
  const short = new Map<string, string | null>();
  const addShort = (key: string, name: string) => {
    const s = key.split(".")[0]!;
    const had = short.get(s);
    short.set(s, had === undefined || had === name ? name : null); // null: two servers share it, ambiguous
  };
  for (const s of m.topology.servers) {
    servers.set(s.name.toLowerCase(), s.name);
    addShort(s.name.toLowerCase(), s.name);
    if (s.fqdn) {
      servers.set(s.fqdn.toLowerCase(), s.name);
      addShort(s.fqdn.toLowerCase(), s.name);
    }
  }
  const users = new Map(m.topology.users.map((u) => [u.name.toLowerCase(), u.name]));

  const published = new Set<string>();
  const known = new Map<string, string>();
  for (const n of m.topology.namespaces) {
    known.set(n.host.toLowerCase(), n.host);
    if (n.external !== false) published.add(n.host.toLowerCase());
  }
  for (const s of m.topology.servers) {
    if (s.fqdn) known.set(s.fqdn.toLowerCase(), s.fqdn);
    for (const urls of Object.values(s.urls ?? {})) {
      const ext = hostOf(urls?.external);
      const int = hostOf(urls?.internal);
      if (ext) {
        published.add(ext);
        known.set(ext, ext);
      }
      if (int) known.set(int, int);
    }
    const oa = s.outlookAnywhere;
    if (oa?.externalHostname && oa.enabled !== false) published.add(oa.externalHostname.toLowerCase());
  }

  const serverCache = new Map<string, string | undefined>();
  return {
    server(raw) {
      if (!raw) return undefined;
      if (serverCache.has(raw)) return serverCache.get(raw);
      const key = raw.trim().toLowerCase();
      const hit = servers.get(key) ?? short.get(key.split(".")[0]!) ?? undefined;
      serverCache.set(raw, hit);
      return hit;
    },
    user(authenticated, anchor) {
      const smtp = smtpAnchor(anchor);
      for (const written of [authenticated, smtp]) {
        if (!written) continue;
        const hit = users.get(account(written).toLowerCase()) ?? users.get(written.toLowerCase());
        if (hit) return { name: hit, known: true, probe: false };
      }
      const name = authenticated || smtp || anchor || "(anonymous)";
      return { name, known: false, probe: /^healthmailbox/i.test(account(authenticated || smtp)) };
    },
    location(host) {
      const h = hostOf(host);
      return h && published.has(h) ? "external" : "internal";
    },
    knownHost(host) {
      const h = hostOf(host);
      return h ? known.get(h) : undefined;
    },
  };
}
