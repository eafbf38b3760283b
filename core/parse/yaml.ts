/**
 * The YAML half of parse.ts: YAML text → plain JSON data, or PARSE / LIMIT issues.
 *
 * The `yaml` package builds the syntax tree; we convert it ourselves, iteratively, instead of
 * calling `toJS()`, because that is where the guards live: duplicate keys (yaml's own `uniqueKeys`
 * check is quadratic: 50,000 keys took 28 s), depth, alias cycles and alias expansion
 * ("billion laughs"), non-string keys, and `__proto__` written as an ordinary own property.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import type { Document, Node as YamlNode } from "yaml";
import { MAX_DEPTH, MAX_YAML_ALIASES, MAX_YAML_EXPANDED_NODES, MAX_YAML_LINE_NESTING } from "../limits.ts";
import { formatPath } from "../../lib/suggest.ts";
import type { Issue, Path } from "../types.ts";

// core schema: plain JSON-like scalars only; no !!binary/!!timestamp/!!set (resolveKnownTags).
// prettyErrors copies a snippet of the line into every error: quadratic on one long bad line
// (50 KB of "- &a " took 5 s), so we place errors ourselves with the LineCounter.
const OPTIONS = { prettyErrors: false, uniqueKeys: false, stringKeys: true, schema: "core", resolveKnownTags: false } as const;

/** Our wording where the yaml package's speaks to programmers. */
const FRIENDLY = new Map<string, string>([
  ["MULTIPLE_DOCS", "more than one YAML document (a second ---); send one document"],
  ["NON_STRING_KEY", "mapping keys must be plain strings, not lists or mappings"],
  ["TAG_RESOLVE_FAILED", "YAML tags (!!binary, !custom, ...) are not supported; write plain values"],
]);

export function parseYaml(text: string, issues: Issue[]): unknown {
  if (!checkNesting(text, issues)) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { ...OPTIONS, lineCounter });
  // Warnings are unresolved tags and the like: for data input they are errors too.
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = lineCounter.linePos(e.pos[0]);
    const what = FRIENDLY.get(e.code) ?? (e.message.split("\n")[0] ?? "").slice(0, 200);
    issues.push({ code: "PARSE", message: `line ${pos.line}, column ${pos.col}: ${what}`, path: [] });
  }
  if (issues.length > 0) return undefined;
  if (doc.contents === null)
    return void issues.push({ code: "PARSE", message: "(document): no content; expected a YAML mapping", path: [] });
  return toPlain(doc, lineCounter, issues);
}

/**
 * Rejects lines whose indentation, block indicators and open flow brackets add up past
 * MAX_YAML_LINE_NESTING, before the recursive YAML parser sees them. Quotes and comments are
 * tracked roughly; a false alarm needs hundreds of columns of indentation, which no topology has.
 */
function checkNesting(text: string, issues: Issue[]): boolean {
  let flow = 0;
  let quoted: string | null = null;
  const lines = text.split("\n");
  for (let ln = 0; ln < lines.length; ln++) {
    const line = lines[ln] ?? "";
    let i = 0;
    if (quoted === null) {
      while (
        i < line.length &&
        (line[i] === " " || line[i] === "\t" || ("-?:".includes(line[i] ?? "") && /^[ \t]?$/.test(line[i + 1] ?? "")))
      )
        i++;
    }
    const prefix = i;
    let maxFlow = flow;
    for (; i < line.length; i++) {
      const c = line[i] ?? "";
      if (quoted === '"') {
        if (c === "\\") i++;
        else if (c === '"') quoted = null;
      } else if (quoted === "'") {
        if (c === "'" && line[i + 1] === "'") i++;
        else if (c === "'") quoted = null;
      } else if (c === "#" && (i === 0 || line[i - 1] === " " || line[i - 1] === "\t")) {
        break;
      } else if ((c === '"' || c === "'") && (i === 0 || " \t[{,:".includes(line[i - 1] ?? ""))) {
        quoted = c;
      } else if (c === "[" || c === "{") {
        maxFlow = Math.max(maxFlow, ++flow);
      } else if ((c === "]" || c === "}") && flow > 0) {
        flow--;
      }
    }
    if (prefix + maxFlow > MAX_YAML_LINE_NESTING) {
      issues.push({
        code: "LIMIT",
        message: [
          `line ${ln + 1}: nested too deeply (indentation, "- " indicators and open brackets add up to`,
          `${prefix + maxFlow}; the limit is ${MAX_YAML_LINE_NESTING}, and at most ${MAX_DEPTH} levels of`,
          "nesting)",
        ].join(" "),
        path: [],
      });
      return false;
    }
  }
  return true;
}

type Frame = { exit: false; node: YamlNode | null; path: Path; put: (v: unknown) => void } | { exit: true; node: YamlNode };

/** Children of a collection in document order, with the key or index each lands on. */
function children(node: YamlNode): { key: string | number; node: YamlNode | null; keyNode?: YamlNode }[] {
  if (isMap(node))
    return node.items.map((p) => ({
      key: isScalar(p.key) ? String(p.key.value ?? "") : "",
      node: (p.value ?? null) as YamlNode | null,
      keyNode: p.key as YamlNode,
    }));
  if (isSeq(node)) return node.items.map((n, i) => ({ key: i, node: (n ?? null) as YamlNode | null }));
  return [];
}

