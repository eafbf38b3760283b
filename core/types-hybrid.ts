/**
 * The hybrid part of the input (docs/hybrid.md): the optional `hybrid` block, the
 * load balancer of a namespace, where a user's mailbox lives, and the hybrid scenario kinds.
 * Every field is optional; a topology without `hybrid` routes exactly as before.
 */

export const HYBRID_TYPES = ["none", "minimal", "classic", "modern"] as const;
/** HCW topology: minimal (express) moves only; classic publishes EWS/Autodiscover; modern uses the Hybrid Agent (HY-1..HY-3). */
export type HybridType = (typeof HYBRID_TYPES)[number];

export const LB_TLS = ["passthrough", "bridging", "offload"] as const;
export type LbTls = (typeof LB_TLS)[number];

export const EP_MODES = ["off", "allow", "require"] as const;
/** Extended Protection of one IIS virtual directory (the configuration script's None / Allow / Require). */
export type EpMode = (typeof EP_MODES)[number];
export const EP_VDIRS = ["autodiscover", "ews", "activesync", "mapi-http", "outlook-anywhere", "oab", "owa", "ecp"] as const;
export type EpVdir = (typeof EP_VDIRS)[number];

export const LB_SMTP = ["passthrough", "terminate"] as const;

export interface LoadBalancer {
  /** HTTPS: passthrough (layer 4), bridging (decrypt and re-encrypt), offload (decrypt, plain HTTP to Exchange). */
  tls: LbTls;
  /** SMTP (port 25) service: passthrough (Exchange does STARTTLS) or terminate (the device ends TLS; HX-25). */
  smtp?: (typeof LB_SMTP)[number];
  /** Bridging: the load balancer presents the same certificate as Exchange (needed with Extended Protection, SE-22). */
  sameCertificate?: boolean;
}

export const USER_LOCATIONS = ["onprem", "cloud"] as const;
export type UserLocation = (typeof USER_LOCATIONS)[number];

export const SCENARIO_KINDS = ["client", "free-busy", "mailbox-move", "smtp"] as const;
/**
 * client: the scenario's protocol from a client; free-busy: the availability lookup of `target`'s calendar;
 * mailbox-move: MRS moves the user's mailbox across the boundary; smtp: a message from user to `target`.
 */
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];

export const CLIENT_APPS = ["outlook", "outlook-direct-connect", "outlook-mobile", "eas", "eas-no-451"] as const;
/**
 * outlook: Outlook for Windows (Autodiscover via SCP / domain); outlook-direct-connect: Click-to-Run Outlook
 * that asks Microsoft 365 first (HY-20); outlook-mobile: Outlook for iOS/Android (HY-33); eas: a native
 * ActiveSync client that follows HTTP 451; eas-no-451: one that cannot (HY-31).
 */
export type ClientApp = (typeof CLIENT_APPS)[number];

export interface OrgRelationshipOnPrem {
  /** TargetOwaURL: where on-premises OWA sends cloud users (HY-10, HY-12), and the base of the EAS 451 (HY-30). */
  targetOwaUrl?: string;
  /** Free/busy enabled on the relationship (default true). */
  freeBusy?: boolean;
  /** TargetSharingEpr: when set, used instead of Autodiscover (H21). */
  targetSharingEpr?: string;
}

export interface OrgRelationshipExo {
  /** TargetAutodiscoverEpr on the Exchange Online side: the on-premises Autodiscover URL (HY-42). */
  targetAutodiscoverEpr?: string;
  /** TargetSharingEpr on the Exchange Online side: set, Autodiscover is skipped (modern: the Hybrid Agent URL, HY-43). */
  targetSharingEpr?: string;
}

export interface IntraOrgConnector {
  /** Enabled (default true when the connector is given): OAuth is used for free/busy (HY-40). */
  enabled?: boolean;
  discoveryEndpoint?: string;
}

export interface HybridAgent {
  /** The App Proxy name, <guid>.resource.mailboxmigration.his.msappproxy.net. */
  url: string;
  /** The one Client Access server (or load-balanced name) the agent registered (HY-4). */
  targetServer: string;
  /** The registered server is reachable (default true; HX-18). */
  online?: boolean;
}

export interface SendConnector {
  /** Smart host, the tenant's EOP MX host, e.g. contoso-com.mail.protection.outlook.com. */
  smartHost?: string;
  /** Servers that send to Exchange Online (default: the hybrid servers). */
  sourceServers?: string[];
  /** The transport certificate is from a public CA that EOP trusts (default true; HX-10). */
  trustedCertificate?: boolean;
}

export interface Hybrid {
  type: HybridType;
  /** The tenant, e.g. contoso.onmicrosoft.com. */
  tenant?: string;
  /** The coexistence (routing) domain, e.g. contoso.mail.onmicrosoft.com. */
  routingDomain?: string;
  onPremDomains?: string[];
  /** Servers HCW configured (receive connectors, MRSProxy, free/busy endpoint). */
  hybridServers?: string[];
  /** Hybrid Modern Authentication: evoSTS is the default authorization endpoint (HY-70). */
  hma?: boolean;
  /** Host names registered as SPNs of the Exchange first-party app (HMA, HY-71); absent = all of them. */
  spns?: string[];
  /** The dedicated Exchange hybrid app is configured (needed for rich coexistence since 2025-10-31, HY-6). */
  dedicatedApp?: boolean;
  /** Users sign in to Microsoft 365 with AD FS / federated identity (HY-13). */
  identityFederation?: boolean;
  /** Where the MX record points (HY-62, HY-63). */
  mx?: "eop" | "onprem";
  centralizedTransport?: boolean;
  orgRelationship?: { onPrem?: OrgRelationshipOnPrem; exo?: OrgRelationshipExo };
  ioc?: { onPrem?: IntraOrgConnector; exo?: IntraOrgConnector };
  /** RemoteServer of the migration endpoint: an on-premises name (classic) or the Hybrid Agent URL (modern). */
  migrationEndpoint?: string;
  hybridAgent?: HybridAgent;
  sendConnector?: SendConnector;
  /** The on-premises name Exchange Online Protection sends mail to (default: the migration endpoint or first published name). */
  inboundHost?: string;
}
