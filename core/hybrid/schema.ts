/**
 * zod schemas of the hybrid input (types in ./types.ts): the `hybrid` block, a namespace's load
 * balancer and the hybrid fields of servers, users and scenarios. schema.ts spreads these into its
 * strict objects, so the JSON Schema and OpenAPI describe them with no extra work.
 */
import * as z from "zod";
import { MAX_SERVERS, MAX_STRING, MAX_URL } from "../limits.ts";
import { HOST_PATTERN, hostProblem, URL_PATTERN, urlProblem } from "../syntax.ts";
import { CLIENT_APPS, HYBRID_TYPES, LB_TLS, SCENARIO_KINDS, USER_LOCATIONS } from "./types.ts";

function syntax(code: "HOST" | "URL", problem: (s: string) => string | undefined) {
  return (ctx: { value: string; issues: unknown[] }) => {
    const p = problem(ctx.value);
    if (p !== undefined) ctx.issues.push({ code: "custom", message: p, input: ctx.value, params: { code } });
  };
}
const text = () => z.string().min(1).max(MAX_STRING);
// `.meta({ pattern })`: the published JSON Schema (and OpenAPI) states the rule the custom check enforces.
const host = () => z.string().min(1).max(MAX_STRING).check(syntax("HOST", hostProblem)).meta({ pattern: HOST_PATTERN });
const url = () => z.string().min(1).max(MAX_URL).check(syntax("URL", urlProblem)).meta({ pattern: URL_PATTERN });
const hosts = (max = 100) => z.array(host()).min(1).max(max);

export const loadBalancerSchema = z
  .strictObject({
    tls: z
      .enum(LB_TLS)
      .describe(
        'How the load balancer handles TLS: "passthrough" (layer 4, Exchange terminates TLS), "bridging" ' +
          '(decrypts and re-encrypts), "offload" (decrypts and sends plain HTTP). Extended Protection does ' +
          "not work with offload, nor with bridging on a different certificate.",
      ),
    sameCertificate: z
      .boolean()
      .optional()
      .describe("Bridging: the load balancer presents the same certificate as the Exchange servers (default true)."),
  })
  .describe("The load balancer in front of the namespace's servers.");

/** Fields a namespace gains (spread into namespaceSchema). */
export const namespaceHybridFields = {
  lb: loadBalancerSchema.optional(),
  preAuth: z
    .boolean()
    .optional()
    .describe(
      "A reverse proxy or firewall pre-authenticates requests to this name (default false). Exchange " +
        "Online's calls to Autodiscover, EWS and MRSProxy cannot pass pre-authentication.",
    ),
};

/** Fields a server gains (spread into serverSchema). */
export const serverHybridFields = {
  extendedProtection: z
    .boolean()
    .optional()
    .describe(
      "Windows Extended Protection is on for the IIS virtual directories. Default by build: on for " +
        "Exchange SE and for 2019 CU14 or later (Setup turns it on), off before.",
    ),
  mrsProxy: z
    .boolean()
    .optional()
    .describe(
      "MRSProxy is enabled on the EWS virtual directory (default false). Hybrid mailbox moves need it " +
        "on every server behind the migration endpoint.",
    ),
  outbound443: z
    .boolean()
    .optional()
    .describe(
      "The server can reach Exchange Online on outbound TCP 443 (default true). On-premises free/busy lookups of cloud users need it.",
    ),
};

/** Fields a user gains (spread into userSchema). */
export const userHybridFields = {
  location: z
    .enum(USER_LOCATIONS)
    .optional()
    .describe(
      'Where the mailbox is: "onprem" (default; needs `mailbox`) or "cloud" (moved to Exchange Online; ' +
        "a RemoteMailbox on-premises, needs a `hybrid` block).",
    ),
  targetAddress: z
    .string()
    .min(3)
    .max(MAX_STRING)
    .regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "expected an e-mail address like bob@contoso.mail.onmicrosoft.com")
    .optional()
    .describe(
      "Cloud users: the RemoteMailbox targetAddress, e.g. bob@contoso.mail.onmicrosoft.com (default: name@ the hybrid routing domain).",
    ),
};

/** Fields a scenario gains (spread into scenarioSchema). */
export const scenarioHybridFields = {
  kind: z
    .enum(SCENARIO_KINDS)
    .optional()
    .describe(
      'What is traced: "client" (default: the client request of `protocol`), "free-busy" (the user ' +
        "looks up `target`'s calendar, over EWS), \"mailbox-move\" (Exchange Online MRS moves the user's " +
        'mailbox, over EWS /mrsproxy.svc), "smtp" (a message from the user to `target`). The hybrid kinds ' +
        "need a `hybrid` block.",
    ),
  target: text().optional().describe("free-busy: the user whose calendar is asked for; smtp: the recipient."),
  app: z
    .enum(CLIENT_APPS)
    .optional()
    .describe(
      'Client application: "outlook", "outlook-direct-connect" (Click-to-Run Outlook that asks ' +
        'Microsoft 365 first), "outlook-mobile" (Outlook for iOS and Android), "eas" (native ActiveSync ' +
        'that follows HTTP 451), "eas-no-451" (an ActiveSync client that cannot follow it).',
    ),
};

