/**
 * The HX codes (docs/hybrid.md) and RT-HYBRID, for the one code catalogue in
 * core/diagnose/codes.ts. HX-02/HX-03 are validation errors (VERSION_MIX) and appear here for reports that
 * cite them; HX-28 is ours (the reference's HY-5 without a code).
 */
export const HYBRID_CODES = {
  "HX-01": {
    title: "TargetOwaURL missing or wrong",
    explanation:
      "The on-premises organization relationship has no TargetOwaURL, or it points back on-premises: OWA for cloud users shows 'The Outlook Web App address ... is out of date', and ActiveSync cannot send moved devices to Exchange Online with HTTP 451.",
  },
  "HX-02": {
    title: "Exchange 2013 or older in an SE organisation",
    explanation:
      "Exchange SE Setup and 2019 CU15 Setup (the same code) refuse an organisation that still has Exchange 2013 or older: decommission those servers first. A validation error.",
  },
  "HX-03": {
    title: "SE CU2 beside 2016/2019",
    explanation:
      "Exchange SE CU2 Setup refuses coexistence with versions unsupported at its release, 2016 and 2019 (one source says CU1). A validation error.",
  },
  "HX-04": {
    title: "SSL offloading with Extended Protection",
    explanation:
      "The load balancer offloads TLS while Extended Protection is on (the default from 2019 CU14 and in SE): requests that authenticate with Windows authentication (Outlook over MAPI, Outlook Anywhere, EWS and OAB with NTLM/Kerberos, Exchange Online's MRS) into a virtual directory with Extended Protection fail or prompt. OWA (forms), ActiveSync (Basic), HMA (Bearer), Autodiscover (off by default) and SMTP are not affected. Use bridging with the Exchange certificate, or passthrough.",
  },
  "HX-05": {
    title: "SSL bridging on another certificate",
    explanation:
      "The load balancer re-encrypts with a certificate other than Exchange's while Extended Protection is on: the same failures as with offloading.",
  },
  "HX-08": {
    title: "EWS ExternalUrl not set",
    explanation:
      "No hybrid server has an EWS ExternalUrl: Exchange Online's Autodiscover answer has no EWS URL, so cloud users see no free/busy of on-premises users.",
  },
  "HX-09": {
    title: "Not reachable from Exchange Online",
    explanation:
      "Autodiscover, EWS or the migration endpoint is not published to the Internet, or sits behind pre-authentication: Exchange Online's free/busy calls or mailbox moves cannot reach on-premises.",
  },
  "HX-10": {
    title: "Certificate names or trust",
    explanation:
      "A name Exchange Online calls is not on the public certificate, or the transport certificate is not from a CA Exchange Online Protection trusts ('454 4.7.0 ... UntrustedRoot'): free/busy, moves or hybrid mail fail.",
  },
  "HX-14": {
    title: "IntraOrganizationConnector disabled",
    explanation:
      "Without an enabled IntraOrganizationConnector free/busy uses DAuth through the organization relationship and the federation trust, or fails when that is not configured.",
  },
  "HX-15": {
    title: "No dedicated hybrid app",
    explanation:
      "Since 2025-10-31 Exchange Online blocks EWS calls authenticated as the shared Exchange service principal, i.e. on-premises OAuth calls: on-premises users lose cloud users' free/busy, MailTips and photos until the dedicated Exchange hybrid app is deployed. Lookups from the cloud, DAuth, moves and mail flow are not affected.",
  },
  "HX-16": {
    title: "MRSProxy disabled",
    explanation:
      "MRSProxy is off on a server behind the migration endpoint (or the Hybrid Agent's registered server): mailbox moves fail ('No MRSProxy was found running at ...'), intermittently when only some members of the pool lack it. Enable it on every server behind the name.",
  },
  "HX-18": {
    title: "Hybrid Agent target offline",
    explanation: "The one Client Access server the Hybrid Agent registered is down: free/busy from the cloud and mailbox moves fail.",
  },
  "HX-19": {
    title: "Extended Protection behind the Hybrid Agent",
    explanation:
      "Extended Protection is on for the front-end EWS of a server the Hybrid Agent publishes: EWS through the agent fails, so free/busy from the cloud and moves fail.",
  },
  "HX-20": {
    title: "HMA with the agent or with offloading",
    explanation:
      "Hybrid Modern Authentication is not supported with the Hybrid Agent (modern hybrid) or with SSL offloading. A support statement: Microsoft documents no failure mechanism, so flows are drawn as working, with this warning.",
  },
  "HX-21": {
    title: "HMA: name missing from the SPNs",
    explanation:
      "An on-premises URL's host is not a service principal name of the Exchange app in Entra ID: Outlook gets a blank sign-in prompt and AADSTS500011.",
  },
  "HX-22": {
    title: "Device cannot follow HTTP 451",
    explanation:
      "An ActiveSync client that does not honour HTTP 451 (or whose device type is not in MobileSyncRedirectBypassClientPrefixes) stops syncing after its mailbox moves; recreate the account.",
  },
  "HX-23": {
    title: "SCPs left after the migration",
    explanation:
      "Most users are in Exchange Online while Autodiscover SCPs remain: domain-joined Outlook asks on-premises first, which delays or derails Autodiscover for cloud users.",
  },
  "HX-27": {
    title: "HMA below the version floors",
    explanation:
      "Hybrid Modern Authentication needs 2013 CU19, 2016 CU8, 2019 CU1 or later and no Exchange 2010: older servers make Outlook's OAuth fail or disconnect.",
  },
  "HX-28": {
    title: "No outbound 443 to Exchange Online",
    explanation:
      "A Mailbox server cannot reach Exchange Online on outbound 443: its users' free/busy lookups of cloud users fail (also in modern hybrid).",
  },
  "HX-25": {
    title: "SMTP TLS ended before Exchange",
    explanation:
      "A device between Exchange Online Protection and Exchange (a load balancer terminating SMTP TLS) hides EOP's certificate from the receive connector: mail from Exchange Online arrives as anonymous Internet mail instead of internal hybrid mail.",
  },
  "HX-29": {
    title: "No free/busy relationship",
    explanation:
      "Neither an IntraOrganizationConnector (OAuth) nor an organization relationship (DAuth) covers the other side: free/busy, MailTips and photos do not cross the boundary in that direction.",
  },
  "HX-30": {
    title: "Outlook Anywhere SSL offloading with Extended Protection",
    explanation:
      "Outlook Anywhere's SSLOffloading flag is on while /rpc has Extended Protection: Outlook Anywhere fails. Turn the flag off (Set-OutlookAnywhere -SSLOffloading $false).",
  },
  "HX-31": {
    title: "Below the SE coexistence floor",
    explanation:
      "A 2016 or 2019 server below the practical floor (2016 CU23, 2019 CU14) shares the organisation with Exchange SE. The floor comes from third-party sources; Setup does not refuse it. A warning.",
  },
  "HX-32": {
    title: "Back-end Extended Protection off the recommended table",
    explanation:
      "A back-end virtual directory's Extended Protection differs from Microsoft's recommended value. The sources name no effect on clients, so no flow changes; an info.",
  },
  "RT-HYBRID": {
    title: "Not a hybrid flow here",
    explanation:
      "The scenario crosses to Exchange Online but the topology has no hybrid block (or its type rules the flow out, or both users are on the same side).",
  },
} as const;
