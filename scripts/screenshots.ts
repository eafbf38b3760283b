/**
 * Writes the screenshots in test/artifacts/: a sequence diagram with warnings, one of a 2016 + 2010
 * organisation with its warnings in full, and a map and a sequence diagram over awkward site names,
 * each twice: `<prefix>-<name>.png` is exflow's own SVG
 * (rasterized with cli/png.ts of this checkout) and `<prefix>-<name>.mermaid.png` is exflow's
 * Mermaid text as Mermaid draws it (mermaid-cli in Debian's Chromium). The diagrams come from the
 * checkout given as the first argument (default: this one), so an older checkout gives "before"
 * pictures. Usage: node scripts/screenshots.ts [checkout] [prefix]
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pngOf } from "../cli/png.ts";

const root = resolve(process.argv[2] ?? join(import.meta.dirname, ".."));
const prefix = process.argv[3] ?? "after";
const { compile } = await import(join(root, "core/index.ts"));
const { renderSvg } = await import(join(root, "diagrams/sequence/svg.ts"));
const { renderMermaid } = await import(join(root, "diagrams/sequence/mermaid.ts"));
const { renderMapSvg } = await import(join(root, "diagrams/map/svg.ts"));
const { renderMapMermaid } = await import(join(root, "diagrams/map/mermaid.ts"));
const { presets } = await import(join(root, "core/presets/index.ts"));

// A 2013/2010 organisation whose Site3 SCP points at the 2010 CAS itself (DX-11), and one more
// legacy SCP the same way: two warnings on an internal Outlook's Autodiscover.
const contoso = structuredClone(presets.contoso.topology);
for (const s of contoso.servers)
  if (s.name === "S3-CAS2010" || s.name === "S2-CAS2010") s.autodiscoverInternalUri = `https://${s.fqdn}/Autodiscover/Autodiscover.xml`;
const warnings = compile({ topology: contoso, scenario: { user: "dan", protocol: "autodiscover", client: "internal" } });

// A 2016 + 2010 organisation (fabrikam without its 2013 server) whose Branch CAS 2010 has Outlook
// Anywhere off (DX-05) and an SCP pointing at itself (DX-11), with the notes in full: the wording.
const fabrikam = structuredClone(presets.fabrikam.topology);
fabrikam.servers = fabrikam.servers.filter((s: { version: unknown }) => s.version !== 2013);
fabrikam.users = fabrikam.users.filter((u: { mailbox: string }) => u.mailbox !== "HQ-EX2013");
for (const s of fabrikam.servers)
  if (s.name === "BR-CAS2010") {
    s.outlookAnywhere = { ...s.outlookAnywhere, enabled: false };
    s.autodiscoverInternalUri = `https://${s.fqdn}/Autodiscover/Autodiscover.xml`;
  }
const wording = compile({ topology: fabrikam, scenario: { user: "jon", protocol: "autodiscover", client: "internal" } });

// A one-line site title (Zürich) and a two-line one (the Internet-facing site), both awkward.
const zurich = "Zürich #2; Branch";
const lab = 'R&D "Lab" <West> 🏢';
const awkward = compile({
  topology: {
    domain: "contoso.com",
    sites: [{ name: zurich }, { name: lab }],
    servers: [
      {
        name: "ZH-CAS2010",
        version: 2010,
        roles: ["cas"],
        site: zurich,
        urls: { owa: { internal: "https://zh-cas2010.contoso.local/owa" } },
      },
      { name: "ZH-MBX2010", version: 2010, roles: ["mailbox"], site: zurich },
      { name: "HQ-EX2016", version: 2016, roles: ["mailbox"], site: lab, urls: { owa: { external: "https://mail.contoso.com/owa" } } },
    ],
    namespaces: [{ host: "mail.contoso.com", servers: ["HQ-EX2016"] }],
    users: [{ name: "jörg", mailbox: "ZH-MBX2010" }],
  },
  scenario: { user: "jörg", protocol: "owa", client: "external", host: "mail.contoso.com" },
});
if (!warnings.ok || !awkward.ok || !wording.ok) throw new Error(JSON.stringify([warnings.issues, awkward.issues, wording.issues]));

const out = join(import.meta.dirname, "../test/artifacts");
mkdirSync(out, { recursive: true });
const tmp = mkdtempSync(join(tmpdir(), "exflow-shots-"));
const puppeteer = join(tmp, "puppeteer.json");
const args = [
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--headless",
];
writeFileSync(puppeteer, JSON.stringify({ executablePath: "/usr/bin/chromium", args }));
const mmdc = join(import.meta.dirname, "../node_modules/.bin/mmdc");

const write = async (name: string, svg: string, mermaid: string): Promise<void> => {
  writeFileSync(join(out, `${prefix}-${name}.png`), await pngOf(svg));
  writeFileSync(join(tmp, `${name}.mmd`), mermaid);
  execFileSync(
    mmdc,
    ["-q", "-p", puppeteer, "-s", "2", "-b", "white", "-i", join(tmp, `${name}.mmd`), "-o", join(out, `${prefix}-${name}.mermaid.png`)],
    {
      timeout: 120_000,
    },
  );
};
await write("warnings", renderSvg(warnings.value.flow), renderMermaid(warnings.value.flow));
const full = { notes: "full" };
await write("wording-2016", renderSvg(wording.value.flow, full), renderMermaid(wording.value.flow, full));
await write("awkward-map", renderMapSvg(awkward.value.flow), renderMapMermaid(awkward.value.flow));
await write("awkward-sequence", renderSvg(awkward.value.flow), renderMermaid(awkward.value.flow));
console.log(`wrote ${prefix}-*.png and ${prefix}-*.mermaid.png in ${out}`);