const onPremOrgRel = z
  .strictObject({
    targetOwaUrl: url()
      .optional()
      .describe(
        'TargetOwaURL, e.g. "https://outlook.office.com/mail": where on-premises OWA sends cloud users, ' +
          "and what the ActiveSync 451 points devices at.",
      ),
    freeBusy: z.boolean().optional().describe("FreeBusyAccessEnabled (default true)."),
    targetSharingEpr: url().optional().describe("TargetSharingEpr; when set it is used and Autodiscover is skipped."),
  })
  .describe("The on-premises organization relationship (towards Exchange Online).");

const exoOrgRel = z
  .strictObject({
    targetAutodiscoverEpr: url()
      .optional()
      .describe("TargetAutodiscoverEpr of the Exchange Online side: the published on-premises Autodiscover URL."),
    targetSharingEpr: url()
      .optional()
      .describe("TargetSharingEpr of the Exchange Online side (modern hybrid: the Hybrid Agent URL); when set, Autodiscover is skipped."),
  })
  .describe("The Exchange Online organization relationship (towards on-premises).");

const ioc = z
  .strictObject({
    enabled: z.boolean().optional().describe("Enabled (default true): OAuth is used for free/busy."),
    discoveryEndpoint: url()
      .optional()
      .describe("DiscoveryEndpoint, e.g. https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc."),
  })
  .describe("An IntraOrganizationConnector (OAuth).");

export const hybridSchema = z
  .strictObject({
    type: z
      .enum(HYBRID_TYPES)
      .describe(
        'Hybrid Configuration Wizard topology: "none", "minimal" (moves only, no free/busy), "classic" ' +
          '(EWS and Autodiscover published to Exchange Online), "modern" (Hybrid Agent).',
      ),
    tenant: host().optional().describe("The tenant's initial domain, e.g. contoso.onmicrosoft.com."),
    routingDomain: host()
      .optional()
      .describe("The coexistence (routing) domain, e.g. contoso.mail.onmicrosoft.com; cloud users' targetAddress is in it."),
    onPremDomains: hosts()
      .optional()
      .describe("Accepted domains shared by both sides, e.g. [contoso.com] (default: the topology's domain)."),
    hybridServers: z
      .array(text())
      .min(1)
      .max(MAX_SERVERS)
      .optional()
      .describe("Servers the Hybrid Configuration Wizard configured (default: every client-access server)."),
    hma: z
      .boolean()
      .optional()
      .describe("Hybrid Modern Authentication is on: Outlook and Outlook mobile get Microsoft Entra ID tokens for on-premises mailboxes."),
    spns: hosts(500)
      .optional()
      .describe(
        "Host names registered as service principal names of the Exchange app in Entra ID (HMA); leave " +
          "out when all internal and external names are registered.",
      ),
    dedicatedApp: z
      .boolean()
      .optional()
      .describe(
        "The dedicated Exchange hybrid app is configured (default true). Since 2025-10-31 Exchange Online " +
          "refuses rich-coexistence EWS calls through the shared service principal.",
      ),
    identityFederation: z.boolean().optional().describe("Users sign in to Microsoft 365 through AD FS or another federation service."),
    mx: z
      .enum(["eop", "onprem"])
      .optional()
      .describe('Where the MX record points: "eop" (Exchange Online Protection, default) or "onprem".'),
    centralizedTransport: z
      .boolean()
      .optional()
      .describe("Centralized mail transport: Exchange Online sends Internet mail through on-premises."),
    orgRelationship: z
      .strictObject({ onPrem: onPremOrgRel.optional(), exo: exoOrgRel.optional() })
      .optional()
      .describe("Organization relationships (DAuth, free/busy and the OWA/ActiveSync redirect target)."),
    ioc: z.strictObject({ onPrem: ioc.optional(), exo: ioc.optional() }).optional().describe("IntraOrganizationConnectors (OAuth)."),
    migrationEndpoint: host()
      .optional()
      .describe(
        "RemoteServer of the migration endpoint: a published on-premises name (classic) or the Hybrid " +
          "Agent's msappproxy.net name (modern).",
      ),
    hybridAgent: z
      .strictObject({
        url: host().describe("The App Proxy name, <guid>.resource.mailboxmigration.his.msappproxy.net."),
        targetServer: text().describe("The Client Access server (or namespace) the agent registered."),
        online: z.boolean().optional().describe("The registered server is up (default true)."),
      })
      .optional()
      .describe("The Microsoft Hybrid Agent (modern hybrid)."),
    sendConnector: z
      .strictObject({
        smartHost: host()
          .optional()
          .describe('Smart host of the "Outbound to Office 365" connector, e.g. contoso-com.mail.protection.outlook.com.'),
        sourceServers: z
          .array(text())
          .min(1)
          .max(MAX_SERVERS)
          .optional()
          .describe("Servers that send to Exchange Online (default: the hybrid servers)."),
        trustedCertificate: z
          .boolean()
          .optional()
          .describe("The transport certificate is from a public CA that Exchange Online Protection trusts (default true)."),
      })
      .optional()
      .describe("The on-premises send connector to Exchange Online."),
    inboundHost: host()
      .optional()
      .describe("The on-premises name Exchange Online Protection delivers to (default: the first published namespace of a hybrid server)."),
  })
  .describe("Exchange hybrid with Exchange Online. Leave out for an on-premises-only organisation.")
  .meta({
    examples: [
      {
        type: "classic",
        tenant: "contoso.onmicrosoft.com",
        routingDomain: "contoso.mail.onmicrosoft.com",
        orgRelationship: { onPrem: { targetOwaUrl: "https://outlook.office.com/mail" } },
      },
    ],
  });
