/**
 * Every `curl` line in the ```sh blocks of README.md and docs/ runs against the worker (app.request), so the
 * documented examples cannot rot: each must answer 2xx with a non-empty body.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import app from "../../worker/index.ts";
import { shellWords } from "../support/shell.ts";

interface Curl {
  line: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
}

const IGNORED = new Set(["-s", "-S", "-sS", "-i", "-f", "-L", "-v", "--silent", "--fail", "--show-error", "--compressed", "--location"]);

export function parseCurl(line: string): Curl {
  const words = shellWords(line);
  if (words[0] !== "curl") throw new Error(`not a curl command: ${line}`);
  const c: Curl = { line, url: "", method: "", headers: {} };
  for (let i = 1; i < words.length; i++) {
    const w = words[i] ?? "";
    const value = (): string => {
      const v = words[++i];
      if (v === undefined) throw new Error(`${w} needs a value: ${line}`);
      return v;
    };
    if (w === "-X" || w === "--request") c.method = value();
    else if (w === "-H" || w === "--header") {
      const h = value();
      const colon = h.indexOf(":");
      c.headers[h.slice(0, colon).trim()] = h.slice(colon + 1).trim();
    } else if (["-d", "--data", "--data-raw", "--data-binary"].includes(w)) {
      const v = value();
      if (v.startsWith("@") && w !== "--data-raw") throw new Error(`README examples must be self-contained, not read ${v}: ${line}`);
      c.body = (c.body === undefined ? "" : `${c.body}&`) + v;
    } else if (w === "--json") {
      c.body = value();
      c.headers["Content-Type"] ??= "application/json";
      c.headers.Accept ??= "application/json";
    } else if (w === "-o" || w === "--output") value();
    else if (w === "-I" || w === "--head") c.method = "HEAD";
    else if (IGNORED.has(w)) continue;
    else if (w.startsWith("-")) throw new Error(`curl option ${w} is not understood by readme.test.ts: ${line}`);
    else c.url = w;
  }
  if (c.body !== undefined) {
    c.method ||= "POST";
    // What curl sends for -d without a Content-Type header.
    if (!Object.keys(c.headers).some((h) => h.toLowerCase() === "content-type"))
      c.headers["Content-Type"] = "application/x-www-form-urlencoded";
  }
  c.method ||= "GET";
  return c;
}

/** `curl …` commands in ```sh blocks, with `\` continuations joined. */
export function readmeCurls(markdown: string): string[] {
  const out: string[] = [];
  for (const [, block] of markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)) {
    const lines = (block ?? "").replace(/\\\n\s*/g, " ").split("\n");
    for (const l of lines) if (/^\s*curl\s/.test(l)) out.push(l.trim());
  }
  return out;
}

const DOCS = ["README.md", ...readdirSync(new URL("../../docs/", import.meta.url)).map((f) => `docs/${f}`)].filter((f) =>
  f.endsWith(".md"),
);
const curls = DOCS.flatMap((f) => readmeCurls(readFileSync(new URL(`../../${f}`, import.meta.url), "utf8")));

describe("the tokenizer", () => {
  it("handles quotes, $'…' escapes and trailing comments", () => {
    expect(shellWords(`curl -H 'A: b' -d "x\\"y" --data-binary $'a\\nb' http://h/p  # note`)).toEqual([
      "curl",
      "-H",
      "A: b",
      "-d",
      'x"y',
      "--data-binary",
      "a\nb",
      "http://h/p",
    ]);
    expect(parseCurl("curl -d '{}' http://h/x")).toMatchObject({
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
    });
  });
});

describe("curl examples of README.md and docs/", () => {
  it("has at least five", () => {
    expect(curls.length).toBeGreaterThanOrEqual(5);
  });

  it.each(curls)("%s", async (line) => {
    const c = parseCurl(line);
    expect(c.url).toMatch(/^https?:\/\/127\.0\.0\.1:8787\//);
    const res = await app.request(c.url, { method: c.method, headers: c.headers, ...(c.body === undefined ? {} : { body: c.body }) });
    const text = await res.text();
    expect(res.status, text.slice(0, 300)).toBeGreaterThanOrEqual(200);
    expect(res.status, text.slice(0, 300)).toBeLessThan(300);
    if (c.method !== "HEAD") expect(text.length).toBeGreaterThan(0);
  });
});
