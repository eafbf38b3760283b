/**
 * The input contract as zod schemas: `topologySchema`, `scenarioSchema`, `flowRequestSchema`.
 * They check shape, types, enums, sizes, host names and URLs (one issue per problem, all of them);
 * validate.ts adds the cross-field rules and turns zod's issues into ours. The same schemas
 * publish the JSON Schema of the input (`flowRequestJsonSchema()`), so every description here
 * is written for the person filling in the document.
 *
 * Everything is strict: an unknown field is an error (usually a typo), never silently ignored.
 */
import * as z from "zod/mini";
import { describe, meta, optional, sized } from "./zod.ts";
import {
  MAX_NAMESPACE_SERVERS,
  MAX_NAMESPACES,
  MAX_SCOPE_USERS,
  MAX_SERVERS,
  MAX_SITES,
  MAX_STRING,
  MAX_URL,
  MAX_USERS,
} from "../limits.ts";
import { presets } from "../presets/index.ts";
import {
  AUDIT_OPTION_NAMES,
  type FlowOptionName,
  LABELS,
  NOTES,
  OPTION_NAMES,
  type OptionName,
  OPTIONS,
  type OptionSpec,
  type OptionValues,
  THEME_NAMES,
  type ThemeName,
  VIEW_NAMES,
  type ViewName,
} from "../options.ts";
import {
  BACKGROUND_PATTERN,
  backgroundProblem,
  HOST_PATTERN,
  HOST_PORT_PATTERN,
  hostProblem,
  hostPortProblem,
  URL_PATTERN,
  urlProblem,
} from "./syntax.ts";
import type { AuthMethod, Profile, Protocol, Scenario, Topology } from "../types.ts";
import { CLIENTS, PROFILES, PROTOCOLS, ROLES, VERSIONS } from "../types.ts";
import { hybridSchema, namespaceHybridFields, scenarioHybridFields, serverHybridFields, userHybridFields } from "./hybrid-schema.ts";

export const AUTH_METHODS = ["ntlm", "basic", "negotiate", "forms", "windows", "digest", "oauth"] as const satisfies readonly AuthMethod[];
/** The option allow-lists live in options.ts; these names stay for the schema's readers. */
export const THEMES = THEME_NAMES;
export const VIEWS = VIEW_NAMES;
export { LABELS, NOTES };

/** A custom check whose issue carries our code (validate.ts reads `params.code`). */
function syntax(code: "HOST" | "URL" | "FORMAT", problem: (s: string) => string | undefined) {
  return (ctx: { value: string; issues: unknown[] }) => {
    const p = problem(ctx.value);
    if (p !== undefined) ctx.issues.push({ code: "custom", message: p, input: ctx.value, params: { code } });
  };
}

const text = (max = MAX_STRING) => sized(z.string(), 1, max);
// `meta({ pattern })`: the published JSON Schema states the rule the custom check enforces.
const host = () => meta(sized(z.string(), 1, 253).check(syntax("HOST", hostProblem)), { pattern: HOST_PATTERN });
const url = () => meta(sized(z.string(), 1, MAX_URL).check(syntax("URL", urlProblem)), { pattern: URL_PATTERN });
const hostPort = () => meta(sized(z.string(), 1, MAX_URL).check(syntax("URL", hostPortProblem)), { pattern: HOST_PORT_PATTERN });

const vdirSchema = describe(
  z.strictObject({
    internal: optional(url(), "InternalUrl of the virtual directory, e.g. https://mail.contoso.com/owa."),
    external: optional(
      url(),
      "ExternalUrl of the virtual directory; leave out when it is empty ($null). A site is " +
        "Internet-facing for a protocol when a client-access server in it has an ExternalUrl.",
    ),
  }),
  "Internal and external URL of one virtual directory.",
);

const listenerSchema = describe(
  z.strictObject({
    internal: optional(hostPort(), 'Host and port internal clients use, e.g. "mail.contoso.com:995".'),
    external: optional(hostPort(), 'Host and port external clients use, e.g. "mail.contoso.com:995".'),
  }),
  "POP3/IMAP4 connection settings: host:port (or a URL).",
);

const PROTOCOL_NAMES: Record<Protocol, string> = {
  autodiscover: "Autodiscover (/Autodiscover)",
  "outlook-anywhere": "Outlook Anywhere, RPC over HTTP (/rpc)",
  "mapi-http": "MAPI over HTTP (/mapi)",
  "rpc-tcp": "Outlook RPC over TCP (inside the network)",
  owa: "Outlook on the web (/owa)",
  ecp: "Exchange Control Panel (/ecp)",
  activesync: "Exchange ActiveSync (/Microsoft-Server-ActiveSync)",
  ews: "Exchange Web Services (/EWS)",
  oab: "Offline address book (/OAB)",
  pop3: "POP3",
  imap4: "IMAP4",
};

