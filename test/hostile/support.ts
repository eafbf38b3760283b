/**
 * Shared machinery of the hostile-input campaign: send a request through the worker's
 * real routes with a time guard, and judge the answer by what the docs promise for its kind:
 * 2xx/3xx/4xx only; errors as RFC 9457 problem+json (`errors[]` of `{code,message,path}`) or, for
 * image requests, an SVG error card; successful SVG, Mermaid, Markdown, CSV and JSON bodies that
 * parse and are inert. Judges return a list of problems (empty = fine) instead of throwing, so a
 * campaign can count every class of failure before it asserts.
 */
import { deflateRawSync, deflateSync } from "node:zlib";
import app from "../../worker/index.ts";

export const ORIGIN = "http://exflow.test";
/** A request that does not settle within this is counted as a hang (the figure is reported, not asserted). */
export const HANG_MS = 15_000;

export interface Sent {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array | ReadableStream<Uint8Array>;
}

export interface Got {
  status: number;
  headers: Headers;
  bytes: Uint8Array;
  text: string;
  /** Wall-clock and process CPU milliseconds spent on this request (app.request runs in this process). */
  wallMs: number;
  cpuMs: number;
  hung: boolean;
}

const HUNG = Symbol("hung");

/** One request through `app.request` (the Hono app as the worker exports it), guarded against hangs. */
export async function send(req: Sent): Promise<Got> {
  const init: RequestInit = { method: req.method, headers: req.headers ?? {} };
  if (req.body !== undefined) init.body = req.body as BodyInit;
  if (req.body instanceof ReadableStream) (init as RequestInit & { duplex: string }).duplex = "half";
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<typeof HUNG>((done) => (timer = setTimeout(() => done(HUNG), HANG_MS)));
  const work = (async () => {
    const res = await app.request(`${ORIGIN}${req.path}`, init);
    return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
  })();
  const r = await Promise.race([work, guard]);
  clearTimeout(timer);
  const c1 = process.cpuUsage(c0);
  const wallMs = performance.now() - t0;
  const cpuMs = (c1.user + c1.system) / 1000;
  if (r === HUNG) return { status: 0, headers: new Headers(), bytes: new Uint8Array(0), text: "", wallMs, cpuMs, hung: true };
  return {
    status: r.res.status,
    headers: r.res.headers,
    bytes: r.bytes,
    text: new TextDecoder().decode(r.bytes),
    wallMs,
    cpuMs,
    hung: false,
  };
}

// ---------------------------------------------------------------- encodings

export const krokiEncode = (text: string | Uint8Array): string =>
  deflateSync(typeof text === "string" ? Buffer.from(text) : text, { level: 9 }).toString("base64url");
export const rawDeflateEncode = (text: string): string => deflateRawSync(Buffer.from(text)).toString("base64url");

// ---------------------------------------------------------------- what a request asks for

/** Does the request name an image format (SVG or PNG) anywhere (path, ?format, or an image-first Accept)? */
export function imageHint(req: Sent): boolean {
  const url = new URL(`${ORIGIN}${req.path}`);
  const accept = Object.entries(req.headers ?? {}).find(([k]) => k.toLowerCase() === "accept")?.[1] ?? "";
  const first = accept.split(",")[0]?.split(";")[0]?.trim().toLowerCase() ?? "";
  return (
    /\/(svg|png)\//i.test(url.pathname) || /\.(svg|png)$/i.test(url.pathname) || /svg|png/i.test(url.search) || first.startsWith("image/")
  );
}

// ---------------------------------------------------------------- judges

export type Problems = string[];

const ISSUE_KEYS = ["code", "message", "path"];

