/**
 * The input contract as zod schemas: `topologySchema`, `scenarioSchema`, `flowRequestSchema`.
 * They check shape, types, enums, sizes, host names and URLs (one issue per problem, all of them);
 * validate.ts adds the cross-field rules and turns zod's issues into ours. The same schemas
 * publish the JSON Schema of the input (`flowRequestJsonSchema()`), so every `.describe()` here
 * is written for the person filling in the document.
 *
 * Everything is strict: an unknown field is an error (usually a typo), never silently ignored.
 */
import * as z from "zod/mini";
import { MAX_NAMESPACE_SERVERS, MAX_NAMESPACES, MAX_SERVERS, MAX_SITES, MAX_STRING, MAX_URL, MAX_USERS } from "./limits.ts";
import { BACKGROUND_HELP, type OPTION_NAMES, THEME_NAMES, type ThemeName, VIEW_NAMES, type ViewName } from "./options.ts";
import { backgroundProblem, hostProblem, hostPortProblem, urlProblem } from "./syntax.ts";
import type { AuthMethod, Profile, Protocol, Scenario, Topology } from "./types.ts";
import { CLIENTS, PROFILES, PROTOCOLS, ROLES, VERSIONS } from "./types.ts";

export const AUTH_METHODS = ["ntlm", "basic", "negotiate", "forms", "windows", "digest", "oauth"] as const satisfies readonly AuthMethod[];

/** A custom check whose issue carries our code (validate.ts reads `params.code`). */
function syntax(code: "HOST" | "URL" | "FORMAT", problem: (s: string) => string | undefined) {
  return (ctx: { value: string; issues: unknown[] }) => {
    const p = problem(ctx.value);
    if (p !== undefined) ctx.issues.push({ code: "custom", message: p, input: ctx.value, params: { code } });
  };
}

/**
 * zod's smaller build (zod/mini: functions instead of methods, so the bundle carries only what is
 * used). `described` puts the text (and examples) in zod's global registry, where the JSON Schema
 * export finds it, without adding a no-op check to every parse as `.check(z.describe())` would.
 */
function described<T extends z.ZodMiniType>(schema: T, description: string, meta: Record<string, unknown> = {}): T {
  z.globalRegistry.add(schema, { description, ...meta });
  return schema;
}
const opt = <T extends z.ZodMiniType>(schema: T, description: string) => described(z.optional(schema), description);
const sized = (min: number, max: number) => [z.minLength(min), z.maxLength(max)] as const;

const text = (max = MAX_STRING) => z.string().check(...sized(1, max));
const host = () => z.string().check(...sized(1, MAX_STRING), syntax("HOST", hostProblem));
const url = () => z.string().check(...sized(1, MAX_URL), syntax("URL", urlProblem));
const hostPort = () => z.string().check(...sized(1, MAX_URL), syntax("URL", hostPortProblem));

const vdirSchema = described(
  z.strictObject({
    internal: opt(url(), "InternalUrl of the virtual directory, e.g. https://mail.contoso.com/owa."),
    external: opt(url(), "ExternalUrl of the virtual directory; leave out when it is empty ($null). A site is Internet-facing for a protocol when a client-access server in it has an ExternalUrl."),
  }),
  "Internal and external URL of one virtual directory.",
);

