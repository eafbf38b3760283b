/**
 * Per-user conditions: a legacy mailbox database without an OAB (DX-10) and a mailbox moved from
 * 2010 in the last hour (DX-16). In: Facts. Out: diagnostics in user input order.
 */
import { isModern } from "../model/index.ts";
import { dx, oaEnabled, userPath } from "./facts.ts";
import type { Facts, ScopedDiagnostic } from "./facts.ts";

export function checkOab(f: Facts): ScopedDiagnostic[] {
  if (!f.hasModern) return []; // without 2013+ the legacy default OAB still applies
  const m = f.model;
  return m.topology.users.flatMap((u) => {
    const mb = u.mailbox === undefined ? undefined : m.servers.get(u.mailbox);
    if (u.oabAssigned !== false || !mb || isModern(mb.version)) return [];
    // OAB-3 (S17): with 2010 OA disabled in the mailbox site the Autodiscover answer has no OAB URL.
    const oaOff = mb.version === 2010 && !f.legacyCas.some((c) => c.version === 2010 && c.site === mb.site && oaEnabled(c));
    const effect = oaOff
      ? [
          `it falls back to the ${f.modern} default OAB and, with Outlook Anywhere disabled on the Exchange`,
          "2010 CAS of its site, the Autodiscover answer has no OAB URL, so Outlook cannot download or",
          "update the offline address book",
        ].join(" ")
      : `it falls back to the ${f.modern} default OAB, which Outlook may fail to download or keep prompting for`;
    return [
      dx(
        "DX-10",
        oaOff ? "error" : "warning",
        userPath(m, u, "oabAssigned"),
        ["oab"],
        [
          `${u.name}'s mailbox database on ${mb.name} (Exchange ${mb.version}) has no offline address book`,
          `assigned: ${effect}. Assign an Exchange ${mb.version} OAB to the database.`,
        ].join(" "),
        { users: [u.name] },
      ),
    ];
  });
}

export function checkRecentMove(f: Facts): ScopedDiagnostic[] {
  const m = f.model;
  return m.topology.users.flatMap((u) => {
    const mb = u.mailbox === undefined ? undefined : m.servers.get(u.mailbox);
    if (u.recentlyMoved !== true || !mb || !isModern(mb.version)) return [];
    return [
      dx(
        "DX-16",
        "warning",
        userPath(m, u, "recentlyMoved"),
        ["owa", "ecp"],
        [
          `${u.name}'s mailbox was moved from Exchange 2010 to ${mb.name} (Exchange ${mb.version}) within`,
          "the last hour: for about 30 minutes OWA may say the mailbox is being moved or show the old 2010",
          "interface (stale 2010 cookies). Wait, or have the user clear browser cookies and sign in again.",
        ].join(" "),
        { users: [u.name] },
      ),
    ];
  });
}