/**
 * The YAML tree as plain values, walked with an explicit stack so no document can overflow the
 * call stack. Invariants:
 * - A collection is visited twice. On entry its empty container is put where it belongs and it is
 *   in `open` (an alias to it from inside is a cycle); its exit frame is pushed before its
 *   children, so it pops after all of them and records the collection's height and size in `done`.
 * - An alias takes its target's finished value (shared, not copied) and is charged the target's
 *   size, so expansion bombs stop at MAX_YAML_EXPANDED_NODES before any value is built twice.
 * - Keys go in with defineProperty, so "__proto__" is an ordinary key, never a prototype.
 * A fatal problem returns undefined at once; duplicate keys are collected and the walk goes on.
 */
function toPlain(doc: Document, lines: LineCounter, issues: Issue[]): unknown {
  let root: unknown = null;
  const done = new Map<YamlNode, { value: unknown; height: number; size: number }>();
  const open = new Set<YamlNode>(); // collections being filled: an alias to one is a cycle
  // Our own anchor table, filled in document order: yaml's Alias.resolve re-walks the document per call.
  const anchors = new Map<string, YamlNode>();
  const targets = new Map<YamlNode, YamlNode | undefined>();
  let aliases = 0;
  let expanded = 0;
  const at = (n: YamlNode | null | undefined): string => {
    const p = lines.linePos(n?.range?.[0] ?? 0);
    return `line ${p.line}, column ${p.col}`;
  };
  const fail = (code: string, path: Path, what: string): undefined =>
    void issues.push({ code, message: `${formatPath(path)}: ${what}`, path });

  const stack: Frame[] = [{ exit: false, node: doc.contents as YamlNode | null, path: [], put: (v) => (root = v) }];
  while (stack.length > 0) {
    const f = stack.pop() as Frame;
    if (f.exit) {
      open.delete(f.node);
      let height = 0;
      let size = 1;
      for (const c of children(f.node)) {
        const n = c.node && isAlias(c.node) ? targets.get(c.node) : c.node;
        const info = n ? done.get(n) : undefined;
        height = Math.max(height, info?.height ?? 0);
        size += info?.size ?? 1;
      }
      done.set(f.node, { value: done.get(f.node)?.value, height: height + 1, size });
      continue;
    }
    const { node, path } = f;
    if (node?.anchor) anchors.set(node.anchor, node);
    if (node === null || isScalar(node)) {
      const v: unknown = node === null ? null : node.value;
      if (v !== null && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
        return fail("PARSE", path, `unsupported value (${at(node)}); use strings, numbers, booleans, lists and mappings`);
      if (node) done.set(node, { value: v, height: 0, size: 1 });
      f.put(v);
    } else if (isAlias(node)) {
      const target = anchors.get(node.source);
      targets.set(node, target);
      const info = target ? done.get(target) : undefined;
      if (!target || open.has(target) || !info)
        return fail(
          "PARSE",
          path,
          [
            `alias *${node.source.slice(0, 60)} (${at(node)})`,
            `${target ? "refers to a mapping or list that contains it" : "has no anchor before it"}`,
          ].join(" "),
        );
      if (++aliases > MAX_YAML_ALIASES) return fail("LIMIT", path, `more than ${MAX_YAML_ALIASES} aliases (${at(node)})`);
      expanded += info.size;
      if (expanded > MAX_YAML_EXPANDED_NODES)
        return fail("LIMIT", path, `aliases expand to more than ${MAX_YAML_EXPANDED_NODES} values (${at(node)})`);
      if (path.length + info.height > MAX_DEPTH)
        return fail("LIMIT", path, `nested deeper than the limit of ${MAX_DEPTH} levels (${at(node)})`);
      f.put(info.value);
    } else if (isMap(node) || isSeq(node)) {
      if (path.length + 1 > MAX_DEPTH) return fail("LIMIT", path, `nested deeper than the limit of ${MAX_DEPTH} levels (${at(node)})`);
      const kids = children(node);
      const container: Record<string, unknown> | unknown[] = isMap(node) ? {} : new Array<unknown>(kids.length).fill(null);
      done.set(node, { value: container, height: 0, size: 0 });
      open.add(node);
      f.put(container);
      stack.push({ exit: true, node });
      const seen = new Set<string>();
      const frames: Frame[] = [];
      for (const c of kids) {
        const childPath = [...path, c.key];
        if (typeof c.key === "string") {
          if (seen.has(c.key)) fail("PARSE", childPath, `duplicate key (${at(c.keyNode)}); a key may appear only once in a mapping`);
          seen.add(c.key);
        }
        const put = Array.isArray(container)
          ? (v: unknown) => {
              container[c.key as number] = v;
            }
          : (v: unknown) =>
              void Object.defineProperty(container, c.key, { value: v, enumerable: true, writable: true, configurable: true });
        frames.push({ exit: false, node: c.node, path: childPath, put });
      }
      for (let i = frames.length - 1; i >= 0; i--) stack.push(frames[i] as Frame);
    } else {
      return fail("PARSE", path, `unsupported YAML node (${at(node)})`);
    }
  }
  return issues.length > 0 ? undefined : root;
}
