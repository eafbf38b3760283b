/**
 * The documents the decision rows (core/route/rules.ts) and the diagnostics cite, by id. A row's
 * `sources: ["S5", "S7"]` points here; docs/rules.md prints each as a link, and a test checks
 * that every id a row cites is in this table.
 *
 * Where a document had no fixed address of its own, the link is built from its published id
 * (TechNet library id, KB number, Tech Community post number).
 */
export interface Source {
  title: string;
  url: string;
}

const technet = (id: string) => `https://technet.microsoft.com/library/${id}(v=exchg.150).aspx`;
const kb = (n: number) => `https://support.microsoft.com/kb/${n}`;
const teamBlog = (slug: string, post: number) => `https://techcommunity.microsoft.com/t5/exchange-team-blog/${slug}/ba-p/${post}`;

export const SOURCES: Readonly<Record<string, Source>> = {
  S1: {
    title: "o365info: ActiveSync and EWS client connectivity flow in Exchange 2013/2007 coexistence (4/4)",
    url: "http://o365info.com/activesync-and-exchange-web-service-client-protocol-connectivity-flow-in-exchange-2013-2007-coexistence-environment-44/",
  },
  S2: {
    title: "Exchange Team blog: Client Connectivity in an Exchange 2013 Coexistence Environment (2014)",
    url: "http://blogs.technet.com/b/exchange/archive/2014/03/12/client-connectivity-in-an-exchange-2013-coexistence-environment.aspx",
  },
  S3: { title: "Exchange Team blog: Namespace Planning in Exchange 2013", url: teamBlog("namespace-planning-in-exchange-2013", 587472) },
  S4: { title: "Exchange Team blog: Certificate Planning in Exchange 2013", url: teamBlog("certificate-planning-in-exchange-2013", 587150) },
  S5: {
    title: "Van Horenbeeck: Exchange 2013 interoperability with legacy Exchange versions (proxy/redirect table per workload)",
    url: "https://vanhybrid.com/2012/10/09/exchange-2013-interoperability-with-legacy-exchange-versions/",
  },
  S6: {
    title: "TechNet Wiki 39798: How Exchange protocols work in 2013 + 2007 coexistence",
    url: "https://video2.skills-academy.com/en-us/archive/technet-wiki/39798.how-does-microsoft-exchange-server-protocols-work-coexistence-between-2013-2007",
  },
  S7: { title: "Raihan: Exchange 2013 upgrade, migration and co-existence (per-protocol table)", url: "https://araihan.wordpress.com/2014/01/26/exchange-2013-upgrade-migration-and-co-existence/" },
  S8: { title: "MEC 2012 session report: Exchange 2007/2010 to 2013 Migration", url: "https://finickyadmin.com/2012/09/26/iammec-session-report-exchange-20072010-to-2013-migration/" },
  S9: { title: "Exchange 2013 docs: Client Access server configuration", url: technet("hh529912") },
  S10: { title: "Exchange 2013 docs: Outlook Anywhere (coexistence section)", url: technet("bb123741") },
  S11: { title: "Exchange 2013 docs: Client Access server", url: technet("dd298114") },
  S12: { title: "Exchange 2013 docs: POP3 and IMAP4 in Exchange Server 2013", url: technet("jj657728") },
  S13: { title: "Exchange 2013 docs: Upgrade from Exchange 2007 to Exchange 2013", url: technet("jj898581") },
  S14: { title: "Exchange 2013 docs: Digital certificates and SSL", url: technet("dd351044") },
  S15: { title: "Exchange 2016/2019 docs: client access, Autodiscover, EAC, MAPI over HTTP, POP3/IMAP4, setup readiness", url: "https://github.com/MicrosoftDocs/OfficeDocs-Exchange" },
  S16: { title: "OfficeDocs-Exchange issue 33: legacy namespace not needed for 2010/2016 coexistence", url: "https://github.com/MicrosoftDocs/OfficeDocs-Exchange/issues/33" },
  S17: { title: "KB 3047178: Offline address book unavailable to Outlook in a coexistence environment", url: kb(3047178) },
  S18: { title: "KB 3127342: User can't sign in or sees the wrong interface after a mailbox move", url: kb(3127342) },
  S19: { title: "KB 4056664: AD site redirection fails for ECP from a remote site in Exchange 2016", url: kb(4056664) },
  S20: { title: "KB 3128706: Exchange 2013 proxy load to legacy CAS not evenly distributed", url: kb(3128706) },
  S21: { title: "KB 2751417: EAS sync fails for EAS 12.1 and earlier devices getting HTTP 451 (Exchange 2010)", url: "https://mskb.pkisolutions.com/en-us/help/2751417" },
  S22: { title: "Exchange 2007 docs: Exchange ActiveSync returned an HTTP 451 error", url: "http://technet.microsoft.com/en-us/library/dd439372(EXCHG.80).aspx" },
  S23: { title: "[MS-ASHTTP] 3.1.5.2.2 HTTP Error 451", url: "http://msdn.microsoft.com/en-us/library/gg651019(exchg.80).aspx" },
  S24: { title: "Exchange Team blog: Overview of Exchange Server 2007 CAS Proxying and Redirection", url: teamBlog("overview-of-exchange-server-2007-cas-proxying-and-redirection", 591448) },
  S25: { title: "Exchange Team blog: OWA Cross-Site Silent Redirection in Exchange 2010 SP2", url: teamBlog("owa-cross-site-silent-redirection-in-exchange-2010-sp2", 602356) },
  S26: { title: "Exchange 2010 docs: Understanding Proxying and Redirection (reproduced)", url: "http://mohitkumarmct2006.blogspot.com/2016/11/understanding-proxying-and-redirection.html" },
  S27: { title: "Sundis: Exchange 2010 Client Access behavior in coexistence with 2003 and 2007", url: "https://msundis.wordpress.com/2010/05/" },
  S28: { title: "Exchange Team blog: Upgrading Exchange ActiveSync to Exchange 2010", url: teamBlog("upgrading-exchange-activesync-to-exchange-2010", 596466) },
  S29: { title: "Milne: Exchange 2007 and 2013 Outlook Anywhere co-existence", url: "https://blog.rmilne.ca/2014/03/19/exchange-2007-and-2013-outlook-anywhere-co-existence/" },
  S30: {
    title: "Exchange 2010 to 2013 migration: Outlook Anywhere clients get a password prompt",
    url: "https://crucialcarrier.com/exchange-2010-to-exchange-2013-migration-outlook-anywhere-clients-username-password-prompt-appears",
  },
  S31: { title: "Gossa: Exchange 2010 to 2013 migration, Outlook", url: "https://markgossa.com/2015/10/exchange-2010-2013-migration-outlook.html" },
  S32: { title: "Exchange Team blog: Ambiguous URLs and their effect on Exchange 2010 to 2013 migrations", url: teamBlog("ambiguous-urls-and-their-effect-on-exchange-2010-to-exchange", 593809) },
  S33: { title: "o365info series by Eyal Doron on Exchange clients, public-facing servers and coexistence flows", url: "https://o365info.com/exchange-clients-public-facing-exchange-server-part-13-of-36/" },
  S34: { title: "Exchange developer docs: RedirectUrl (POX), CAS 2007 SP2 answers 302 for 2010 mailboxes", url: "https://learn.microsoft.com/en-us/exchange/client-developer/web-service-reference/redirecturl-pox" },
  S35: { title: "Exchange 2010 developer docs: Configuring EWS for proxy requests", url: "https://learn.microsoft.com/en-us/previous-versions/office/developer/exchange-server-2010/bb856576(v=exchg.140)" },
  S36: {
    title: "Exchange Team blog: Client Connectivity in an Exchange 2016 Coexistence Environment with Exchange 2010",
    url: teamBlog("client-connectivity-in-an-exchange-2016-coexistence-environment-with-exchange-2010", 603945),
  },
  // S37 (Transitioning Client Access to Exchange Server 2010) is cited by no row and has no known address.
  S38: { title: "careexchange: Exchange 2013 coexistence with 2010 using the same namespace", url: "https://careexchange6.rssing.com/chan-15046499/article59.html" },
  S39: { title: "infotechguyz: Autodiscover in Exchange 2007 and 2010 coexistence", url: "http://www.infotechguyz.com/exchange2010/AutodiscoverinExchange2007andExchange2010coexistence.html" },
  S40: { title: "pcloadletter: Exchange 2007/2010 coexistence in a single server deployment", url: "https://pcloadletter.co.uk/tag/exchange-coexistence/" },
  S41: { title: "Practical365: Exchange Server 2016 migration, reviewing namespaces", url: "https://practical365.com/exchange-server-2016-migration-reviewing-namespaces/" },
};

/** The source id a citation starts with: "S33 7#23" -> "S33". */
export const sourceId = (citation: string): string => citation.split(/\s/, 1)[0] ?? citation;