const listenerSchema = described(
  z.strictObject({
    internal: opt(hostPort(), 'Host and port internal clients use, e.g. "mail.contoso.com:995".'),
    external: opt(hostPort(), 'Host and port external clients use, e.g. "mail.contoso.com:995".'),
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
  z.strictObject(Object.fromEntries(PROTOCOLS.map((p) => [p, opt(value(p), `${what}: ${PROTOCOL_NAMES[p]}.`)])) as { [P in Protocol]: z.ZodMiniOptional<T> });

const urlsSchema = described(
  byProtocol((p) => (p === "pop3" || p === "imap4" ? listenerSchema : vdirSchema), "URLs"),
  "Virtual-directory URLs per protocol (Get-OwaVirtualDirectory, Get-ActiveSyncVirtualDirectory, ...). Protocols: " + PROTOCOLS.join(", ") + ".",
);

const authSchema = described(
  byProtocol(() => z.array(z.enum(AUTH_METHODS)).check(...sized(1, AUTH_METHODS.length)), "Authentication methods enabled"),
  'Authentication methods enabled on each virtual directory, e.g. { "owa": ["forms"] }. Methods: ' + AUTH_METHODS.join(", ") + ".",
);

const oaAuth = z.enum(["ntlm", "basic", "negotiate"]);
const outlookAnywhereSchema = described(
  z.strictObject({
    enabled: opt(z.boolean(), "Outlook Anywhere is enabled on this server. On 2007/2010 it must be enabled for Exchange 2013 to proxy to it."),
    externalHostname: opt(host(), "ExternalHostname, e.g. mail.contoso.com."),
    internalHostname: opt(host(), "InternalHostname (Exchange 2013 and later)."),
    clientAuth: opt(oaAuth, "Authentication clients use (ClientAuthenticationMethod / ExternalClientAuthenticationMethod)."),
    iisAuth: opt(z.array(oaAuth).check(...sized(1, 3)), "IIS authentication on /rpc (IISAuthenticationMethods). Must include ntlm on 2007/2010 for 2013 to proxy."),
    rpcProxyInstalled: opt(z.boolean(), 'Windows "RPC over HTTP Proxy" feature is installed (2007/2010).'),
  }),
  "Outlook Anywhere (RPC over HTTP) settings of a client-access server.",
);

export const serverSchema = described(
  z.strictObject({
    name: described(text(), "Server name as Exchange shows it, e.g. NY-CAS2013. Unique, compared case-insensitively."),
    fqdn: opt(host(), "Fully qualified domain name, e.g. ny-cas2013.contoso.local."),
    version: described(z.literal(VERSIONS), "Exchange version: 2007, 2010, 2013, 2016 or 2019."),
    roles: described(
      z.array(z.enum(ROLES)).check(...sized(1, ROLES.length)),
      'Installed roles: "cas" (Client Access), "mailbox", or both. Exchange 2016/2019 servers are ["mailbox"]: the Mailbox role includes client access.',
    ),
    site: described(text(), "Name of the AD site the server is in; must be one of the sites."),
    build: opt(text(), 'Service level, e.g. "SP3 RU10" (2007/2010) or "CU12" (2013+); checked against coexistence requirements.'),
    urls: z.optional(urlsSchema),
    outlookAnywhere: z.optional(outlookAnywhereSchema),
    auth: z.optional(authSchema),
    autodiscoverInternalUri: opt(url(), "AutoDiscoverServiceInternalUri this server publishes in AD (SCP), e.g. https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml."),
    rpcClientAccessServer: opt(host(), "Exchange 2010 mailbox databases: RpcClientAccessServer, usually the CAS array FQDN, e.g. outlook.contoso.local."),
    crossSiteRedirectType: opt(z.enum(["Manual", "Silent"]), 'Exchange 2010 OWA virtual directory CrossSiteRedirectType: "Manual" (default: a cross-site OWA redirect shows a link page) or "Silent".'),
  }),
  "An Exchange server.",
  { examples: [{ name: "NY-CAS2013", version: 2013, roles: ["cas"], site: "New York" }] },
);

export const siteSchema = described(
  z.strictObject({
    name: described(text(), 'AD site name, e.g. "New York". Unique, compared case-insensitively.'),
    internetFacing: opt(z.boolean(), "Override: otherwise a site is Internet-facing for a protocol when one of its client-access servers has an ExternalUrl for it."),
  }),
  "An Active Directory site.",
);

export const namespaceSchema = described(
  z.strictObject({
    host: described(host(), "DNS name clients use, e.g. mail.contoso.com. Unique, compared case-insensitively."),
    servers: described(z.array(text()).check(...sized(1, MAX_NAMESPACE_SERVERS)), "Names of the servers this name lands on (through a load balancer or directly). They must run client access."),
    internal: opt(z.boolean(), "Resolves in internal DNS (default true)."),
    external: opt(z.boolean(), "Resolves in external DNS and is published through the firewall (default true)."),
    certificate: opt(z.boolean(), "Is on the certificate of the servers it lands on (default true)."),
  }),
  "A namespace: a DNS name and the servers behind it.",
  { examples: [{ host: "mail.contoso.com", servers: ["NY-CAS2013"] }] },
);

export const userSchema = described(
  z.strictObject({
    name: described(text(), "User name, referenced by scenario.user. Unique, compared case-insensitively."),
    mailbox: described(text(), "Name of the Mailbox server holding the user's mailbox."),
    oabAssigned: opt(z.boolean(), "The mailbox database has an offline address book assigned (default true)."),
    recentlyMoved: opt(z.boolean(), "The mailbox moved from Exchange 2010 within the last hour."),
  }),
  "A user and where the mailbox is.",
  { examples: [{ name: "alice", mailbox: "NY-MBX2007" }] },
);

export const topologySchema = described(
  z.strictObject({
    name: opt(text(), "A name for this organisation or drawing."),
    domain: opt(host(), "SMTP / Autodiscover domain, e.g. contoso.com."),
    sites: described(z.array(siteSchema).check(...sized(1, MAX_SITES)), `AD sites (at most ${MAX_SITES}).`),
    servers: described(z.array(serverSchema).check(...sized(1, MAX_SERVERS)), `Exchange servers (at most ${MAX_SERVERS}).`),
    namespaces: described(z.array(namespaceSchema).check(z.maxLength(MAX_NAMESPACES)), `DNS names clients use (at most ${MAX_NAMESPACES}).`),
    users: described(z.array(userSchema).check(z.maxLength(MAX_USERS)), `Users whose flows can be drawn (at most ${MAX_USERS}).`),
    offlineAddressBook: opt(
      z.strictObject({
        generationServer: opt(text(), "Exchange 2013+: the Mailbox server holding the active copy of the OAB generation (organization) mailbox; OAB downloads for 2013+ mailboxes are proxied there. Default: the oldest-version 2013+ Mailbox server (then by name)."),
        distribution: opt(z.array(text()).check(...sized(1, MAX_SERVERS)), "Exchange 2007/2010: Client Access servers whose OAB virtual directory distributes the OAB; Autodiscover hands out their OAB URL. Default: the CAS of the mailbox's version in the mailbox's site."),
      }),
      "Where the offline address book is generated and distributed.",
    ),
    profile: opt(z.enum(PROFILES), 'Rule profile for this topology\'s flows when the scenario or options name none. Default "microsoft" (Microsoft\'s documented behaviour); the o365info preset names "o365info".'),
  }),
  "An Exchange organisation: AD sites, servers, namespaces and users.",
);

export const scenarioSchema = described(
  z.strictObject({
    user: described(text(), "Name of a user in the topology."),
    protocol: described(z.enum(PROTOCOLS), "Client protocol: " + PROTOCOLS.join(", ") + "."),
    client: described(z.enum(CLIENTS), 'Where the client is: "internal" (inside the network) or "external" (on the Internet).'),
    host: opt(host(), "Host name the client connects to, e.g. mail.contoso.com. Default: what namespaces and Autodiscover give this client."),
    profile: opt(z.enum(PROFILES), '"o365info" follows the o365info article; "microsoft" follows Microsoft\'s documentation where they disagree.'),
  }),
  "One client request to trace.",
  { examples: [{ user: "alice", protocol: "activesync", client: "external", host: "mail.o365info.com" }] },
);

export const optionsSchema = described(
  z.strictObject({
    profile: opt(z.enum(PROFILES), "Default profile for the scenario when it sets none."),
    theme: opt(z.enum(THEME_NAMES), "Diagram theme."),
    background: opt(
      z.string().check(...sized(1, 80), syntax("FORMAT", backgroundProblem)),
      `Diagram background: ${BACKGROUND_HELP}, e.g. "#ffffff".`,
    ),
    view: opt(z.enum(VIEW_NAMES), '"sequence" (numbered hops over time) or "map" (servers by site with numbered arrows).'),
  }),
  "Rendering options.",
);

const requestFields = { scenario: scenarioSchema, options: z.optional(optionsSchema) };
export const flowRequestSchema = described(
  z.union([
    z.strictObject({ topology: topologySchema, ...requestFields }),
    z.strictObject({ preset: described(text(), "Id of a built-in topology, e.g. o365info."), ...requestFields }),
  ]),
  "A flow request: a topology (or the id of a built-in one), the scenario to trace, and rendering options.",
);

export type FlowOptions = z.infer<typeof optionsSchema>;
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
  Expect<Equal<keyof FlowOptions, (typeof OPTION_NAMES)[number]>>,
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
