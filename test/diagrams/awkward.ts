/**
 * Flows over awkward site names, routed by the real core, for the fidelity tests: the contoso
 * preset with its sites renamed to names with `#`, `;`, `&`, quotes, `<`/`>`, Mermaid syntax,
 * unicode and emoji, a backslash before `n` and Mermaid's own entity placeholders (`ﬂ°`, `¶ß`).
 * Two legacy SCPs point at their own CAS 2010 (DX-11), so the Autodiscover flow carries warnings.
 */
import { compile } from "../../core/index.ts";
import { presets } from "../../core/presets/index.ts";
import type { Flow, Scenario } from "../../core/types.ts";

export const AWKWARD_SITES: Record<string, string> = {
  Site1: "Zürich #2; Branch",
  Site2: 'R&D "Lab" <West> 🏢 東京',
  Site3: "CONTOSO\\nancy &lt;b&gt; #quot; &#35; %%{init: {}}%% `x` *y* [z] | end ﬂ°°1¶ß <br>",
};

function awkwardFlow(scenario: Scenario): Flow {
  const contoso = presets.contoso?.topology;
  if (!contoso) throw new Error("contoso preset missing");
  const rename = (site: string): string => AWKWARD_SITES[site] ?? site;
  const topology = {
    ...contoso,
    sites: contoso.sites.map((s) => ({ ...s, name: rename(s.name) })),
    servers: contoso.servers.map((s) => ({
      ...s,
      site: rename(s.site),
      ...(s.name === "S3-CAS2010" || s.name === "S2-CAS2010"
        ? { autodiscoverInternalUri: `https://${s.fqdn}/Autodiscover/Autodiscover.xml` }
        : {}),
    })),
  };
  const result = compile({ topology, scenario });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value.flow;
}

/** Named flows for describe.each: OWA across the awkward sites, and Autodiscover with two warnings. */
export const awkwardCases = (): { name: string; flow: Flow }[] => [
  { name: "awkward-owa", flow: awkwardFlow({ user: "dan", protocol: "owa", client: "external", host: "mail.contoso.com" }) },
  { name: "awkward-autodiscover", flow: awkwardFlow({ user: "dan", protocol: "autodiscover", client: "internal" }) },
  { name: "awkward-activesync", flow: awkwardFlow({ user: "cat", protocol: "activesync", client: "external" }) },
];
