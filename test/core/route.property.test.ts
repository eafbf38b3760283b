/**
 * Properties of routing over generated topologies (seeded, reproducible): it never throws,
 * numbered steps run 1..n without gaps, every hop's endpoints are participants, a failing flow
 * breaks at a marked hop, and the same input always gives byte-identical output.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildModel } from "../../core/model/index.ts";
import { route } from "../../core/route/index.ts";
import { caseArb } from "../support/arbitraries.ts";

const RUNS = { seed: 20261126, numRuns: 300 };

describe("route() on generated topologies", () => {
  it("never throws, numbers steps 1..n, and keeps every hop between participants", () => {
    fc.assert(
      fc.property(caseArb, ([topology, scenarios]) => {
        const m = buildModel(topology);
        for (const s of scenarios) {
          const f = route(m, s);
          const numbers = f.steps.flatMap((st) => (st.n === null ? [] : [st.n]));
          expect(numbers).toEqual(numbers.map((_, i) => i + 1));
          const ids = new Set(f.participants.map((p) => p.id));
          for (const st of f.steps) expect(ids.has(st.from) && ids.has(st.to)).toBe(true);
          if (f.outcome === "fail") expect(f.steps.length === 0 || f.steps.some((st) => st.fails)).toBe(true);
          if (f.outcome === "fail") expect(f.diagnostics.some((d) => d.severity === "error")).toBe(true);
          expect(f.steps[0]?.from ?? "client").toBe("client");
        }
      }),
      RUNS,
    );
  });

  it("is deterministic: a fresh copy of the same input gives byte-identical output", () => {
    fc.assert(
      fc.property(caseArb, ([topology, scenarios]) => {
        for (const s of scenarios) {
          const a = JSON.stringify(route(topology, s));
          const b = JSON.stringify(route(structuredClone(topology), structuredClone(s)));
          expect(a).toBe(b);
        }
      }),
      { ...RUNS, numRuns: 100 },
    );
  });
});