/** An object with one optional field per protocol, in PROTOCOLS order, each described. */
const byProtocol = <T extends z.ZodMiniType>(value: (p: Protocol) => T, what: string) =>
  z.strictObject(
    Object.fromEntries(PROTOCOLS.map((p) => [p, optional(value(p), `${what}: ${PROTOCOL_NAMES[p]}.`)])) as {
      [P in Protocol]: z.ZodMiniOptional<T>;
    },
  );

const urlsSchema = describe(
  byProtocol((p) => (p === "pop3" || p === "imap4" ? listenerSchema : vdirSchema), "URLs"),
  `Virtual-directory URLs per protocol (Get-OwaVirtualDirectory, Get-ActiveSyncVirtualDirectory, ...). Protocols: ${PROTOCOLS.join(", ")}.`,
);

const authSchema = describe(
  byProtocol(() => sized(z.array(z.enum(AUTH_METHODS)), 1, AUTH_METHODS.length), "Authentication methods enabled"),
  `Authentication methods enabled on each virtual directory, e.g. { "owa": ["forms"] }. Methods: ${AUTH_METHODS.join(", ")}.`,
);

const oaAuth = z.enum(["ntlm", "basic", "negotiate"]);
const outlookAnywhereSchema = describe(
  z.strictObject({
    enabled: optional(
      z.boolean(),
      "Outlook Anywhere is enabled on this server. On 2007/2010 it must be enabled for Exchange 2013 to proxy to it.",
    ),
    externalHostname: optional(host(), "ExternalHostname, e.g. mail.contoso.com."),
    internalHostname: optional(host(), "InternalHostname (Exchange 2013 and later)."),
    clientAuth: optional(oaAuth, "Authentication clients use (ClientAuthenticationMethod / ExternalClientAuthenticationMethod)."),
    iisAuth: optional(
      sized(z.array(oaAuth), 1, 3),
      "IIS authentication on /rpc (IISAuthenticationMethods). Must include ntlm on 2007/2010 for 2013 to proxy.",
    ),
    sslOffloading: optional(
      z.boolean(),
      "SSLOffloading of Outlook Anywhere (2013 and later). With Extended Protection on /rpc it must be " +
        "false; exflow assumes nothing when it is left out.",
    ),
    rpcProxyInstalled: optional(z.boolean(), 'Windows "RPC over HTTP Proxy" feature is installed (2007/2010).'),
  }),
  "Outlook Anywhere (RPC over HTTP) settings of a client-access server.",
);

export const serverSchema = meta(
  describe(
    z.strictObject({
      name: describe(text(), "Server name as Exchange shows it, e.g. NY-CAS2013. Unique, compared case-insensitively."),
      fqdn: optional(host(), "Fully qualified domain name, e.g. ny-cas2013.contoso.local."),
      version: describe(z.literal(VERSIONS), 'Exchange version: 2007, 2010, 2013, 2016, 2019, or "SE" (Subscription Edition).'),
      roles: describe(
        meta(sized(z.array(z.enum(ROLES)), 1, ROLES.length), { uniqueItems: true }),
        'Installed roles: "cas" (Client Access), "mailbox", or both. Exchange 2016/2019 servers are ' +
          '["mailbox"]: the Mailbox role includes client access.',
      ),
      site: describe(text(), "Name of the AD site the server is in; must be one of the sites."),
      build: optional(
        text(),
        'Service level, e.g. "SP3 RU10" (2007/2010), "CU12" (2013+), or the build number ' +
          'AdminDisplayVersion shows, e.g. "15.2.2562.17" (Exchange SE RTM); checked against coexistence ' +
          "requirements.",
      ),
      urls: optional(urlsSchema),
      outlookAnywhere: optional(outlookAnywhereSchema),
      auth: optional(authSchema),
      autodiscoverInternalUri: optional(
        url(),
        "AutoDiscoverServiceInternalUri this server publishes in AD (SCP), e.g. " +
          "https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml.",
      ),
      rpcClientAccessServer: optional(
        host(),
        "Exchange 2010 mailbox databases: RpcClientAccessServer, usually the CAS array FQDN, e.g. outlook.contoso.local.",
      ),
      crossSiteRedirectType: optional(
        z.enum(["Manual", "Silent"]),
        'Exchange 2010 OWA virtual directory CrossSiteRedirectType: "Manual" (default: a cross-site OWA ' +
          'redirect shows a link page) or "Silent".',
      ),
      ...serverHybridFields,
    }),
    "An Exchange server.",
  ),
  { examples: [{ name: "NY-CAS2013", version: 2013, roles: ["cas"], site: "New York" }] },
);

