/**
 * The one place where expected errors become HTTP. Routes throw a ProblemError (via the helpers
 * below); `problemResponse` turns it into RFC 9457 `application/problem+json` with the core's
 * `errors: Issue[]`, or into an SVG error card when the client asked for an image, so a broken
 * <img> embed shows what is wrong. Anything else reaching `onError` is a logged, opaque 500.
 */
import type { ErrorHandler, NotFoundHandler } from "hono";
import { type Issue, isSafeColor, type ThemeName } from "../core/index.ts";
import { rasterize, renderErrorCardSvg, THEMES, type RenderOptions } from "../diagrams/index.ts";
import type { AppContext, AppEnv } from "./app-env.ts";
import { formatBytes, MAX_AUDIT_ROWS, MAX_BODY_BYTES, MAX_INFLATED_BYTES, MAX_URL_CHARS } from "./limits.ts";
import { parseAccept } from "./accept.ts";

export interface Problem {
  status: number;
  /** Short kebab-case id; the problem `type` is `urn:exflow:problem:<slug>`. */
  slug: string;
  title: string;
  detail: string;
  errors?: Issue[];
  /** Valid choices (preset ids, scenario names, formats) where the client picked an unknown one. */
  allowed?: readonly string[];
  /** Extra members of the problem body (RFC 9457 extensions), e.g. the limit that was passed. */
  extensions?: Record<string, unknown>;
  headers?: Record<string, string>;
}

export class ProblemError extends Error {
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail);
    this.name = "ProblemError";
    this.problem = problem;
  }
}

export const unreadable = (detail: string, errors?: Issue[]): ProblemError =>
  new ProblemError({ status: 400, slug: "unreadable-request", title: "Unreadable request", detail, errors });

export const notFound = (detail: string, allowed?: readonly string[]): ProblemError =>
  new ProblemError({ status: 404, slug: "not-found", title: "Not found", detail, allowed });

export const methodNotAllowed = (methods: readonly string[]): ProblemError =>
  new ProblemError({
    status: 405,
    slug: "method-not-allowed",
    title: "Method not allowed",
    detail: `this resource allows ${methods.join(", ")}`,
    headers: { Allow: methods.join(", ") },
  });

export const notAcceptable = (detail: string, allowed?: readonly string[]): ProblemError =>
  new ProblemError({ status: 406, slug: "not-acceptable", title: "Format not available", detail, allowed });

export const bodyTooLarge = (): ProblemError =>
  new ProblemError({
    status: 413,
    slug: "body-too-large",
    title: "Request body too large",
    detail: `the request body is larger than the limit of ${formatBytes(MAX_BODY_BYTES)}`,
  });

export const inflatedTooLarge = (): ProblemError =>
  new ProblemError({
    status: 413,
    slug: "encoded-request-too-large",
    title: "Encoded request too large",
    detail: `the encoded request inflates to more than ${formatBytes(MAX_INFLATED_BYTES)}; send it with POST /v1/flow instead`,
  });

export const urlTooLong = (): ProblemError =>
  new ProblemError({
    status: 414,
    slug: "url-too-long",
    title: "URL too long",
    detail: [
      `the URL is longer than the limit of ${MAX_URL_CHARS} characters; send the request body with POST`,
      `/v1/flow instead (limit ${formatBytes(MAX_BODY_BYTES)})`,
    ].join(" "),
  });

export const auditTooLarge = (rows: number, users: number, protocols: number): ProblemError =>
  new ProblemError({
    status: 413,
    slug: "audit-too-large",
    title: "Audit too large for one answer",
    detail:
      [
        `this audit has ${rows} rows (${users} users x ${protocols} protocols x 2 client locations); one`,
        `answer holds at most ${MAX_AUDIT_ROWS}. `,
      ].join(" ") +
      "Narrow it with ?users= (names or patterns, e.g. ?users=ny-*,alice) or ?protocols= (e.g. " +
      "?protocols=owa,activesync), or in the body's options; " +
      `or run the whole audit with the CLI, which has no limit: npx exflow audit topology.yaml --format csv -o audit.csv`,
    extensions: { rows, maxRows: MAX_AUDIT_ROWS },
  });

export const unsupportedMediaType = (type: string): ProblemError =>
  new ProblemError({
    status: 415,
    slug: "unsupported-media-type",
    title: "Unsupported content type",
    detail: [
      `Content-Type ${JSON.stringify(type.slice(0, 80))} is not accepted; send application/json,`,
      "application/yaml or text/plain (curl: --data-binary @file -H 'Content-Type: application/yaml')",
    ].join(" "),
  });

/**
 * A body of Mermaid text (what Kroki users post): 415 when its type says so, 422 when it came as
 * plain text. exflow draws the picture from a topology; the message says so and where the format is.
 */
export const mermaidBody = (status: 415 | 422): ProblemError =>
  new ProblemError({
    status,
    slug: "mermaid-body",
    title: "Mermaid text is not an exflow request",
    detail: [
      "exflow draws Exchange topologies: it takes a JSON or YAML document with a `topology` (or a `preset`)",
      "and a `scenario`, and returns the flow as Mermaid, SVG or PNG; it does not render Mermaid text.",
      "See the request format at /openapi.json (FlowRequest), or start from `GET /v1/presets/o365info`.",
    ].join(" "),
  });

export const invalidInput = (issues: Issue[]): ProblemError =>
  new ProblemError({
    status: 422,
    slug: "invalid-input",
    title: "Invalid topology or scenario",
    detail: issues.length === 1 ? (issues[0]?.message ?? "invalid input") : `${issues.length} problems in the input; see errors`,
    errors: issues,
  });

