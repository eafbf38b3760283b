/**
 * Every flow of a topology, in report order: user (input order) x protocol (PROTOCOLS order) x
 * client location (CLIENTS order), routed once over one shared Model. The audit matrix and the
 * CLI's `render` both walk this, so they agree on which cells exist and what each one routes to.
 *
 * Combinations that cannot exist come out as `n/a` with the decision row that rules them out.
 */
import { matches } from "../route/conditions.ts";
import { DEFAULT_PROFILE } from "../defaults.ts";
import { buildModel, type Model } from "../model/index.ts";
import { route } from "../route/index.ts";
import { RULES } from "../route/rules.ts";
import { CLIENTS, PROTOCOLS } from "../types.ts";
import type { ClientLocation, Flow, Profile, Protocol, Server, User } from "../types.ts";

interface CellBase {
  user: User;
  /** The user's mailbox server; undefined for a cloud user (or an unvalidated topology). */
  mailbox: Server | undefined;
  protocol: Protocol;
  client: ClientLocation;
}

/** One user x protocol x location: routed (`flow`), impossible (`na`), or a routing `error`. */
export type FlowCell = CellBase & ({ kind: "flow"; flow: Flow } | { kind: "n/a"; note: string } | { kind: "error"; message: string });

/**
 * Why a user/protocol/location cell does not exist, or null when it does: the `not-applicable`
 * rows of rules.ts that need nothing but the mailbox and the location (MH-1, MH-2, ECP-1, OL-3b,
 * OL-4). Rows that need the whole topology (PI-5: POP3/IMAP4 not offered) come from route().
 */
export function notApplicable(mailbox: Server, protocol: Protocol, client: ClientLocation): string | null {
  // No not-applicable row names a profile, so the default profile stands for all of them.
  const c = {
    m: STATIC,
    protocol,
    client,
    profile: DEFAULT_PROFILE,
    user: { name: "", mailbox: mailbox.name },
    mbx: mailbox,
    host: null,
    hostGiven: false,
  };
  const row = RULES.find(
    (r) => r.action === "not-applicable" && !r.match.when?.startsWith("protocol-") && matches(r.match, c, DEFAULT_PROFILE),
  );
  return row ? `${row.id}: ${row.summary}${row.fallback ? `; the client uses ${row.fallback}` : ""}` : null;
}

// The static rows look at no topology; an empty model keeps them honest about that.
const STATIC = buildModel({ sites: [], servers: [], namespaces: [], users: [] });

/** Which users and protocols to walk (an audit's scope); default: all of them. */
export interface FlowScope {
  users?: readonly User[];
  protocols?: readonly Protocol[];
}

/** Number of cells eachFlow yields for this model and scope. */
export const cellCount = (model: Model, scope: FlowScope = {}): number =>
  (scope.users ?? model.topology.users).length * (scope.protocols ?? PROTOCOLS).length * CLIENTS.length;

/** @example for (const cell of eachFlow(buildModel(topology), "o365info")) if (cell.kind === "flow") draw(cell.flow) */
export function* eachFlow(model: Model, profile: Profile, scope: FlowScope = {}): Generator<FlowCell> {
  for (const user of scope.users ?? model.topology.users) {
    // A cloud user (hybrid) has no on-premises mailbox server; route() draws its flows to Exchange Online.
    const mailbox = user.mailbox === undefined ? undefined : model.servers.get(user.mailbox);
    for (const protocol of scope.protocols ?? PROTOCOLS) {
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