/** RFC 9457 body with the core's issues. */
export function problemJsonProblems(got: Got): Problems {
  const out: Problems = [];
  let body: unknown;
  try {
    body = JSON.parse(got.text);
  } catch {
    return [`problem+json body does not parse: ${got.text.slice(0, 120)}`];
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return ["problem body is not an object"];
  const b = body as Record<string, unknown>;
  if (b.status !== got.status) out.push(`problem status ${String(b.status)} != HTTP ${got.status}`);
  if (typeof b.type !== "string" || !b.type.startsWith("urn:exflow:problem:")) out.push(`problem type ${String(b.type)}`);
  if (typeof b.title !== "string" || b.title === "") out.push("problem without title");
  if (typeof b.detail !== "string" || b.detail === "") out.push("problem without detail");
  if (typeof b.requestId !== "string") out.push("problem without requestId");
  if (b.errors !== undefined) {
    if (!Array.isArray(b.errors) || b.errors.length === 0) out.push("errors is not a non-empty array");
    else
      for (const e of b.errors as unknown[]) {
        const i = e as Record<string, unknown>;
        if (typeof e !== "object" || e === null || Object.keys(i).sort().join() !== ISSUE_KEYS.join()) {
          out.push(`issue is not {code,message,path}: ${JSON.stringify(e).slice(0, 120)}`);
          break;
        }
        if (
          typeof i.code !== "string" ||
          !/^[A-Z][A-Z_]*$/.test(i.code) ||
          typeof i.message !== "string" ||
          i.message === "" ||
          !Array.isArray(i.path) ||
          !i.path.every((p) => typeof p === "string" || (typeof p === "number" && Number.isInteger(p)))
        ) {
          out.push(`malformed issue: ${JSON.stringify(e).slice(0, 160)}`);
          break;
        }
      }
  }
  if (got.headers.get("cache-control") !== "no-store") out.push(`error cache-control ${got.headers.get("cache-control")}`);
  return out;
}

const SVG_TAGS = new Set([
  "svg",
  "title",
  "desc",
  "defs",
  "marker",
  "path",
  "rect",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "circle",
  "ellipse",
  "g",
]);
const ENTITY = /^&(?:amp|lt|gt|quot|apos|#39|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;

/**
 * A strict reading of our SVG as XML: one `<svg>` root in the SVG namespace, balanced tags from a
 * small allow-list, well-formed attributes with no event handler, no href/xlink:href, no url()
 * other than a local `#id`, no style, and text in which every `&` starts a known entity.
 * (Chromium later confirms each one decodes and runs nothing.)
 */
export function svgProblems(svg: string): Problems {
  const out: Problems = [];
  if (!svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"'))
    out.push(`SVG does not start with an SVG-namespace root: ${svg.slice(0, 60)}`);
  if (
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(svg)
  )
    out.push("SVG holds a character XML forbids");
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < svg.length) {
    const lt = svg.indexOf("<", i);
    const text = svg.slice(i, lt === -1 ? svg.length : lt);
    if (text.includes(">")) out.push(`raw '>' in text: ${text.slice(0, 60)}`);
    for (let a = text.indexOf("&"); a !== -1; a = text.indexOf("&", a + 1)) {
      if (!ENTITY.test(text.slice(a))) {
        out.push(`bare '&' in text: ${text.slice(a, a + 20)}`);
        break;
      }
    }
    if (stack.length === 0 && text.trim() !== "") out.push(`text outside the root: ${text.slice(0, 40)}`);
    if (lt === -1) break;
    const gt = svg.indexOf(">", lt);
    if (gt === -1) {
      out.push("unterminated tag");
      break;
    }
    const tag = svg.slice(lt + 1, gt);
    i = gt + 1;
    const close = /^\/([A-Za-z][\w-]*)\s*$/.exec(tag);
    if (close) {
      if (stack.pop() !== close[1]) out.push(`mismatched </${close[1]}>`);
      continue;
    }
    const open = /^([A-Za-z][\w-]*)((?:\s+[A-Za-z][\w:.-]*="[^"<]*")*)\s*(\/?)$/.exec(tag);
    if (!open) {
      out.push(`not a well-formed tag: <${tag.slice(0, 80)}>`);
      continue;
    }
    const [, name = "", attrs = "", selfClosing] = open;
    if (!SVG_TAGS.has(name)) out.push(`element <${name}> is not allowed`);
    if (stack.length === 0) {
      roots++;
      if (name !== "svg") out.push(`root is <${name}>`);
    }
    const seen = new Set<string>();
    for (const m of attrs.matchAll(/([A-Za-z][\w:.-]*)="([^"]*)"/g)) {
      const [, attr = "", value = ""] = m;
      if (seen.has(attr)) out.push(`duplicate attribute ${attr}`);
      seen.add(attr);
      if (/^on/i.test(attr)) out.push(`event attribute ${attr}`);
      if (/href$/i.test(attr) || attr === "style" || attr.includes(":")) out.push(`attribute ${attr} is not allowed`);
      if (/url\(/i.test(value) && value.replace(/url\(#[\w-]+\)/g, "").includes("url(")) out.push(`external url() in ${attr}`);
      if (/javascript:|data:/i.test(value) && attr !== "font-family") out.push(`scheme in ${attr}="${value.slice(0, 60)}"`);
      for (let a = value.indexOf("&"); a !== -1; a = value.indexOf("&", a + 1)) {
        if (!ENTITY.test(value.slice(a))) {
          out.push(`bare '&' in ${attr}`);
          break;
        }
      }
    }
    if (!selfClosing) stack.push(name);
  }
  if (stack.length > 0) out.push(`unclosed <${stack.join("><")}>`);
  if (roots !== 1) out.push(`${roots} root elements`);
  return out;
}

// Our own directive: the theme, htmlLabels off, and the sequence spacing a wide flow is fitted with (numbers only).
const OUR_DIRECTIVE = new RegExp(
  '^%%\\{init: \\{(?:"theme": "(?:default|neutral|dark)"(?:, )?)?(?:"htmlLabels": false)?' +
    '(?:"sequence": \\{"width": \\d+, "actorMargin": \\d+\\})?\\}\\}%%$',
);

/**
 * Our Mermaid: no `%%{` directive except our own theme line, no `click`/`href`/`call` statement,
 * no `<` other than our `<br>` and the empty comment that may close a map label (`<!---->"`, see
 * mermaidFlowchartLabel), no backtick (it would end a Markdown fence), no `javascript:`.
 */
export function mermaidProblems(mmd: string): Problems {
  const out: Problems = [];
  const lines = mmd.replace(/\n$/, "").split("\n");
  const first = lines.find((l) => !l.startsWith("%%{"))?.trim() ?? "";
  if (!/^(sequenceDiagram|flowchart|graph)\b/.test(first)) out.push(`unexpected first statement: ${first.slice(0, 40)}`);
  for (const line of lines) {
    if (line.includes("%%{") && !OUR_DIRECTIVE.test(line)) out.push(`directive from text: ${line.slice(0, 80)}`);
    if (/^\s*(click|href|callback|call)\b/i.test(line)) out.push(`interaction statement: ${line.slice(0, 80)}`);
    if (/<(?!br>|!---->")/i.test(line)) out.push(`raw '<' : ${line.slice(0, 80)}`);
    if (line.includes("`")) out.push(`backtick: ${line.slice(0, 80)}`);
    if (/^\s*%%(?!\{init)/.test(line)) out.push(`comment line: ${line.slice(0, 80)}`);
  }
  return out;
}

/**
 * Markdown: exactly one ```mermaid fence (inert Mermaid inside); outside it no raw HTML (`<`
 * followed by a tag name, `/`, `!` or `?`), no `javascript:` link target, no bare fence opener.
 */
export function markdownProblems(md: string, fence: "one" | "none"): Problems {
  const out: Problems = [];
  const fences = md.split("\n").filter((l) => /^\s{0,3}(```|~~~)/.test(l));
  let outside = md;
  if (fence === "one") {
    const m = /^```mermaid\n([\s\S]*?)\n```$/m.exec(md);
    if (!m || fences.length !== 2) out.push(`expected one mermaid fence, found ${fences.length} fence lines`);
    else {
      out.push(...mermaidProblems(`${m[1]}\n`).map((p) => `in fence: ${p}`));
      outside = md.replace(m[0], "");
    }
  } else if (fences.length > 0) out.push(`fence line: ${fences[0]}`);
  if (/<[A-Za-z/!?]/.test(outside)) out.push(`raw HTML: ${/<[A-Za-z/!?].{0,40}/.exec(outside)?.[0]}`);
  const unescaped = outside.replace(/\\./g, "");
  if (/\]\(\s*javascript:/i.test(unescaped) || /<javascript:/i.test(unescaped)) out.push("javascript: link");
  if (/!\[[^\]]*\]\(/.test(outside.replace(/\\./g, ""))) out.push("image reference");
  if (/^\s*\[[^\]]*\]:/m.test(outside.replace(/\\./g, ""))) out.push("link reference definition");
  return out;
}

/** RFC 4180 CSV whose cells never start with a formula character (after unquoting). */
export function csvProblems(csv: string): Problems {
  const out: Problems = [];
  if (!csv.endsWith("\r\n")) out.push("CSV does not end with CRLF");
  const cells: string[] = [];
  let i = 0;
  let cell = "";
  let quoted = false;
  let atStart = true;
  while (i < csv.length) {
    const ch = csv[i] ?? "";
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (atStart && ch === '"') {
      quoted = true;
      atStart = false;
      i++;
      continue;
    }
    if (ch === "," || (ch === "\r" && csv[i + 1] === "\n")) {
      cells.push(cell);
      cell = "";
      atStart = true;
      i += ch === "," ? 1 : 2;
      continue;
    }
    if (ch === '"' || ch === "\n" || ch === "\r") {
      out.push(`unquoted ${JSON.stringify(ch)} in a cell`);
      break;
    }
    cell += ch;
    atStart = false;
    i++;
  }
  if (quoted) out.push("unterminated quoted cell");
  const formula = cells.find((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?$/.test(c));
  if (formula !== undefined) out.push(`formula cell: ${formula.slice(0, 60)}`);
  return out;
}

export type Kind = "json" | "svg" | "png" | "mmd" | "md" | "csv" | "problem" | "card" | "empty" | "other";

/** What a response is, from its status and Content-Type. */
export function kindOf(got: Got): Kind {
  const type = got.headers.get("content-type") ?? "";
  if (got.status === 204 || got.status === 304 || got.bytes.length === 0) return "empty";
  if (type.startsWith("application/problem+json")) return "problem";
  if (type.startsWith("image/svg+xml")) return got.status >= 400 ? "card" : "svg";
  if (type.startsWith("image/png")) return "png";
  if (type.startsWith("application/json")) return "json";
  if (type.startsWith("text/vnd.mermaid") || type.startsWith("text/plain")) return "mmd";
  if (type.startsWith("text/markdown")) return "md";
  if (type.startsWith("text/csv")) return "csv";
  return "other";
}

/** Everything the docs promise about one answer, whatever was sent. */
export function responseProblems(req: Sent, got: Got): Problems {
  if (got.hung) return [`no answer within ${HANG_MS} ms`];
  const out: Problems = [];
  if (got.status >= 500 || got.status < 200) return [`status ${got.status}: ${got.text.slice(0, 300)}`];
  if (got.status >= 300 && got.status !== 304) {
    if (got.status < 400) out.push(`unexpected redirect ${got.status}`);
  }
  if (got.headers.get("x-content-type-options") !== "nosniff") out.push("no nosniff");
  if (!got.headers.get("x-request-id")) out.push("no X-Request-Id");
  const kind = kindOf(got);
  const type = got.headers.get("content-type") ?? "";
  if (kind === "svg" || kind === "card") {
    if (!(got.headers.get("content-security-policy") ?? "").includes("default-src 'none'")) out.push("SVG without CSP");
  }
  if (req.method === "HEAD" || req.method === "OPTIONS") return out;
  if (got.status >= 400) {
    if (kind === "problem") {
      out.push(...problemJsonProblems(got));
      if (/^\/v1\/flow\/svg\//.test(req.path) && got.status !== 414 && got.status !== 405)
        out.push("problem+json for an /svg/ URL (expected an SVG card)");
    } else if (kind === "card") {
      if (!imageHint(req)) out.push("SVG error card for a request that did not ask for an image");
      out.push(...svgProblems(got.text).map((p) => `card: ${p}`));
      if (got.headers.get("cache-control") !== "no-store") out.push("card without no-store");
    } else if (kind === "png") {
      // A PNG request's error is the same card, rasterized.
      if (!imageHint(req)) out.push("PNG error card for a request that did not ask for an image");
      if (got.headers.get("cache-control") !== "no-store") out.push("card without no-store");
    } else out.push(`error ${got.status} as ${type || "(no type)"}: ${got.text.slice(0, 100)}`);
    if (got.status === 405 && !got.headers.get("allow")) out.push("405 without Allow");
    return out;
  }
  if (kind !== "json" && kind !== "png" && kind !== "empty" && kind !== "other" && !type.includes("charset=utf-8"))
    out.push(`no charset: ${type}`);
  switch (kind) {
    case "json":
      try {
        JSON.parse(got.text);
      } catch {
        out.push("JSON body does not parse");
      }
      break;
    case "svg":
      out.push(...svgProblems(got.text));
      break;
    case "mmd":
      out.push(...mermaidProblems(got.text));
      break;
    case "md":
      out.push(...markdownProblems(got.text, /audit/.test(req.path) ? "none" : "one"));
      break;
    case "csv":
      out.push(...csvProblems(got.text));
      break;
    case "png": {
      // A PNG is bytes: its signature and an IHDR with a real size, nothing else to inspect here.
      const b = got.bytes;
      const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
      if (b.length < 24 || sig.some((x, i) => b[i] !== x)) out.push("image/png body is not a PNG");
      else if (new DataView(b.buffer, b.byteOffset).getUint32(16) === 0) out.push("PNG of width 0");
      break;
    }
    case "empty":
      break;
    default:
      if (
        !(
          req.path === "/" ||
          req.path.startsWith("/playground") ||
          req.path.startsWith("/app") ||
          type.startsWith("text/html") ||
          type.startsWith("text/css") ||
          type.startsWith("text/javascript") ||
          type.startsWith("application/javascript")
        )
      )
        out.push(`unexpected Content-Type ${type}`);
  }
  return out;
}

// ---------------------------------------------------------------- figures

export class Figures {
  readonly byClass = new Map<string, number>();
  readonly byStatus = new Map<number, number>();
  readonly problems: { cls: string; req: string; problem: string }[] = [];
  wall: number[] = [];
  cpu: number[] = [];
  hangs = 0;
  fiveXX = 0;
  /** The slowest requests by CPU, for the report. */
  readonly slowest: { cpuMs: number; wallMs: number; status: number; req: string }[] = [];

  record(cls: string, req: Sent, got: Got, problems: Problems): void {
    this.byClass.set(cls, (this.byClass.get(cls) ?? 0) + 1);
    this.byStatus.set(got.status, (this.byStatus.get(got.status) ?? 0) + 1);
    this.wall.push(got.wallMs);
    this.cpu.push(got.cpuMs);
    if (got.hung) this.hangs++;
    this.slowest.push({ cpuMs: got.cpuMs, wallMs: got.wallMs, status: got.status, req: describeRequest(req).slice(0, 200) });
    this.slowest.sort((a, b) => b.cpuMs - a.cpuMs).splice(5);
    if (got.status >= 500) this.fiveXX++;
    for (const problem of problems) {
      if (this.problems.length < 500) this.problems.push({ cls, req: describeRequest(req), problem });
    }
  }

  get total(): number {
    return [...this.byClass.values()].reduce((a, b) => a + b, 0);
  }

  summary(title: string): string {
    const pct = (xs: number[], p: number): string => {
      const s = [...xs].sort((a, b) => a - b);
      return (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0).toFixed(1);
    };
    const classes = [...this.byClass]
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k}=${v}`)
      .join(" ");
    const statuses = [...this.byStatus]
      .sort((a, b) => a[0] - b[0])
      .map(([k, v]) => `${k}:${v}`)
      .join(" ");
    return [
      `[hostile] ${title}: ${this.total} requests; 5xx=${this.fiveXX}; hangs=${this.hangs}; problems=${this.problems.length}`,
      `[hostile]   classes: ${classes}`,
      `[hostile]   statuses: ${statuses}`,
      ...this.slowest.map((s) => `[hostile]   slow: cpu ${s.cpuMs.toFixed(0)} ms, wall ${s.wallMs.toFixed(0)} ms, ${s.status}: ${s.req}`),
      [
        "[hostile]   wall ms p50/p99/max",
        `${pct(this.wall, 50)}/${pct(this.wall, 99)}/${pct(this.wall, 100)}; cpu ms p50/p99/max`,
        `${pct(this.cpu, 50)}/${pct(this.cpu, 99)}/${pct(this.cpu, 100)}`,
      ].join(" "),
    ].join("\n");
  }
}

export function describeRequest(req: Sent): string {
  const body =
    req.body === undefined
      ? ""
      : typeof req.body === "string"
        ? req.body
        : req.body instanceof Uint8Array
          ? `<${req.body.length} bytes>`
          : "<stream>";
  return `${req.method} ${req.path.slice(0, 160)} ${JSON.stringify(req.headers ?? {})} ${body.slice(0, 300)}`;
}
