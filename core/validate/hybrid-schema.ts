/**
 * zod schemas of the hybrid input (types in ./types.ts): the `hybrid` block, a namespace's load
 * balancer and the hybrid fields of servers, users and scenarios. schema.ts spreads these into its
 * strict objects, so the JSON Schema and OpenAPI describe them with no extra work.
 */
import { MAX_SERVERS, MAX_STRING, MAX_URL } from "../limits.ts";
import { HOST_PATTERN, hostProblem, URL_PATTERN, urlProblem } from "./syntax.ts";
import * as z from "zod/mini";
import { describe, meta, optional, sized } from "./zod.ts";
import { CLIENT_APPS, EP_MODES, EP_VDIRS, HYBRID_TYPES, LB_SMTP, LB_TLS, SCENARIO_KINDS, USER_LOCATIONS } from "../types-hybrid.ts";

function syntax(code: "HOST" | "URL", problem: (s: string) => string | undefined) {
  return (ctx: { value: string; issues: unknown[] }) => {
    const p = problem(ctx.value);
    if (p !== undefined) ctx.issues.push({ code: "custom", message: p, input: ctx.value, params: { code } });
  };
}
const text = () => sized(z.string(), 1, MAX_STRING);
// `meta({ pattern })`: the published JSON Schema (and OpenAPI) states the rule the custom check enforces.
const host = () => meta(sized(z.string(), 1, MAX_STRING).check(syntax("HOST", hostProblem)), { pattern: HOST_PATTERN });
const url = () => meta(sized(z.string(), 1, MAX_URL).check(syntax("URL", urlProblem)), { pattern: URL_PATTERN });
const hosts = (max = 100) => sized(z.array(host()), 1, max);

export const loadBalancerSchema = describe(
  z.strictObject({
    tls: describe(
      z.enum(LB_TLS),
      'How the load balancer handles TLS: "passthrough" (layer 4, Exchange terminates TLS), "bridging" ' +
        '(decrypts and re-encrypts), "offload" (decrypts and sends plain HTTP). Extended Protection does ' +
        "not work with offload, nor with bridging on a different certificate.",
    ),
    sameCertificate: optional(
      z.boolean(),
      "Bridging: the load balancer presents the same certificate as the Exchange servers (default true).",
    ),
    smtp: optional(
      z.enum(LB_SMTP),
      'The SMTP (port 25) service, apart from HTTPS: "passthrough" (default; Exchange does STARTTLS) or ' +
        '"terminate" (the device ends TLS, so Exchange no longer sees Exchange Online Protection\'s certificate).',
    ),
  }),
  "The load balancer in front of the namespace's servers.",
);

/** Fields a namespace gains (spread into namespaceSchema). */
export const namespaceHybridFields = {
  lb: optional(loadBalancerSchema),
  preAuth: optional(
    z.boolean(),
    "A reverse proxy or firewall pre-authenticates requests to this name (default false). Exchange " +
      "Online's calls to Autodiscover, EWS and MRSProxy cannot pass pre-authentication.",
  ),
};

/** Fields a server gains (spread into serverSchema). */
export const serverHybridFields = {
  extendedProtection: optional(
    z.boolean(),
    "Windows Extended Protection is on for the IIS virtual directories. Default by build: on for " +
      "Exchange SE and for 2019 CU14 or later (Setup turns it on), off before.",
  ),
  extendedProtectionVdirs: optional(
    z.partialRecord(
      z.enum(EP_VDIRS),
      z.strictObject({
        frontEnd: optional(z.enum(EP_MODES), "Front-end (Default Web Site) setting."),
        backEnd: optional(z.enum(EP_MODES), "Back-end (Exchange Back End) setting."),
      }),
    ),
    "Extended Protection per virtual directory: off, allow or require, front end and back end. Unset: " +
      "Microsoft's recommended values when Extended Protection is on (Autodiscover off; EWS and " +
      "ActiveSync allow on the front end, require on the back end; the others require), else off.",
  ),
  mrsProxy: optional(
    z.boolean(),
    "MRSProxy is enabled on the EWS virtual directory (default false). Hybrid mailbox moves need it " +
      "on every server behind the migration endpoint.",
  ),
  outbound443: optional(
    z.boolean(),
    "The server can reach Exchange Online on outbound TCP 443 (default true). On-premises free/busy lookups of cloud users need it.",
  ),
};