export const siteSchema = describe(
  z.strictObject({
    name: describe(text(), 'AD site name, e.g. "New York". Unique, compared case-insensitively.'),
    internetFacing: optional(
      z.boolean(),
      "Override: otherwise a site is Internet-facing for a protocol when one of its client-access servers has an ExternalUrl for it.",
    ),
  }),
  "An Active Directory site.",
);

export const namespaceSchema = meta(
  describe(
    z.strictObject({
      host: describe(host(), "DNS name clients use, e.g. mail.contoso.com. Unique, compared case-insensitively."),
      servers: describe(
        meta(sized(z.array(text()), 1, MAX_NAMESPACE_SERVERS), { uniqueItems: true }),
        "Names of the servers this name lands on (through a load balancer or directly). They must run client access.",
      ),
      internal: optional(z.boolean(), "Resolves in internal DNS (default true)."),
      external: optional(z.boolean(), "Resolves in external DNS and is published through the firewall (default true)."),
      certificate: optional(z.boolean(), "Is on the certificate of the servers it lands on (default true)."),
      ...namespaceHybridFields,
    }),
    "A namespace: a DNS name and the servers behind it.",
  ),
  { examples: [{ host: "mail.contoso.com", servers: ["NY-CAS2013"] }] },
);

export const userSchema = meta(
  describe(
    z.strictObject({
      name: describe(text(), "User name, referenced by scenario.user. Unique, compared case-insensitively."),
      mailbox: optional(text(), 'Name of the Mailbox server holding the user\'s mailbox (required unless location is "cloud").'),
      oabAssigned: optional(z.boolean(), "The mailbox database has an offline address book assigned (default true)."),
      recentlyMoved: optional(z.boolean(), "The mailbox moved from Exchange 2010 within the last hour."),
      ...userHybridFields,
    }),
    "A user and where the mailbox is.",
  ),
  { examples: [{ name: "alice", mailbox: "NY-MBX2007" }] },
);

export const topologySchema = describe(
  z.strictObject({
    name: optional(text(), "A name for this organisation or drawing."),
    domain: optional(host(), "SMTP / Autodiscover domain, e.g. contoso.com."),
    sites: describe(sized(z.array(siteSchema), 1, MAX_SITES), `AD sites (at most ${MAX_SITES}).`),
    servers: describe(sized(z.array(serverSchema), 1, MAX_SERVERS), `Exchange servers (at most ${MAX_SERVERS}).`),
    namespaces: describe(z.array(namespaceSchema).check(z.maxLength(MAX_NAMESPACES)), `DNS names clients use (at most ${MAX_NAMESPACES}).`),
    users: describe(z.array(userSchema).check(z.maxLength(MAX_USERS)), `Users whose flows can be drawn (at most ${MAX_USERS}).`),
    offlineAddressBook: optional(
      z.strictObject({
        generationServer: optional(
          text(),
          "Exchange 2013+: the Mailbox server holding the active copy of the OAB generation (organization) " +
            "mailbox; OAB downloads for 2013+ mailboxes are proxied there. Default: the oldest-version 2013+ " +
            "Mailbox server (then by name).",
        ),
        distribution: optional(
          sized(z.array(text()), 1, MAX_SERVERS),
          "Exchange 2007/2010: Client Access servers whose OAB virtual directory distributes the OAB; " +
            "Autodiscover hands out their OAB URL. Default: the CAS of the mailbox's version in the mailbox's " +
            "site.",
        ),
      }),
      "Where the offline address book is generated and distributed.",
    ),
    profile: optional(
      z.enum(PROFILES),
      "Rule profile for this topology's flows when the scenario or options name none. Default " +
        '"microsoft" (Microsoft\'s documented behaviour); the o365info preset names "o365info".',
    ),
    hybrid: optional(hybridSchema),
  }),
  "An Exchange organisation: AD sites, servers, namespaces and users.",
);

export const scenarioSchema = meta(
  describe(
    z.strictObject({
      user: describe(text(), "Name of a user in the topology."),
      protocol: describe(z.enum(PROTOCOLS), `Client protocol: ${PROTOCOLS.join(", ")}.`),
      client: describe(z.enum(CLIENTS), 'Where the client is: "internal" (inside the network) or "external" (on the Internet).'),
      host: optional(
        host(),
        "Host name the client connects to, e.g. mail.contoso.com. Default: what namespaces and Autodiscover give this client.",
      ),
      profile: optional(
        z.enum(PROFILES),
        '"o365info" follows the o365info article; "microsoft" follows Microsoft\'s documentation where they disagree.',
      ),
      ...scenarioHybridFields,
    }),
    "One client request to trace.",
  ),
  { examples: [{ user: "alice", protocol: "activesync", client: "external", host: "mail.o365info.com" }] },
);

