/**
 * Property tests for the validators: arbitrary JSON, and valid presets broken at a random spot
 * (a field deleted, a value of another type, an unknown field, `__proto__`, a huge or odd
 * unicode string). Whatever the input: no exception, ok or a non-empty issue list, every issue
 * well-formed and pointing at an existing location in the input (or its parent), no prototype
 * pollution, and byte-identical output for the same input. Fixed seed, so failures reproduce.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { presets } from "../../core/presets/index.ts";
import { formatPath } from "../../lib/suggest.ts";
import type { Issue, Result } from "../../core/types.ts";
import { validateFlowRequest, validateScenario, validateTopology } from "../../core/validate/index.ts";
import { valueAt } from "../../core/validate/issues.ts";

// FC_RUNS / FC_SEED let a long fuzzing run reuse these properties: FC_RUNS=20000 npx vitest run ...
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 0x0e8c4a11), numRuns: Number(process.env.FC_RUNS ?? 150) });

type Path = (string | number)[];
type Node = Record<string, unknown> | unknown[];

/** The invariants every validator result must meet for `input` validated at `base`. */
function wellFormed(input: unknown, r: Result<unknown>, base: Path): void {
  if (r.ok) return;
  expect(r.issues.length).toBeGreaterThan(0);
  for (const issue of r.issues) {
    expect(Object.keys(issue).sort()).toEqual(["code", "message", "path"]);
    expect(issue.code).toMatch(/^[A-Z_]+$/);
    expect(issue.message.startsWith(`${formatPath(issue.path)}: `), issue.message).toBe(true);
    expect(issue.path.slice(0, base.length)).toEqual(base);
    const rel = issue.path.slice(base.length);
    const exists = valueAt(input, rel).found || valueAt(input, rel.slice(0, -1)).found;
    expect(exists, `${issue.code} ${issue.message}`).toBe(true);
  }
  expect(() => JSON.stringify(r.issues)).not.toThrow();
}

/** Run twice on independent copies: the output must be byte-identical. */
function deterministic(run: (input: unknown) => Result<unknown>, input: unknown): Result<unknown> {
  const a = run(structuredClone(input));
  const b = run(structuredClone(input));
  expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  return a;
}

/** Every location in a JSON tree, root first. */
function locations(root: unknown): Path[] {
  const out: Path[] = [[]];
  const stack: [unknown, Path][] = [[root, []]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    for (const [k, child] of Object.entries(v)) {
      const path = [...p, Array.isArray(v) ? Number(k) : k];
      out.push(path);
      stack.push([child, path]);
    }
  }
  return out;
}

const oddString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 5 }),
  fc.constantFrom("x".repeat(300), "é".repeat(3000), "\u0000", "constructor", "toString", "__proto__", ""),
);

const mutation = fc.record({
  op: fc.constantFrom("delete", "replace", "unknown", "proto", "string"),
  at: fc.nat(),
  value: fc.jsonValue({ maxDepth: 2 }),
  key: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("verison", "sitez", "constructor", "prototype")),
  text: oddString,
});
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** Apply one mutation at the `at`-th location (modulo) of `root`; returns what was done. */
function mutate(root: unknown, m: Mutation): { op: string; path: Path } {
  const all = locations(root);
  const path = all[m.at % all.length]!;
  const parent = valueAt(root, path.slice(0, -1)).value as Node;
  const here = valueAt(root, path).value;
  const last = path[path.length - 1];
  const set = (v: unknown): void => {
    if (Array.isArray(parent)) parent[last as number] = v;
    else Object.defineProperty(parent, last as string, { value: v, enumerable: true, writable: true, configurable: true });
  };
  if ((m.op === "unknown" || m.op === "proto") && here !== null && typeof here === "object" && !Array.isArray(here)) {
    const key = m.op === "proto" ? "__proto__" : m.key;
    Object.defineProperty(here, key, { value: m.value, enumerable: true, writable: true, configurable: true });
    return { op: m.op, path: [...path, key] };
  }
  if (path.length === 0) return { op: "none", path };
  if (m.op === "delete") {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete (parent as Record<string, unknown>)[last as string];
    return { op: "delete", path };
  }
  set(m.op === "string" ? m.text : m.value);
  return { op: m.op === "string" ? "string" : "replace", path };
}

const presetIds = Object.keys(presets);

describe("validators never throw and always explain", () => {
  it("validateTopology on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (v) =>
        wellFormed(
          v,
          deterministic((x) => validateTopology(x), v),
          ["topology"],
        ),
      ),
    );
  });

  it("validateScenario on arbitrary JSON", () => {
    const topology = presets.o365info!.topology;
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (v) =>
        wellFormed(
          v,
          deterministic((x) => validateScenario(x, topology), v),
          ["scenario"],
        ),
      ),
    );
  });

  it("validateFlowRequest on arbitrary JSON and on near-requests", () => {
    const near = fc.record(
      {
        preset: fc.oneof(fc.constantFrom(...presetIds), fc.jsonValue()),
        scenario: fc.jsonValue({ maxDepth: 2 }),
        options: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue({ maxDepth: 4 }), near), (v) =>
        wellFormed(
          v,
          deterministic((x) => validateFlowRequest(x, presets), v),
          [],
        ),
      ),
    );
  });

  it("validateTopology on a preset broken in one place", () => {
    fc.assert(
      fc.property(fc.constantFrom(...presetIds), mutation, (id, m) => {
        const t = structuredClone(presets[id]!.topology) as unknown;
        const done = mutate(t, m);
        const r = deterministic((x) => validateTopology(x), t);
        wellFormed(t, r, ["topology"]);
        if (done.op === "proto") {
          expect(!r.ok && r.issues.some((i: Issue) => i.code === "UNKNOWN_FIELD" && i.path.at(-1) === "__proto__")).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty("verison");
      }),
    );
  });

  it("validateFlowRequest on a valid request broken in one place", () => {
    const request = {
      topology: presets.o365info!.topology,
      scenario: { user: "alice", protocol: "ews", client: "external", host: "mail.o365info.com" },
      options: { theme: "dark" },
    };
    expect(validateFlowRequest(structuredClone(request), presets).ok).toBe(true);
    fc.assert(
      fc.property(mutation, (m) => {
        const input = structuredClone(request) as unknown;
        mutate(input, m);
        wellFormed(
          input,
          deterministic((x) => validateFlowRequest(x, presets), input),
          [],
        );
      }),
    );
  });

  it("an unknown field anywhere is reported at its own path", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...presetIds),
        fc.nat(),
        fc.constantFrom("verison", "__proto__", "constructor", "x-extra"),
        (id, at, key) => {
          const t = structuredClone(presets[id]!.topology) as unknown;
          const objects = locations(t).filter((p) => {
            const v = valueAt(t, p).value;
            return v !== null && typeof v === "object" && !Array.isArray(v);
          });
          const path = objects[at % objects.length]!;
          Object.defineProperty(valueAt(t, path).value as object, key, { value: 1, enumerable: true });
          const r = validateTopology(t);
          expect(
            !r.ok &&
              r.issues.some((i) => i.code === "UNKNOWN_FIELD" && JSON.stringify(i.path) === JSON.stringify(["topology", ...path, key])),
          ).toBe(true);
        },
      ),
    );
  });
});
