/**
 * `--anonymize`: user names and client addresses replaced by pseudonyms (`user-1`, `client-1`),
 * numbered in the order the report lists them, so the same input always gives the same names and
 * a name maps to one pseudonym across the JSON, the Markdown and the pictures. Numbering rather
 * than hashing: a hash of a user name can be reversed by trying the directory's names.
 */
import type { ObservedReport } from "./report.ts";

export interface Pseudonyms {
  user(name: string): string;
  client(address: string): string;
}

export function pseudonymsFor(report: ObservedReport): Pseudonyms {
  const users = new Map<string, string>();
  const clients = new Map<string, string>();
  for (const p of report.paths) {
    if (!users.has(p.user)) users.set(p.user, `user-${users.size + 1}`);
    for (const c of p.clientAddresses) if (!clients.has(c.address)) clients.set(c.address, `client-${clients.size + 1}`);
  }
  return {
    user: (name) => users.get(name) ?? name,
    client: (address) => clients.get(address) ?? address,
  };
}

/** The report with every user name and client address replaced; the reasons name users too. */
export function anonymizeReport(report: ObservedReport, names: Pseudonyms = pseudonymsFor(report)): ObservedReport {
  return {
    ...report,
    paths: report.paths.map((p) => ({
      ...p,
      user: names.user(p.user),
      reason: p.reason.split(p.user).join(names.user(p.user)),
      clientAddresses: p.clientAddresses.map((c) => ({ address: names.client(c.address), count: c.count })),
    })),
  };
}
