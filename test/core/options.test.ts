/**
 * One vocabulary: defaults come from core/defaults.ts, option values from core/options.ts, and the
 * audit and `render` walk the same cells (eachFlow).
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  audit,
  buildModel,
  CLIENTS,
  DEFAULT_PROFILE,
  profileFor,
  compile,
  eachFlow,
  isSafeColor,
  NAMED_COLORS,
  presets,
  PROTOCOLS,
} from "../../core/index.ts";
import { validateFlowRequest } from "../../core/validate/index.ts";
import { renderSvg } from "../../diagrams/index.ts";
import { renderMapSvg } from "../../diagrams/map/index.ts";

const o365 = presets.o365info!;
const scenario = { user: "alice", protocol: "ews", client: "internal" } as const;

describe("defaults", () => {
  it("the scenario's profile wins over the options', then the topology's, then the default", () => {
    expect(profileFor({ profile: "o365info" }, "microsoft", "o365info")).toBe("microsoft");
    expect(profileFor({ profile: "microsoft" }, undefined, "o365info")).toBe("o365info");
    expect(profileFor({ profile: "o365info" }, undefined, undefined)).toBe("o365info");
    expect(profileFor({}, undefined, undefined)).toBe(DEFAULT_PROFILE);
  });

  it("compile() and audit() route with the same default profile", () => {
    const c = compile({ preset: "o365info", scenario });
    expect(c.ok && c.value.flow.scenario.profile).toBe(audit(o365.topology).profile);
  });
});

describe("background allow-list", () => {
  const compiled = compile({ preset: "o365info", scenario });
  if (!compiled.ok) throw new Error("the preset scenario must compile");
  const { flow } = compiled.value;
  const accepted = (background: string) => validateFlowRequest({ preset: "o365info", scenario, options: { background } }, presets).ok;
  const candidates = fc.oneof(
    fc.constantFrom(...NAMED_COLORS, "rgb(1,2,3)", "papayawhip", "#abcd", "#abc", "#aabbcc80", "Lavender", "url(#x)"),
    fc.string({ maxLength: 12 }),
  );

  it("the schema accepts exactly what every drawer draws", () => {
    fc.assert(
      fc.property(candidates, (background) => {
        fc.pre(background.length > 0);
        const drawn = (draw: typeof renderSvg) => {
          try {
            draw(flow, { background });
            return true;
          } catch {
            return false;
          }
        };
        expect(accepted(background)).toBe(isSafeColor(background));
        expect(drawn(renderSvg)).toBe(isSafeColor(background));
        expect(drawn(renderMapSvg)).toBe(isSafeColor(background));
      }),
      { numRuns: 200 },
    );
  });
});

describe("eachFlow", () => {
  it("yields every user x protocol x client once, in report order, the audit's rows one for one", () => {
    const cells = [...eachFlow(buildModel(o365.topology), "o365info")];
    const keys = cells.map((c) => `${c.user.name}|${c.protocol}|${c.client}`);
    const expected = o365.topology.users.flatMap((u) => PROTOCOLS.flatMap((p) => CLIENTS.map((c) => `${u.name}|${p}|${c}`)));
    expect(keys).toEqual(expected);
    const rows = audit(o365.topology).rows;
    expect(rows.map((r) => (r.outcome === "n/a" ? "n/a" : "flow"))).toEqual(cells.map((c) => c.kind));
    expect(rows.map((r) => r.outcome)).toEqual(cells.map((c) => (c.kind === "flow" ? c.flow.outcome : "n/a")));
  });
});