/** Fields a user gains (spread into userSchema). */
export const userHybridFields = {
  location: optional(
    z.enum(USER_LOCATIONS),
    'Where the mailbox is: "onprem" (default; needs `mailbox`) or "cloud" (moved to Exchange Online; ' +
      "a RemoteMailbox on-premises, needs a `hybrid` block).",
  ),
  targetAddress: optional(
    sized(z.string(), 3, MAX_STRING).check(
      z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/, "expected an e-mail address like bob@contoso.mail.onmicrosoft.com"),
    ),
    "Cloud users: the RemoteMailbox targetAddress, e.g. bob@contoso.mail.onmicrosoft.com (default: name@ the hybrid routing domain).",
  ),
};

/** Fields a scenario gains (spread into scenarioSchema). */
export const scenarioHybridFields = {
  kind: optional(
    z.enum(SCENARIO_KINDS),
    'What is traced: "client" (default: the client request of `protocol`), "free-busy" (the user ' +
      "looks up `target`'s calendar, over EWS), \"mailbox-move\" (Exchange Online MRS moves the user's " +
      'mailbox, over EWS /mrsproxy.svc), "smtp" (a message from the user to `target`). The hybrid kinds ' +
      "need a `hybrid` block.",
  ),
  target: optional(text(), "free-busy: the user whose calendar is asked for; smtp: the recipient."),
  app: optional(
    z.enum(CLIENT_APPS),
    'Client application: "outlook", "outlook-direct-connect" (Click-to-Run Outlook that asks ' +
      'Microsoft 365 first), "outlook-mobile" (Outlook for iOS and Android), "eas" (native ActiveSync ' +
      'that follows HTTP 451), "eas-no-451" (an ActiveSync client that cannot follow it).',
  ),
};

const onPremOrgRel = describe(
  z.strictObject({
    targetOwaUrl: optional(
      url(),
      'TargetOwaURL, e.g. "https://outlook.office.com/mail": where on-premises OWA sends cloud users, ' +
        "and what the ActiveSync 451 points devices at.",
    ),
    freeBusy: optional(z.boolean(), "FreeBusyAccessEnabled (default true)."),
    targetSharingEpr: optional(url(), "TargetSharingEpr; when set it is used and Autodiscover is skipped."),
  }),
  "The on-premises organization relationship (towards Exchange Online).",
);

const exoOrgRel = describe(
  z.strictObject({
    targetAutodiscoverEpr: optional(
      url(),
      "TargetAutodiscoverEpr of the Exchange Online side: the published on-premises Autodiscover URL.",
    ),
    targetSharingEpr: optional(
      url(),
      "TargetSharingEpr of the Exchange Online side (modern hybrid: the Hybrid Agent URL); when set, Autodiscover is skipped.",
    ),
  }),
  "The Exchange Online organization relationship (towards on-premises).",
);

const ioc = describe(
  z.strictObject({
    enabled: optional(z.boolean(), "Enabled (default true): OAuth is used for free/busy."),
    discoveryEndpoint: optional(url(), "DiscoveryEndpoint, e.g. https://autodiscover-s.outlook.com/autodiscover/autodiscover.svc."),
  }),
  "An IntraOrganizationConnector (OAuth).",
);