/** POST /v1/import: the document is JSON but not an exflow inventory (or of a newer format). */
export const notAnInventory = (issues: Issue[]): ProblemError =>
  new ProblemError({
    status: 422,
    slug: "not-an-inventory",
    title: "Not an exflow inventory",
    detail: issues[0]?.message ?? "not an exflow inventory",
    errors: issues,
  });

export const inventoryTooLarge = (max: number): ProblemError =>
  new ProblemError({
    status: 413,
    slug: "body-too-large",
    title: "Request body too large",
    detail: [
      `the inventory is larger than the limit of ${formatBytes(max)}; import it with the CLI (exflow`,
      "import), which has no limit but the core's",
    ].join(" "),
  });

/**
 * Should an error be drawn as an SVG card? Yes when the route settled on svg or png, when the URL
 * names either, or when the client's preferred type is an image (what browsers send for <img>).
 * A PNG request's error is then rasterized (asPngCard), so a file saved as .png is a PNG.
 * `byAccept`: the Accept header made the choice, so the error response varies on it too.
 */
export function wantsImage(c: AppContext): { image: boolean; byAccept: boolean } {
  const format = c.get("format");
  if (format) return { image: format === "svg" || format === "png", byAccept: c.get("varyAccept") ?? false };
  const path = c.req.path;
  if (/\.(svg|png)$/.test(path) || /^\/v1\/flow\/(svg|png)\//.test(path)) return { image: true, byAccept: false };
  const url = new URL(c.req.url);
  if (["svg", "png"].includes(url.searchParams.get("format")?.toLowerCase() ?? "")) return { image: true, byAccept: false };
  return { image: parseAccept(c.req.header("accept"))[0]?.type.startsWith("image/") ?? false, byAccept: true };
}

/** Theme and background for an error card, taken from the query when they are valid; never throws. */
function cardOptions(c: AppContext): RenderOptions {
  const theme = c.req.query("theme");
  const background = c.req.query("background");
  return {
    ...(theme && Object.hasOwn(THEMES, theme) ? { theme: theme as ThemeName } : {}),
    ...(background && isSafeColor(background) ? { background } : {}),
  };
}

export function problemResponse(c: AppContext, p: Problem): Response {
  const headers = new Headers(p.headers);
  headers.set("Cache-Control", "no-store");
  const { image, byAccept } = wantsImage(c);
  if (byAccept) headers.append("Vary", "Accept");
  if (image) {
    const lines = p.errors?.length ? p.errors.map((i) => i.message) : [p.detail];
    if (p.allowed?.length && !p.errors?.length) lines.push(`Valid: ${p.allowed.join(", ")}`);
    headers.set("Content-Type", "image/svg+xml; charset=utf-8");
    return new Response(renderErrorCardSvg(`${p.status} ${p.title}`, lines, cardOptions(c)), { status: p.status, headers });
  }
  const body = {
    type: `urn:exflow:problem:${p.slug}`,
    title: p.title,
    status: p.status,
    detail: p.detail,
    instance: c.req.path.length > 200 ? `${c.req.path.slice(0, 200)}…` : c.req.path,
    ...(p.errors ? { errors: p.errors } : {}),
    ...(p.allowed ? { allowed: p.allowed } : {}),
    ...p.extensions,
    requestId: c.get("requestId"),
  };
  headers.set("Content-Type", "application/problem+json; charset=utf-8");
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { status: p.status, headers });
}

/** Did the request ask for PNG (route, path, `?format=`, or an Accept header that puts image/png first)? */
function wantsPng(c: AppContext): boolean {
  const format = c.get("format");
  if (format) return format === "png";
  if (/\.png$/.test(c.req.path) || /^\/v1\/flow\/png\//.test(c.req.path)) return true;
  const q = new URL(c.req.url).searchParams.get("format")?.toLowerCase();
  if (q) return q === "png";
  return parseAccept(c.req.header("accept"))[0]?.type === "image/png";
}

/**
 * An error card for a PNG request, rasterized like any picture (the same status and headers); the
 * SVG card stays when rasterizing itself fails, which still shows in every <img>.
 */
async function asPngCard(c: AppContext, res: Response): Promise<Response> {
  if (!res.headers.get("Content-Type")?.startsWith("image/svg+xml") || !wantsPng(c)) return res;
  try {
    const { pngAssets } = await import("./png.ts");
    const png = await rasterize(await res.clone().text(), pngAssets);
    const headers = new Headers(res.headers);
    headers.set("Content-Type", "image/png");
    return new Response(png, { status: res.status, headers });
  } catch {
    return res;
  }
}

/** app.onError: expected errors by their problem, anything else as a logged 500 without internals. */
export const onError: ErrorHandler<AppEnv> = (err, c) => {
  if (err instanceof ProblemError) return asPngCard(c, problemResponse(c, err.problem));
  console.error(
    JSON.stringify({
      level: "error",
      requestId: c.get("requestId"),
      method: c.req.method,
      path: c.req.path.slice(0, 200),
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      stack: err instanceof Error ? err.stack?.split("\n").slice(0, 8).join("\n") : undefined,
    }),
  );
  return problemResponse(c, {
    status: 500,
    slug: "internal-error",
    title: "Internal error",
    detail: `something went wrong on our side; quote request id ${c.get("requestId")} when reporting it`,
  });
};

export const onNotFound: NotFoundHandler<AppEnv> = (c) =>
  asPngCard(
    c,
    problemResponse(c, {
      status: 404,
      slug: "not-found",
      title: "Not found",
      detail: `no route for ${c.req.method} ${c.req.path.slice(0, 200)}; see /openapi.json`,
    }),
  );
