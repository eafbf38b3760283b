/**
 * Property tests: every fixture mutated at any spot (a field dropped, set to null, wrapped in a
 * one-element array or a `{ value }` object, retyped to a number, a boolean, an object, an array,
 * or cut to a type name as ConvertTo-Json -Depth does), optionally written as UTF-16. Whatever the
 * mutation: no exception, a Result; an import that succeeds has a well-formed report and a
 * topology that validates (or says it does not); the same input gives the same bytes; and a value
 * the importer reads that was cut to a type name is reported at its own path (never a silent guess).
 * Fixed seed, so failures reproduce.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importInventory } from "../../core/import/index.ts";
import { formatPath } from "../../lib/suggest.ts";
import { validateTopology } from "../../core/validate/index.ts";
import { FIXTURES, inventoryOf } from "./fixtures.ts";

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 0x1a2b3c4d), numRuns: Number(process.env.FC_RUNS ?? 100) });

type Path = (string | number)[];

/** Every path in a JSON value, containers included (not the root). */
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  const entries: [string | number, unknown][] = Array.isArray(v)
    ? [...v.entries()]
    : v !== null && typeof v === "object"
      ? Object.entries(v)
      : [];
  for (const [k, x] of entries) {
    out.push([...at, k]);
    paths(x, [...at, k], out);
  }
  return out;
}

const MUTATIONS = [
  "drop",
  "null",
  "wrap-array",
  "wrap-value",
  "number",
  "boolean",
  "object",
  "empty-array",
  "truncate",
  "empty-string",
] as const;
type Mutation = (typeof MUTATIONS)[number];

function mutate(doc: unknown, path: Path, m: Mutation): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let parent: Record<string | number, unknown> = copy;
  for (const p of path.slice(0, -1)) parent = parent[p] as Record<string | number, unknown>;
  const key = path[path.length - 1] as string | number;
  const old = parent[key];
  const value: Record<Mutation, unknown> = {
    drop: undefined,
    null: null,
    "wrap-array": [old],
    "wrap-value": { value: old, PSComputerName: "ex1" },
    number: 2,
    boolean: true,
    object: { Rdn: "CN=x", Depth: 3 },
    "empty-array": [],
    truncate: "System.Object[]",
    "empty-string": "",
  };
  if (m === "drop") {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = value[m];
  return copy;
}

const utf16 = (text: string): Uint8Array => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));

describe.each(FIXTURES)("mutations of %s", (name) => {
  const doc = inventoryOf(name);
  const all = paths(doc);

  it("never throws; reports instead; validates or says it does not; deterministic", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: all.length - 1 }), fc.constantFrom(...MUTATIONS), fc.boolean(), (i, m, wide) => {
        const path = all[i] ?? [];
        const text = JSON.stringify(mutate(doc, path, m));
        const input = wide ? utf16(text) : text;
        const r = importInventory(input);
        expect(JSON.stringify(importInventory(input))).toBe(JSON.stringify(r));
        if (!r.ok) {
          // Only a mutation of the document's identity may make it "not an inventory".
          expect(path[0], `${formatPath(path)} ${m}: ${r.issues[0]?.message}`).toBe("schema");
          return;
        }
        const { report, topology, valid } = r.value;
        for (const e of [...report.mapped, ...report.guessed, ...report.dropped, ...report.problems, ...report.notCollected]) {
          expect(e.message.startsWith(`${formatPath(e.path)}: `), e.message).toBe(true);
          expect(e.code).toMatch(/^[A-Z_]+$/);
        }
        expect(validateTopology(topology, []).ok).toBe(valid);
      }),
    );
  });
});

// Fields the importer always reads when the rest of the row is intact.
const READ_FIELDS = [
  String.raw`servers\[\d+\]\.(name|adminDisplayVersion)`,
  String.raw`vdirs\[\d+\]\.(server|protocol)`,
  String.raw`outlookAnywhere\[\d+\]\.server`,
  String.raw`databases\[\d+\]\.name`,
  String.raw`mailboxes\[\d+\]\.id`,
];
const READ = new RegExp(`^(${READ_FIELDS.join("|")})$`);

describe("a value cut to its type name is reported at its path", () => {
  for (const name of FIXTURES.filter((n) => n !== "damaged-utf16")) {
    it(name, () => {
      const doc = inventoryOf(name);
      const edge = (p: Path) => p[0] === "servers" && (doc.servers as Record<string, unknown>[])[p[1] as number]?.isEdgeServer === true;
      const targets = paths(doc).filter((p) => READ.test(formatPath(p)) && !edge(p));
      expect(targets.length).toBeGreaterThan(5);
      for (const p of targets) {
        const r = importInventory(JSON.stringify(mutate(doc, p, "truncate")));
        if (!r.ok) throw new Error(formatPath(p));
        const hit = r.value.report.problems.some((e) => e.code === "TRUNCATED" && JSON.stringify(e.path) === JSON.stringify(p));
        expect(hit, formatPath(p)).toBe(true);
      }
    });
  }
});