export const hybridSchema = meta(
  describe(
    z.strictObject({
      type: describe(
        z.enum(HYBRID_TYPES),
        'Hybrid Configuration Wizard topology: "none", "minimal" (moves only, no free/busy), "classic" ' +
          '(EWS and Autodiscover published to Exchange Online), "modern" (Hybrid Agent).',
      ),
      tenant: optional(host(), "The tenant's initial domain, e.g. contoso.onmicrosoft.com."),
      routingDomain: optional(
        host(),
        "The coexistence (routing) domain, e.g. contoso.mail.onmicrosoft.com; cloud users' targetAddress is in it.",
      ),
      onPremDomains: optional(hosts(), "Accepted domains shared by both sides, e.g. [contoso.com] (default: the topology's domain)."),
      hybridServers: optional(
        sized(z.array(text()), 1, MAX_SERVERS),
        "Servers the Hybrid Configuration Wizard configured (default: every client-access server).",
      ),
      hma: optional(
        z.boolean(),
        "Hybrid Modern Authentication is on: Outlook and Outlook mobile get Microsoft Entra ID tokens for on-premises mailboxes.",
      ),
      spns: optional(
        hosts(500),
        "Host names registered as service principal names of the Exchange app in Entra ID (HMA); leave " +
          "out when all internal and external names are registered.",
      ),
      dedicatedApp: optional(
        z.boolean(),
        "The dedicated Exchange hybrid app is configured (default true). Since 2025-10-31 Exchange Online " +
          "refuses rich-coexistence EWS calls through the shared service principal.",
      ),
      identityFederation: optional(z.boolean(), "Users sign in to Microsoft 365 through AD FS or another federation service."),
      mx: optional(z.enum(["eop", "onprem"]), 'Where the MX record points: "eop" (Exchange Online Protection, default) or "onprem".'),
      centralizedTransport: optional(z.boolean(), "Centralized mail transport: Exchange Online sends Internet mail through on-premises."),
      orgRelationship: optional(
        z.strictObject({ onPrem: optional(onPremOrgRel), exo: optional(exoOrgRel) }),
        "Organization relationships (DAuth, free/busy and the OWA/ActiveSync redirect target).",
      ),
      ioc: optional(z.strictObject({ onPrem: optional(ioc), exo: optional(ioc) }), "IntraOrganizationConnectors (OAuth)."),
      migrationEndpoint: optional(
        host(),
        "RemoteServer of the migration endpoint: a published on-premises name (classic) or the Hybrid " +
          "Agent's msappproxy.net name (modern).",
      ),
      hybridAgent: optional(
        z.strictObject({
          url: describe(host(), "The App Proxy name, <guid>.resource.mailboxmigration.his.msappproxy.net."),
          targetServer: describe(text(), "The Client Access server (or namespace) the agent registered."),
          online: optional(z.boolean(), "The registered server is up (default true)."),
        }),
        "The Microsoft Hybrid Agent (modern hybrid).",
      ),
      sendConnector: optional(
        z.strictObject({
          smartHost: optional(
            host(),
            'Smart host of the "Outbound to Office 365" connector, e.g. contoso-com.mail.protection.outlook.com.',
          ),
          sourceServers: optional(
            sized(z.array(text()), 1, MAX_SERVERS),
            "Servers that send to Exchange Online (default: the hybrid servers).",
          ),
          trustedCertificate: optional(
            z.boolean(),
            "The transport certificate is from a public CA that Exchange Online Protection trusts (default true).",
          ),
        }),
        "The on-premises send connector to Exchange Online.",
      ),
      inboundHost: optional(
        host(),
        "The on-premises name Exchange Online Protection delivers to (default: the first published namespace of a hybrid server).",
      ),
    }),
    "Exchange hybrid with Exchange Online. Leave out for an on-premises-only organisation.",
  ),
  {
    examples: [
      {
        type: "classic",
        tenant: "contoso.onmicrosoft.com",
        routingDomain: "contoso.mail.onmicrosoft.com",
        orgRelationship: { onPrem: { targetOwaUrl: "https://outlook.office.com/mail" } },
      },
    ],
  },
);
