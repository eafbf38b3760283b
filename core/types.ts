/**
 * The plain data every stage shares: the topology and scenario a user sends, the flow the
 * router returns, and the issues (expected errors) that stand in for exceptions.
 * No behaviour here; everything is JSON-serialisable.
 */
import type { ClientApp, EpMode, EpVdir, Hybrid, LoadBalancer, ScenarioKind, UserLocation } from "./types-hybrid.ts";

/** Where a value lies in the input document: keys and array indexes from the root. */
export type Path = (string | number)[];

export type { ClientApp, EpMode, EpVdir, Hybrid, LoadBalancer, ScenarioKind, UserLocation } from "./types-hybrid.ts";

/** Exchange versions; "SE" is Exchange Server Subscription Edition (15.2 builds from 2562 on). */
export const VERSIONS = [2007, 2010, 2013, 2016, 2019, "SE"] as const;
export type Version = (typeof VERSIONS)[number];

export const ROLES = ["cas", "mailbox"] as const;
export type Role = (typeof ROLES)[number];

/** Client protocols, in the order reports list them. */
export const PROTOCOLS = [
  "autodiscover",
  "outlook-anywhere",
  "mapi-http",
  "rpc-tcp",
  "owa",
  "ecp",
  "activesync",
  "ews",
  "oab",
  "pop3",
  "imap4",
] as const;
export type Protocol = (typeof PROTOCOLS)[number];

export const CLIENTS = ["internal", "external"] as const;
export type ClientLocation = (typeof CLIENTS)[number];

export const PROFILES = ["o365info", "microsoft"] as const;
/** `o365info` reproduces the article; `microsoft` applies Microsoft's documentation where they disagree. */
export type Profile = (typeof PROFILES)[number];

/** The profile for a user's own topology: Microsoft's documented behaviour, what an admin plans with. */
export const DEFAULT_PROFILE: Profile = "microsoft";

/** scenario.profile, else options.profile, else the topology's own, else the documented default. */
export const profileFor = (topology: { profile?: Profile }, ...given: (Profile | undefined)[]): Profile =>
  given.find((p) => p !== undefined) ?? topology.profile ?? DEFAULT_PROFILE;

export type AuthMethod = "ntlm" | "basic" | "negotiate" | "forms" | "windows" | "digest" | "oauth";

export interface VdirUrls {
  internal?: string;
  external?: string;
}

export interface OutlookAnywhere {
  enabled?: boolean;
  externalHostname?: string;
  internalHostname?: string;
  /** Authentication clients use (2007/2010 ClientAuthenticationMethod; 2013+ External...). */
  clientAuth?: "ntlm" | "basic" | "negotiate";
  /** IIS authentication on /rpc; must contain ntlm on legacy CAS for 2013 to proxy (DX-07). */
  iisAuth?: ("ntlm" | "basic" | "negotiate")[];
  /** Windows "RPC over HTTP proxy" component (2007/2010; DX-06). */
  rpcProxyInstalled?: boolean;
  /** SSLOffloading on the Outlook Anywhere virtual directory (2013+); must be off with Extended Protection (SE-22). */
  sslOffloading?: boolean;
}

export interface Server {
  name: string;
  fqdn?: string;
  version: Version;
  roles: Role[];
  site: string;
  /** Service level, e.g. "SP3 RU10" or "CU12"; checked against coexistence floors (DX-18). */
  build?: string;
  urls?: Partial<Record<Protocol, VdirUrls>>;
  outlookAnywhere?: OutlookAnywhere;
  /** Per-protocol virtual-directory authentication (e.g. owa: ["forms"]). */
  auth?: Partial<Record<Protocol, AuthMethod[]>>;
  /** AutoDiscoverServiceInternalUri published in this CAS's SCP (AD-4, DX-11). */
  autodiscoverInternalUri?: string;
  /** 2010 mailbox databases: RpcClientAccessServer (CAS array FQDN) (OL-2, DX-09). */
  rpcClientAccessServer?: string;
  /** Windows Extended Protection on the IIS vdirs; default by build (on from 2019 CU14 and SE, SE-21). */
  extendedProtection?: boolean;
  /** Extended Protection per virtual directory (front end and back end); unset: Microsoft's recommended table when EP is on. */
  extendedProtectionVdirs?: Partial<Record<EpVdir, { frontEnd?: EpMode; backEnd?: EpMode }>>;
  /** MRSProxy enabled on the EWS vdir (default false; hybrid moves need it, HY-51). */
  mrsProxy?: boolean;
  /** The server reaches Exchange Online on outbound 443 (default true; HY-5). */
  outbound443?: boolean;
  /** Exchange 2010 OWA virtual directory CrossSiteRedirectType: a cross-site redirect is a link page unless Silent (default Manual). */
  crossSiteRedirectType?: "Manual" | "Silent";
}

