/**
 * Every flow of a topology, in report order: user (input order) x protocol (PROTOCOLS order) x
 * client location (CLIENTS order), routed once over one shared Model. The audit matrix and the
 * CLI's `render` both walk this, so they agree on which cells exist and what each one routes to.
 *
 * Combinations that cannot exist come out as `n/a` with the decision row that rules them out.
 */
import { compareLevel, parseBuild } from "./diagnostics/builds.ts";
import { isModern, type Model } from "./model.ts";
import { route } from "./route.ts";
import { CLIENTS, PROTOCOLS } from "./types.ts";
import type { ClientLocation, Flow, Profile, Protocol, Server, User } from "./types.ts";

interface CellBase {
  user: User;
  /** The user's mailbox server; undefined only for an unvalidated topology. */
  mailbox: Server | undefined;
  protocol: Protocol;
  client: ClientLocation;
}

/** One user x protocol x location: routed (`flow`), impossible (`na`), or a routing `error`. */
export type FlowCell = CellBase & ({ kind: "flow"; flow: Flow } | { kind: "n/a"; note: string } | { kind: "error"; message: string });

/**
 * Why a user/protocol/location cell does not exist, or null when it does:
 * MH-1 (no MAPI/HTTP for 2007/2010, nor for 2013 before SP1), OL-3 (2013+ mailboxes take no
 * RPC/TCP), RPC/TCP only from inside (OL-1/OL-2: external Outlook uses Outlook Anywhere),
 * ECP-1 (Exchange 2007 has no ECP).
 */
export function notApplicable(mailbox: Server, protocol: Protocol, client: ClientLocation): string | null {
  const v = mailbox.version;
  if (protocol === "mapi-http" && !isModern(v))
    return `MH-1: Exchange ${v} mailboxes never get MAPI over HTTP; Outlook uses RPC/TCP or Outlook Anywhere`;
  if (protocol === "mapi-http" && v === 2013) {
    const level = parseBuild(2013, mailbox.build);
    if (level && compareLevel(level, [4]) < 0) return "MH-1: MAPI over HTTP needs Exchange 2013 SP1 (CU4) or later on the mailbox server";
  }
  if (protocol === "rpc-tcp" && isModern(v))
    return `OL-3: Exchange ${v} mailboxes are reached over HTTP only (Outlook Anywhere or MAPI/HTTP), never RPC/TCP`;
  if (protocol === "rpc-tcp" && client === "external")
    return "OL-1/OL-2: RPC/TCP is not published to the Internet; external Outlook uses Outlook Anywhere";
  if (protocol === "ecp" && v === 2007) return "ECP-1: Exchange 2007 has no ECP";
  return null;
}

/** Number of cells eachFlow yields for this model. */
export const cellCount = (model: Model): number => model.topology.users.length * PROTOCOLS.length * CLIENTS.length;

/** @example for (const cell of eachFlow(buildModel(topology), "o365info")) if (cell.kind === "flow") draw(cell.flow) */
export function* eachFlow(model: Model, profile: Profile): Generator<FlowCell> {
  for (const user of model.topology.users) {
    const mailbox = model.servers.get(user.mailbox);
    for (const protocol of PROTOCOLS) {
      for (const client of CLIENTS) {
        const base = { user, mailbox, protocol, client };
        const na = mailbox ? notApplicable(mailbox, protocol, client) : null;
        if (na) {
          yield { ...base, kind: "n/a", note: na };
          continue;
        }
        try {
          yield { ...base, kind: "flow", flow: route(model, { user: user.name, protocol, client, profile }) };
        } catch (e) {
          // route() does not throw on validated input; an unvalidated topology must not sink the whole walk.
          yield { ...base, kind: "error", message: e instanceof Error ? e.message : String(e) };
        }
      }
    }
  }
}
