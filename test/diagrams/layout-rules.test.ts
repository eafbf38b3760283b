/**
 * The layout rules (test/support/geometry.ts) as properties, in both views: over every preset
 * scenario (width included: at most MAX_WIDTH px), over generated topologies (test/support/
 * arbitraries.ts), and over generated hybrid scenarios on the hybrid presets: no two step badges
 * overlap, no label overlaps another label or a badge, no map arrow crosses a site it neither
 * starts nor ends in.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CLIENT_APPS, compile, type Flow, PROTOCOLS, presets, SCENARIO_KINDS } from "../../core/index.ts";
import { renderMapSvg } from "../../diagrams/map/index.ts";
import { renderSvg } from "../../diagrams/index.ts";
import { caseArb } from "../support/arbitraries.ts";
import { layoutProblems } from "../support/geometry.ts";

const views = { sequence: renderSvg, map: renderMapSvg } as const;
/** Width is promised for the presets; generated flows may be bigger than any real organisation. */
const shape = (flow: Flow): string[] =>
  Object.entries(views).flatMap(([view, draw]) =>
    layoutProblems(draw(flow))
      .filter((p) => !p.includes("px wide"))
      .map((p) => `${view}: ${p}`),
  );

describe("layout rules", () => {
  const cases = Object.values(presets).flatMap((p) =>
    Object.entries(p.scenarios ?? {}).map(([name, s]) => ({ id: `${p.id}/${name}`, preset: p.id, scenario: s.scenario })),
  );
  it.each(cases)("$id keeps every rule in both views, width included", ({ preset, scenario }) => {
    const r = compile({ preset, scenario });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join("; "));
    for (const [view, draw] of Object.entries(views)) expect(layoutProblems(draw(r.value.flow)), view).toEqual([]);
  });

  it("holds for generated topologies", () => {
    fc.assert(
      fc.property(caseArb, ([topology, scenarios]) => {
        for (const scenario of scenarios) {
          const r = compile({ topology, scenario });
          if (r.ok) expect(shape(r.value.flow)).toEqual([]);
        }
      }),
      { numRuns: 40, seed: 23 },
    );
  });

  it("holds for generated hybrid scenarios", () => {
    const hybrid = Object.values(presets).filter((p) => "hybrid" in p.topology);
    const arb = fc.record({
      preset: fc.constantFrom(...hybrid.map((p) => p.id)),
      user: fc.nat(),
      target: fc.nat(),
      protocol: fc.constantFrom(...PROTOCOLS),
      client: fc.constantFrom("internal", "external"),
      kind: fc.constantFrom(...SCENARIO_KINDS),
      app: fc.option(fc.constantFrom(...CLIENT_APPS), { nil: undefined }),
    });
    fc.assert(
      fc.property(arb, (c) => {
        const users = presets[c.preset]?.topology.users.map((u) => u.name) ?? [];
        const user = users[c.user % users.length] ?? "";
        const target = c.kind === "free-busy" || c.kind === "smtp" ? { target: users[c.target % users.length] } : {};
        const scenario = { user, protocol: c.protocol, client: c.client, kind: c.kind, ...target, ...(c.app ? { app: c.app } : {}) };
        const r = compile({ preset: c.preset, scenario });
        if (r.ok) expect(shape(r.value.flow)).toEqual([]);
      }),
      { numRuns: 120, seed: 23 },
    );
  });
});
