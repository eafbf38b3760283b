/**
 * Writes the screenshots in test/artifacts/: a sequence diagram with warnings and a map with
 * awkward names, from the checkout given as the first argument (default: this one), rasterized
 * with cli/png.ts of this checkout. Usage: node scripts/screenshots.ts [checkout] [prefix]
 * (the "before" files were made from commit 347bf0f, the branch's start, checked out apart).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pngOf } from "../cli/png.ts";

const root = resolve(process.argv[2] ?? join(import.meta.dirname, ".."));
const prefix = process.argv[3] ?? "after";
const { compile } = await import(join(root, "core/index.ts"));
const { renderSvg } = await import(join(root, "diagrams/svg.ts"));
const { renderMapSvg } = await import(join(root, "diagrams/map/svg.ts"));
const { presets } = await import(join(root, "core/presets/index.ts"));

// A 2013/2010 organisation whose Site3 SCP points at the 2010 CAS itself (DX-11), and one more
// legacy SCP the same way: two warnings on an internal Outlook's Autodiscover.
const contoso = structuredClone(presets.contoso.topology);
for (const s of contoso.servers)
  if (s.name === "S3-CAS2010" || s.name === "S2-CAS2010") s.autodiscoverInternalUri = `https://${s.fqdn}/Autodiscover/Autodiscover.xml`;
const warnings = compile({ topology: contoso, scenario: { user: "dan", protocol: "autodiscover", client: "internal" } });

const awkward = compile({
  topology: {
    domain: "contoso.com",
    sites: [{ name: "Zürich #2; Branch" }, { name: 'HQ & "Main" <1> 🏢' }],
    servers: [
      {
        name: "ZH-CAS2010",
        version: 2010,
        roles: ["cas"],
        site: "Zürich #2; Branch",
        urls: { owa: { internal: "https://zh-cas2010.contoso.local/owa" } },
      },
      { name: "ZH-MBX2010", version: 2010, roles: ["mailbox"], site: "Zürich #2; Branch" },
      {
        name: "HQ-EX2016",
        version: 2016,
        roles: ["mailbox"],
        site: 'HQ & "Main" <1> 🏢',
        urls: { owa: { external: "https://mail.contoso.com/owa" } },
      },
    ],
    namespaces: [{ host: "mail.contoso.com", servers: ["HQ-EX2016"] }],
    users: [{ name: "jörg", mailbox: "ZH-MBX2010" }],
  },
  scenario: { user: "jörg", protocol: "owa", client: "external", host: "mail.contoso.com" },
});
if (!warnings.ok || !awkward.ok) throw new Error(JSON.stringify([warnings.issues, awkward.issues]));

const out = join(import.meta.dirname, "../test/artifacts");
mkdirSync(out, { recursive: true });
const write = async (name: string, svg: string): Promise<void> => {
  writeFileSync(join(out, `${prefix}-${name}.png`), await pngOf(svg));
};
await write("warnings", renderSvg(warnings.value.flow));
await write("awkward-map", renderMapSvg(awkward.value.flow));
await write("awkward-sequence", renderSvg(awkward.value.flow));
console.log(`wrote ${prefix}-*.png in ${out}`);
