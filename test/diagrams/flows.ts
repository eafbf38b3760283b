/** Test flows: the hostile-labels fixture and a fast-check generator of arbitrary well-formed flows. */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import type { Flow, Participant, Step, StepKind } from "../../core/types.ts";
import { CASES_DIR } from "./cases.ts";

/** A flow with nothing in it: every view must still print something valid. */
export const EMPTY: Flow = {
  outcome: "fail",
  scenario: { user: "u", protocol: "owa", client: "internal", profile: "o365info", host: null },
  participants: [],
  steps: [],
  notes: [],
  diagnostics: [],
};

export const HOSTILE = JSON.parse(readFileSync(`${CASES_DIR}hostile-labels/flow.json`, "utf8")) as Flow;

/** Strings with every character class that has a meaning somewhere: Mermaid, XML, Markdown, Unicode controls. */
const nasty = fc.oneof(
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(..."<>&\"'`;#%{}[]|*_:\n\r\t\\/-x()=@!~ aZ9é東🚀\u202e\u2028\u0000"), maxLength: 40 }),
  fc.constantFrom('"><script>alert(1)</script>', "]]>", "%%{init}%%", "end", "participant", "#59;", "wrap:", "-->>"),
);

const KINDS: StepKind[] = ["connect", "autodiscover", "lookup", "proxy", "redirect", "fetch", "respond"];

export const arbitraryFlow: fc.Arbitrary<Flow> = fc
  .record({
    names: fc.uniqueArray(nasty, { minLength: 1, maxLength: 6 }),
    sites: fc.array(nasty, { minLength: 1, maxLength: 3 }),
    hops: fc.array(
      fc.record({ a: fc.nat(), b: fc.nat(), kind: fc.constantFrom(...KINDS), url: fc.option(nasty), text: nasty, numbered: fc.boolean() }),
      { maxLength: 12 },
    ),
    outcome: fc.constantFrom("proxy", "redirect", "silent-redirect", "autodiscover-referral", "direct", "fail" as const),
    diag: fc.option(nasty),
  })
  .map(({ names, sites, hops, outcome, diag }) => {
    const participants: Participant[] = [
      { id: "client", label: names[0] ?? "", kind: "client" },
      ...names.slice(1).map(
        (name, i): Participant => ({
          id: `${name}#${i}`,
          label: name,
          kind: "server",
          server: name,
          site: sites[i % sites.length],
          version: 2013,
          roles: ["cas"],
          names: [name],
        }),
      ),
      { id: "ad", label: "Active Directory", kind: "ad" },
    ];
    let n = 0;
    const steps: Step[] = hops.map(
      (h, i): Step => ({
        n: h.numbered ? ++n : null,
        from: participants[h.a % participants.length]!.id,
        to: participants[h.b % participants.length]!.id,
        kind: h.kind,
        ...(h.url === null ? {} : { url: h.url }),
        text: h.text,
        rule: "EAS-3",
        ...(outcome === "fail" && i === hops.length - 1 ? { fails: true } : {}),
      }),
    );
    return {
      outcome,
      scenario: { user: names[0] ?? "u", protocol: "activesync", client: "external", profile: "o365info", host: null },
      participants,
      steps,
      notes: [],
      diagnostics: diag === null ? [] : [{ code: "DX-01", severity: "error", message: diag, path: [], breaks: [] }],
    } satisfies Flow;
  });
