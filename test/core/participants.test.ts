/**
 * The Flow carries every fact a view draws: each participant's box text per `label`
 * option, and each server's role and tier. Views print these; they compose text only for flows
 * written by hand. Checked over every preset scenario, the hybrid ones included, and every user
 * and protocol of the audit.
 */
import { describe, expect, it } from "vitest";
import { buildModel, eachFlow, type Flow, presets, route } from "../../core/index.ts";

function check(flow: Flow, where: string): void {
  for (const p of flow.participants) {
    const at = `${where}: ${p.id}`;
    expect(p.labels, at).toBeDefined();
    for (const text of Object.values(p.labels ?? {})) expect(text.length, at).toBeGreaterThan(0);
    if (p.kind === "server") {
      expect(p.role, at).toBeTruthy();
      expect(["front-end", "back-end"], at).toContain(p.tier);
      expect(p.labels?.name.startsWith(p.server ?? "?"), at).toBe(true);
    } else {
      expect(new Set(Object.values(p.labels ?? {})).size, at).toBe(1);
    }
  }
}

describe("participants come from the core with their labels, role and tier", () => {
  for (const [id, preset] of Object.entries(presets)) {
    it(`${id}: every example scenario`, () => {
      const m = buildModel(preset.topology);
      const scenarios = Object.entries(preset.scenarios);
      expect(scenarios.length).toBeGreaterThan(0);
      for (const [name, s] of scenarios) check(route(m, s.scenario), `${id}/${name}`);
    });
    it(`${id}: every audit cell`, () => {
      let flows = 0;
      for (const cell of eachFlow(buildModel(preset.topology), "microsoft")) {
        if (cell.kind !== "flow") continue;
        flows++;
        check(cell.flow, `${id}/${cell.user.name}/${cell.protocol}/${cell.client}`);
      }
      expect(flows).toBeGreaterThan(0);
    });
  }

  it("a hybrid server is a front end by version, like everywhere else", () => {
    const preset = presets["contoso-hybrid"];
    expect(preset).toBeDefined();
    const servers = Object.values(preset?.scenarios ?? {})
      .flatMap((s) => route(preset!.topology, s.scenario).participants)
      .filter((p) => p.kind === "server");
    expect(servers.length).toBeGreaterThan(0);
    for (const p of servers) expect(p.tier, p.id).toBe("front-end");
  });
});