/** Where the offline address book comes from (learn.microsoft.com/exchange/address-books/offline-address-books). */
export interface OfflineAddressBook {
  /** 2013+: the Mailbox server holding the active copy of the OAB generation (organization) mailbox; OAB downloads are proxied there. */
  generationServer?: string;
  /** 2007/2010: the Client Access servers whose OAB virtual directory distributes the OAB; Autodiscover hands out their OAB URL. */
  distribution?: string[];
}

export interface Site {
  name: string;
  /** Convenience override; otherwise derived per protocol from ExternalUrls in the site. */
  internetFacing?: boolean;
}

export interface Namespace {
  host: string;
  /** Servers this name lands on (through a load balancer or directly). */
  servers: string[];
  /** Resolves in internal DNS (default true). */
  internal?: boolean;
  /** Resolves in external DNS and is published through the firewall (default true). */
  external?: boolean;
  /** Present on the certificate of the servers it lands on (default true). */
  certificate?: boolean;
  /** The load balancer in front of the servers and how it handles TLS (SE-16, SE-22). */
  lb?: LoadBalancer;
  /** A reverse proxy / firewall pre-authenticates requests to this name (default false; HY-1). */
  preAuth?: boolean;
}

export interface User {
  name: string;
  /** The Mailbox server holding the mailbox; required unless `location` is "cloud". */
  mailbox?: string;
  /** Where the mailbox is: on-premises (default) or in Exchange Online (a RemoteMailbox on-premises). */
  location?: UserLocation;
  /** Cloud users: the RemoteMailbox targetAddress, e.g. bob@contoso.mail.onmicrosoft.com. */
  targetAddress?: string;
  /** The user's mailbox database has an OAB assigned (default true; DX-10). */
  oabAssigned?: boolean;
  /** Moved from 2010 within the last hour (DX-16). */
  recentlyMoved?: boolean;
}

export interface Topology {
  name?: string;
  /** SMTP / Autodiscover domain, e.g. "o365info.com". */
  domain?: string;
  sites: Site[];
  servers: Server[];
  namespaces: Namespace[];
  users: User[];
  offlineAddressBook?: OfflineAddressBook;
  /** Rule profile for flows of this topology when the scenario names none (default `microsoft`). */
  profile?: Profile;
  /** Exchange hybrid with Exchange Online; absent means no hybrid. */
  hybrid?: Hybrid;
}

export interface Scenario {
  user: string;
  protocol: Protocol;
  client: ClientLocation;
  /** Host name the client used; default: what namespaces and Autodiscover give that client. */
  host?: string;
  profile?: Profile;
  /** What is traced: a client's request (default), or a hybrid server-to-server flow. */
  kind?: ScenarioKind;
  /** free-busy: whose calendar is asked for; smtp: the recipient. */
  target?: string;
  /** Which client application (hybrid flows; HY-20, HY-31, HY-33). */
  app?: ClientApp;
}

/** An expected error: where in the input, and what is allowed instead. */
export interface Issue {
  code: string;
  message: string;
  /** Path into the input, e.g. ["topology", "servers", 2, "version"]. */
  path: Path;
}

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

/** `n/a`: the organisation does not offer this (protocol, mailbox version, location); no steps, the reason in a note. */
export type Outcome = "proxy" | "redirect" | "silent-redirect" | "autodiscover-referral" | "direct" | "fail" | "n/a";

