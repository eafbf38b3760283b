/**
 * Exchange Online and Microsoft 365 endpoints by name (docs/hybrid.md), drawn as
 * participants of one cloud site, and the on-premises devices a hybrid flow passes (load balancer,
 * Hybrid Agent). Host names are Microsoft's published ones; the EOP host comes from the topology.
 */
import type { Hybrid, Participant } from "../../types.ts";
import { same } from "../participants.ts";

/** The site every cloud participant belongs to, in the sequence and the map view. */
export const CLOUD_SITE = "Microsoft 365 (Exchange Online)";

export const EXO_HOSTS = {
  owa: "outlook.office.com",
  exo: "outlook.office365.com",
  autodiscover: "autodiscover-s.outlook.com",
  entra: "login.microsoftonline.com",
} as const;

export type CloudId =
  | "exo"
  | "exo-owa"
  | "exo-autodiscover"
  | "entra"
  | "fedgw"
  | "autodetect"
  | "exo-mrs"
  | "exo-directory"
  | "eop"
  | "exo-mailbox"
  | "app-proxy";

/** The tenant's EOP MX host: the send connector's smart host, else <domain with dashes>.mail.protection.outlook.com. */
export function eopHost(h: Hybrid, domain: string | undefined): string {
  if (h.sendConnector?.smartHost) return h.sendConnector.smartHost;
  const d = h.onPremDomains?.[0] ?? domain ?? h.tenant?.replace(/\.onmicrosoft\.com$/i, ".com") ?? "contoso.com";
  return `${d.replace(/\./g, "-")}.mail.protection.outlook.com`;
}

export function cloudParticipant(id: CloudId, h: Hybrid, domain: string | undefined): Participant {
  const at = (label: string, names: string[]): Participant => ({ id, label, kind: "cloud", site: CLOUD_SITE, names, labels: same(label) });
  switch (id) {
    case "exo":
      return at(`Exchange Online (${EXO_HOSTS.exo})`, [EXO_HOSTS.exo]);
    case "exo-owa":
      return at(`Outlook on the web in Exchange Online (${EXO_HOSTS.owa})`, [EXO_HOSTS.owa]);
    case "exo-autodiscover":
      return at(`Exchange Online Autodiscover (${EXO_HOSTS.autodiscover})`, [EXO_HOSTS.autodiscover]);
    case "entra":
      return at(`Microsoft Entra ID token endpoint (${EXO_HOSTS.entra})`, [EXO_HOSTS.entra]);
    case "fedgw":
      // DAuth's token issuer (the federation trust's TokenIssuerEpr, login.microsoftonline.com/extSTS.srf), not Entra ID's OAuth endpoint.
      return at("Microsoft Federation Gateway (federation trust token issuer, /extSTS.srf)", []);
    case "autodetect":
      return at("Outlook mobile AutoDetect service (Microsoft 365, outlook.com)", []);
    case "exo-mrs":
      return at(`Exchange Online Mailbox Replication Service (${EXO_HOSTS.exo})`, [EXO_HOSTS.exo]);
    case "exo-directory":
      return at("Exchange Online directory (mail users, organization relationships)", []);
    case "exo-mailbox":
      return at("Exchange Online mailbox (delivery)", []);
    case "eop": {
      const host = eopHost(h, domain);
      return at(`Exchange Online Protection (${host})`, [host]);
    }
    case "app-proxy": {
      const host = h.hybridAgent?.url ?? "<guid>.resource.mailboxmigration.his.msappproxy.net";
      return at(`Microsoft Entra application proxy (${host})`, [host]);
    }
  }
}

export const lbId = (host: string): string => `lb:${host.toLowerCase()}`;

export function lbParticipant(host: string, tls: string): Participant {
  const label = `Load balancer (${host}, TLS ${tls})`;
  return { id: lbId(host), label, kind: "device", names: [host], labels: same(label) };
}

export function agentParticipant(h: Hybrid, site: string | undefined): Participant {
  const label = `Microsoft Hybrid Agent (registered to ${h.hybridAgent?.targetServer ?? "?"})`;
  const p: Participant = { id: "hybrid-agent", label, kind: "device", labels: same(label) };
  if (site) p.site = site;
  return p;
}

/** An Internet mail server outside the organisation: the MX host of `domain` (G2). */
export function internetParticipant(domain: string): Participant {
  const label = `Internet mail server of ${domain} (its MX host)`;
  return { id: "internet", label, kind: "device", names: [domain], labels: same(label) };
}
