/**
 * Every relative link in README.md, CHANGELOG.md and docs/ resolves: the file exists and an anchor
 * (`#section`) names a heading of the target, slugged the way GitHub does. Links to other sites are
 * not fetched (tests stay offline).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const files = [
  "README.md",
  "CHANGELOG.md",
  ...readdirSync(join(root, "docs"))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `docs/${f}`),
];

/** Outside fenced code: inline code spans and fences are not links. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
}

/** GitHub's heading ids (and explicit `<a id>` anchors): lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, text] of prose(markdown).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = (text ?? "")
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  // Generated tables (docs/rules.md) carry their own `<a id>` anchors.
  for (const [, id] of markdown.matchAll(/<a id="([^"]+)"><\/a>/g)) out.add(id ?? "");
  return out;
}

describe("links in README.md and docs/", () => {
  it("the slugs follow GitHub's rule", () => {
    expect([...anchors("# Saved topologies (living diagrams)\n## HTTP API\n## HTTP API\n")]).toEqual([
      "saved-topologies-living-diagrams",
      "http-api",
      "http-api-1",
    ]);
  });

  it.each(files)("%s: every relative link and anchor resolves", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    const broken: string[] = [];
    for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
      if (!target || /^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
      const [path, anchor] = target.split("#") as [string, string | undefined];
      const resolved = path ? join(dirname(join(root, file)), decodeURIComponent(path)) : join(root, file);
      if (!existsSync(resolved)) {
        broken.push(`${target}: no file ${relative(root, resolved)}`);
        continue;
      }
      if (anchor && resolved.endsWith(".md") && !anchors(readFileSync(resolved, "utf8")).has(anchor))
        broken.push(`${target}: no heading #${anchor} in ${relative(root, resolved)}`);
    }
    expect(broken).toEqual([]);
  });

  it("no document outside the repository is cited", () => {
    for (const file of files) expect(readFileSync(join(root, file), "utf8"), file).not.toMatch(/\.\.\/shared\/|shared\/reference/);
  });
});