/** `token`: a client or server gets a token from a token service; `tunnel`: App Proxy to Hybrid Agent; `smtp`: a message handoff. */
export type StepKind = "connect" | "autodiscover" | "lookup" | "proxy" | "redirect" | "fetch" | "respond" | "token" | "tunnel" | "smtp";

export interface Participant {
  /** A server's name, `client`, `ad`, or (hybrid) a cloud endpoint (`exo`, `entra`, ...) or device (`lb:<host>`). */
  id: string;
  /** Reads like the article: "CAS 2013, New York (mail.o365info.com)". */
  label: string;
  /** `cloud`: an Exchange Online / Microsoft 365 endpoint; `device`: a load balancer or the Hybrid Agent. */
  kind: "client" | "server" | "ad" | "cloud" | "device";
  server?: string;
  site?: string;
  version?: Version;
  roles?: Role[];
  /** Host names that land on this server and the flow used. */
  names?: string[];
  /** "CAS 2013", "Mailbox 2007", "Exchange 2016", "CAS+Mailbox 2010" (servers only). */
  role?: string;
  /** Where the server sits in the request path: a front end (CAS, or any 2016/2019 server) or a back-end Mailbox server. */
  tier?: "front-end" | "back-end";
  /**
   * What a diagram prints in this participant's box, per `label` option; every view prints these as
   * they are (wrapping only). Servers: role "CAS 2013 (mail.o365info.com)", name
   * "NY-CAS2013 (mail.o365info.com)", both "NY-CAS2013, CAS 2013 (mail.o365info.com)". The site is
   * left out: every view draws the server inside its site's box. Client and AD: the same text thrice.
   */
  labels?: ParticipantLabels;
}

export interface ParticipantLabels {
  role: string;
  name: string;
  both: string;
}

export interface Step {
  /** Step number as the article's figures number them; null for an unnumbered annotation (AD lookup). */
  n: number | null;
  from: string;
  to: string;
  kind: StepKind;
  /** URL or host name used on this hop. */
  url?: string;
  /** One line, plain English. */
  text: string;
  /** Id of the decision row that produced this hop (docs/rules.md), e.g. "EAS-3". */
  rule: string;
  /** The step is the engine's derivation where the source gives no numbered flow (article option B). */
  derived?: boolean;
  /** Set on the hop where a failing flow breaks. */
  fails?: boolean;
  /**
   * Set on an Autodiscover answer that sends the client on to another server (EWS-4, OAB-2): a
   * referral, drawn like a redirect, not the flow's final reply.
   */
  referral?: boolean;
}

export interface Note {
  /** "deviation": the other profile answers differently here; "assumption": no source states it. */
  kind: "deviation" | "assumption" | "info";
  rule?: string;
  text: string;
}

export type Severity = "error" | "warning" | "info";

/**
 * The code catalogue's keys. Filled in by core/diagnose/codes.ts (declaration merging), so this
 * kernel file names the type without importing a later stage.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled in by declaration merging
export interface CodeCatalogue {}
/** Every code the catalogue (core/diagnose/codes.ts `CODES`) defines: DX-*, HX-*, RT-*. */
export type DiagnosticCode = keyof CodeCatalogue & string;

export interface Diagnostic {
  /** A code of the catalogue (core/diagnose/codes.ts): DX-* misconfigurations, HX-* hybrid, RT-* this one flow. */
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  path: Path;
  /** Protocols (and client locations) this misconfiguration breaks. */
  breaks: string[];
}

/** An AD site the flow passes through, with what makes it Internet-facing for the flow's protocol. */
export interface FlowSite {
  name: string;
  internetFacing: boolean;
  /** Names published to the Internet that land on this site's servers. */
  names: string[];
}

/** Scenario fields that only hybrid flows echo back (absent from every other flow, so those stay byte-identical). */
type HybridScenarioField = "kind" | "target" | "app";

export interface Flow {
  outcome: Outcome;
  /** The scenario with every default filled in (host, profile). */
  scenario: Required<Omit<Scenario, "host" | HybridScenarioField>> & { host: string | null } & Pick<Scenario, HybridScenarioField>;
  participants: Participant[];
  /** Sites of the participants, in order of first appearance. */
  sites?: FlowSite[];
  steps: Step[];
  notes: Note[];
  diagnostics: Diagnostic[];
}
