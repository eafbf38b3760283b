/**
 * Benchmark of importInventory(): a generated inventory of a large organisation (N sites, each with
 * two Exchange 2016 servers and one 2010 CAS/Mailbox, every vdir, 3 mailboxes per database) as
 * UTF-8 text and as UTF-16 bytes, next to its peer: JSON.parse of the same text plus
 * validateTopology() of the imported topology (the part of the work any importer must do).
 * Prints min / median ms, the size, and the ratio. Run: node bench/import.ts [sites] [runs]
 */
import { importInventory } from "../core/import/index.ts";
import { validateTopology } from "../core/validate/index.ts";

const sites = Number(process.argv[2] ?? 60);
const runs = Number(process.argv[3] ?? 15);
const PROTOCOLS = ["owa", "ecp", "activesync", "ews", "oab", "mapi-http", "autodiscover"];

function inventory(): unknown {
  const servers = [];
  const vdirs = [];
  const oa = [];
  const scp = [];
  const dbs = [];
  const mbx = [];
  let u = 0;
  for (let s = 0; s < sites; s++) {
    const site = `Site${s}`;
    const host = s === 0 ? "mail.contoso.com" : `site${s}.mail.contoso.com`;
    for (const [n, adv, role] of [
      [`S${s}-EX16A`, "Version 15.1 (Build 2507.6)", "Mailbox"],
      [`S${s}-EX16B`, "Version 15.1 (Build 2507.6)", "Mailbox"],
      [`S${s}-EX10`, "Version 14.3 (Build 123.4)", "Mailbox, ClientAccess, HubTransport"],
    ] as const) {
      servers.push({
        name: n,
        fqdn: `${n.toLowerCase()}.contoso.local`,
        site,
        adminDisplayVersion: adv,
        serverRole: role,
        isClientAccessServer: true,
        isMailboxServer: true,
        isEdgeServer: false,
      });
      const modern = !n.endsWith("EX10");
      for (const p of PROTOCOLS) {
        if (p === "mapi-http" && !modern) continue;
        vdirs.push({
          server: n,
          protocol: p,
          name: `${p} (Default Web Site)`,
          internalUrl: `https://${modern ? host : `${n.toLowerCase()}.contoso.local`}/${p}`,
          externalUrl: modern ? `https://${host}/${p}` : null,
          internalAuth: ["Basic", "Fba"],
          externalAuth: ["Fba"],
          iisAuth: [],
          extendedProtection: "None",
          mrsProxyEnabled: p === "ews" ? false : null,
        });
      }
      oa.push({
        server: n,
        internalHostname: modern ? host : null,
        externalHostname: host,
        clientAuth: modern ? null : "Ntlm",
        internalClientAuth: "Ntlm",
        externalClientAuth: "Ntlm",
        iisAuth: ["Basic", "Ntlm"],
        sslOffloading: true,
      });
      scp.push({
        server: n,
        autodiscoverInternalUri: "https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml",
        autodiscoverSiteScope: [site],
      });
      for (let d = 0; d < 2; d++) {
        const db = `${n}-DB${d}`;
        dbs.push({
          name: db,
          server: n,
          activeServer: n,
          masterServerOrAvailabilityGroup: n,
          rpcClientAccessServer: modern ? null : `${n.toLowerCase()}.contoso.local`,
          offlineAddressBook: modern ? null : "OAB 2010",
        });
        for (let m = 0; m < 3; m++) mbx.push({ id: `user${++u}`, database: db, recipientTypeDetails: "UserMailbox" });
      }
    }
  }
  return {
    schema: "exflow-inventory/1",
    collectedAt: "2026-11-02T09:30:00.0000000Z",
    collector: { psVersion: "5.1", anonymized: true },
    sites: Array.from({ length: sites }, (_, s) => ({ name: `Site${s}` })),
    servers,
    clientAccess: scp,
    vdirs,
    outlookAnywhere: oa,
    popImap: [],
    casArrays: [],
    databases: dbs,
    dags: [],
    oabs: [],
    certificates: [],
    hybrid: null,
    mailboxes: mbx,
    remoteMailboxes: [],
    errors: [],
  };
}

function time(run: () => void): { min: number; median: number } {
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    t.push(performance.now() - start);
  }
  t.sort((a, b) => a - b);
  return { min: t[0] ?? 0, median: t[Math.floor(t.length / 2)] ?? 0 };
}

const text = JSON.stringify(inventory());
const utf16 = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
const first = importInventory(text);
if (!first.ok) throw new Error(first.issues[0]?.message);
const { topology, report } = first.value;
const imp = time(() => importInventory(text));
const imp16 = time(() => importInventory(utf16));
const peer = time(() => {
  JSON.parse(text);
  validateTopology(topology, []);
});
console.log(
  [
    `inventory: ${sites} sites, ${report.summary.servers} servers, ${(text.length / 1024).toFixed(0)}`,
    `KiB (UTF-16: ${(utf16.length / 1024).toFixed(0)} KiB), ${report.summary.users} users,`,
    `${report.summary.namespaces} namespaces`,
  ].join(" "),
);
console.log(`importInventory (UTF-8 text):  min ${imp.min.toFixed(1)} ms, median ${imp.median.toFixed(1)} ms`);
console.log(`importInventory (UTF-16 bytes): min ${imp16.min.toFixed(1)} ms, median ${imp16.median.toFixed(1)} ms`);
console.log(`peer: JSON.parse + validateTopology: min ${peer.min.toFixed(1)} ms, median ${peer.median.toFixed(1)} ms`);
console.log(`ratio import / peer (median): ${(imp.median / peer.median).toFixed(1)}x`);