/** One option's zod check, from its row in OPTIONS (core/options.ts). */
function optionSchema(name: OptionName): z.ZodMiniType {
  const spec: OptionSpec = OPTIONS[name];
  const values = spec.values ?? [];
  if (spec.kind === "color")
    return meta(sized(z.string(), 1, 80).check(syntax("FORMAT", backgroundProblem)), { pattern: BACKGROUND_PATTERN });
  if (spec.kind === "enum") return typeof values[0] === "number" ? z.literal(values as number[]) : z.enum(values as [string, ...string[]]);
  if (name === "users") return sized(z.array(text()), 1, MAX_SCOPE_USERS);
  return meta(sized(z.array(z.enum(values as [string, ...string[]])), 1, values.length), { uniqueItems: true });
}

const optionShape = (names: readonly OptionName[]) => Object.fromEntries(names.map((n) => [n, optional(optionSchema(n), OPTIONS[n].help)]));

export const optionsSchema = describe(z.strictObject(optionShape(OPTION_NAMES)), "Rendering options.") as unknown as z.ZodMiniType<{
  [K in FlowOptionName]?: OptionValues[K];
}>;

const requestFields = { scenario: scenarioSchema, options: optional(optionsSchema) };
/** Validated by validate.ts against the presets (with did-you-mean); the enum is for the published schema. */
const presetId = () => meta(describe(text(), "Id of a built-in topology, e.g. o365info."), { enum: Object.keys(presets) });
export const flowRequestSchema = describe(
  z.union([z.strictObject({ topology: topologySchema, ...requestFields }), z.strictObject({ preset: presetId(), ...requestFields })]),
  "A flow request: a topology (or the id of a built-in one), the scenario to trace, and rendering options.",
);

/**
 * What an audit takes: the profile, and a scope (which users, which protocols) so that a large
 * organisation can be audited in parts. Theme, background and view are accepted and ignored, so one
 * request document can serve both /v1/flow and /v1/audit.
 */
/**
 * What an audit takes: the profile, and a scope (which users, which protocols) so that a large
 * organisation can be audited in parts. Rendering options are accepted and ignored, so one
 * request document can serve both /v1/flow and /v1/audit.
 */
export const auditOptionsSchema = describe(
  z.strictObject(optionShape(AUDIT_OPTION_NAMES)),
  "Audit options: the routing profile and the scope; rendering options are accepted and ignored.",
) as unknown as z.ZodMiniType<OptionValues>;

export const auditRequestSchema = describe(
  z.union([
    z.strictObject({ topology: topologySchema, options: optional(auditOptionsSchema) }),
    z.strictObject({ preset: presetId(), options: optional(auditOptionsSchema) }),
  ]),
  "An audit request: a topology (or the id of a built-in one) and options (profile, users, protocols).",
);

export type FlowOptions = z.output<typeof optionsSchema>;
export type AuditRequestOptions = z.output<typeof auditOptionsSchema>;
/** A flow request as sent (before preset resolution); validate.ts's FlowRequest is the resolved one. */
export type FlowRequestInput = z.infer<typeof flowRequestSchema>;

// The schemas must produce exactly the types in types.ts (input and output are the same: no transforms).
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Expect<T extends true> = T;
export type SchemaContract = [
  Expect<Equal<z.output<typeof topologySchema>, Topology>>,
  Expect<Equal<z.input<typeof topologySchema>, Topology>>,
  Expect<Equal<z.output<typeof scenarioSchema>, Scenario>>,
  Expect<Equal<(typeof AUTH_METHODS)[number], AuthMethod>>,
  // Options take exactly the allow-lists of core/options.ts.
  Expect<Equal<keyof FlowOptions, FlowOptionName>>,
  Expect<Equal<NonNullable<FlowOptions["profile"]>, Profile>>,
  Expect<Equal<NonNullable<FlowOptions["theme"]>, ThemeName>>,
  Expect<Equal<NonNullable<FlowOptions["view"]>, ViewName>>,
];

type JsonSchema = Record<string, unknown>;
const cache = new Map<string, JsonSchema>();
function jsonSchema(key: string, schema: z.ZodMiniType): JsonSchema {
  let s = cache.get(key);
  if (!s) {
    s = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    cache.set(key, s);
  }
  return s;
}

/** JSON Schema (draft 2020-12) of a topology document, for editors and the API docs. */
export const topologyJsonSchema = (): JsonSchema => jsonSchema("topology", topologySchema);
export const scenarioJsonSchema = (): JsonSchema => jsonSchema("scenario", scenarioSchema);
/** The JSON Schema of what POST /v1/flow accepts. */
export const flowRequestJsonSchema = (): JsonSchema => jsonSchema("flowRequest", flowRequestSchema);
export const auditRequestJsonSchema = (): JsonSchema => jsonSchema("auditRequest", auditRequestSchema);
/** The JSON Schema of what POST /flow accepts. */
export const inputJsonSchema = flowRequestJsonSchema;
