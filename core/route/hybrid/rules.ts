/**
 * The hybrid rows (docs/hybrid.md) that hybrid steps and notes cite (`rule` on a step), with the
 * reference's confidence tag, so every rule id in a hybrid flow is defined once, as the on-premises
 * rows are in rules.ts. Summaries are ours; the reference holds the sources (H-ids).
 */
import type { Confidence } from "../rules.ts";

export interface HybridRow {
  summary: string;
  confidence: Confidence | "V(3p)";
  sources: string[];
}

export const HYBRID_ROWS: Readonly<Record<string, HybridRow>> = {
  "HY-1": {
    summary: "Classic hybrid publishes Autodiscover and EWS to Exchange Online (no pre-authentication)",
    confidence: "V",
    sources: ["H15", "H14"],
  },
  "HY-4": {
    summary: "The Hybrid Agent registers one Client Access server; if it is offline, cloud free/busy and moves fail",
    confidence: "V",
    sources: ["H16"],
  },
  "HY-6": {
    summary: "Rich coexistence needs the dedicated Exchange hybrid app since 2025-10-31",
    confidence: "V",
    sources: ["H26", "H25"],
  },
  "HY-10": {
    summary: "On-premises OWA sends a cloud user to the organization relationship's TargetOwaURL (a link, not silent)",
    confidence: "V",
    sources: ["H29", "H14", "H21"],
  },
  "HY-13": { summary: "Identity federation from inside: one prompt; otherwise the user signs in again", confidence: "V", sources: ["H17"] },
  "HY-20": { summary: "Click-to-Run Outlook asks Microsoft 365 first (Direct Connect)", confidence: "V(3p)", sources: ["H34"] },
  "HY-21": {
    summary: "On-premises Autodiscover answers a cloud user with redirectAddr = targetAddress",
    confidence: "V",
    sources: ["H33"],
  },
  "HY-23": { summary: "SCP lookups delay Autodiscover for cloud users; ExcludeScpLookup", confidence: "V", sources: ["H32"] },
  "HY-24": {
    summary: "A cloud mailbox's Outlook uses MAPI over HTTP to outlook.office365.com with an Entra ID token",
    confidence: "R",
    sources: [],
  },
  "HY-30": { summary: "ActiveSync after a move: HTTP 451 with X-MS-Location to Exchange Online", confidence: "V", sources: ["H18", "H29"] },
  "HY-33": {
    summary: "Outlook for iOS/Android with HMA: AutoDetect, on-premises 401 Bearer, Entra tokens, Exchange Online syncs the mailbox",
    confidence: "V",
    sources: ["H23", "H22"],
  },
  "HY-35": { summary: "Outlook mobile without HMA is still cloud-backed, with stored credentials", confidence: "V", sources: ["H23"] },
  "HY-40": {
    summary: "On-premises to cloud free/busy over OAuth (IntraOrganizationConnector), dedicated app token, Exchange Online EWS",
    confidence: "V",
    sources: ["H24", "H20", "H25"],
  },
  "HY-41": {
    summary: "On-premises to cloud free/busy over DAuth (organization relationship, federation gateway token)",
    confidence: "V",
    sources: ["H24"],
  },
  "HY-42": {
    summary: "Cloud to on-premises free/busy, classic: Exchange Online calls on-premises Autodiscover, then EWS ExternalUrl",
    confidence: "V",
    sources: ["H14", "H30", "H21"],
  },
  "HY-43": {
    summary: "Cloud to on-premises free/busy, modern: App Proxy, Hybrid Agent, registered Client Access server",
    confidence: "V",
    sources: ["H16", "H24"],
  },
  "HY-44": { summary: "Target mailbox in a non-Internet-facing site: the front end proxies cross-site", confidence: "V", sources: ["H30"] },
  "HY-50": {
    summary: "Exchange Online MRS moves mailboxes through /EWS/mrsproxy.svc on every server behind the endpoint",
    confidence: "V",
    sources: ["H19", "H14"],
  },
  "HY-52": { summary: "Modern hybrid: the migration endpoint is the Hybrid Agent's App Proxy name", confidence: "V", sources: ["H16"] },
  "HY-60": {
    summary: "On-premises to cloud mail: the Outbound to Office 365 connector, EOP, Exchange Online",
    confidence: "V",
    sources: ["H35", "H19"],
  },
  "HY-61": {
    summary: "Cloud to on-premises mail: EOP's connector to the on-premises hybrid name, Default Frontend receive connector",
    confidence: "V",
    sources: ["H35", "H19"],
  },
  "HY-62": {
    summary:
      "Internet mail, MX at EOP: to Exchange Online (on-premises mailboxes: then back through EOP); " +
      "centralized transport: through on-premises first",
    confidence: "V",
    sources: ["H19"],
  },
  "HY-63": {
    summary: "Internet mail with the MX on-premises: on-premises receives it and sends cloud mailboxes' mail on through EOP",
    confidence: "V",
    sources: ["H19"],
  },
  "HY-64": {
    summary:
      "Mail to the Internet: on-premises senders send it themselves; Exchange Online's through EOP, " +
      "or through on-premises with centralized transport",
    confidence: "V",
    sources: ["H19"],
  },
  "HY-72": { summary: "Outlook desktop with HMA: 401 Bearer, Entra ID token, the request again", confidence: "R", sources: ["H23", "H32"] },
  "SE-13": { summary: "A 2016+/SE front end proxies to the Mailbox server holding the active copy", confidence: "V", sources: ["H8"] },
};
