/**
 * The OpenAPI document as a test oracle: which operation a request hits, and whether an answer
 * keeps the document's word. Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) checks bodies
 * against the schemas by JSON pointer into the document itself, so nothing is copied or rewritten.
 */
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { get } from "../worker/helpers.ts";

type Json = Record<string, unknown>;
export interface Operation {
  path: string;
  method: string;
  op: Json;
  pointer: string;
}

export interface Contract {
  doc: Json;
  operations: Operation[];
  /** The operation a concrete path and method fall on, or undefined. */
  match(method: string, path: string): Operation | undefined;
  /** Methods the path item declares (for 405 / Allow). */
  methodsOf(path: string): string[];
  /** Everything wrong with this answer to a request on `op`; [] when it keeps the contract. */
  check(op: Operation, res: Response, body: string): string[];
  /** Ajv's verdict on a value against a schema inside the document (JSON pointer). */
  validate(pointer: string, value: unknown): boolean;
}

const ID = "https://exflow.test/openapi.json";
const escapePointer = (s: string) => s.replace(/~/g, "~0").replace(/\//g, "~1");
/** Headers the document must declare wherever the server sends them. */
const DECLARED_HEADERS = ["etag", "vary", "allow"];

export async function loadContract(): Promise<Contract> {
  const doc = (await (await get("/openapi.json")).json()) as Json;
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  // OpenAPI's `format: binary` (the PNG answer) annotates; its bytes are checked by the PNG tests (test/png/).
  ajv.addFormat("binary", true);
  ajv.addSchema({ ...doc, $id: ID });
  const compiled = new Map<string, ValidateFunction>();
  const validator = (pointer: string): ValidateFunction => {
    let v = compiled.get(pointer);
    if (!v) {
      v = ajv.compile({ $ref: `${ID}#${pointer}` });
      compiled.set(pointer, v);
    }
    return v;
  };
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const operations: Operation[] = Object.entries(paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      path,
      method: method.toUpperCase(),
      op,
      pointer: `/paths/${escapePointer(path)}/${method}`,
    })),
  );
  const templates = Object.keys(paths).map((t) => ({
    t,
    re: new RegExp(
      `^${t
        .replace(/[.]/g, "\\.")
        .replace(/\{encoded\}/g, ".+")
        .replace(/\{[^}]+\}/g, "[^/]+")}$`,
    ),
  }));
  // Literal paths before templated ones, as the router matches them.
  templates.sort((a, b) => Number(a.t.includes("{")) - Number(b.t.includes("{")));
  const templateOf = (path: string) => templates.find(({ re }) => re.test(path))?.t;

  return {
    doc,
    operations,
    match: (method, path) => {
      const t = templateOf(path);
      return operations.find((o) => o.path === t && o.method === method);
    },
    methodsOf: (path) => {
      const t = templateOf(path);
      return t ? Object.keys(paths[t] ?? {}).map((m) => m.toUpperCase()) : [];
    },
    validate: (pointer, value) => validator(pointer)(value),
    check(op, res, body) {
      const problems: string[] = [];
      const where = `${op.method} ${op.path} -> ${res.status}`;
      const responses = op.op.responses as Record<string, Json>;
      const status = String(res.status);
      const declared = responses[status] ?? responses.default;
      if (!declared) return [`${where}: status not declared (declared: ${Object.keys(responses).join(", ")})`];
      const rPointer = `${op.pointer}/responses/${status in responses ? status : "default"}`;
      const headers = (declared.headers ?? {}) as Json;
      const declaredHeaders = Object.keys(headers).map((h) => h.toLowerCase());
      for (const h of DECLARED_HEADERS) {
        const value = res.headers.get(h);
        if (value === null) continue;
        if (!declaredHeaders.includes(h)) problems.push(`${where}: sends ${h} (${value}) but does not declare it`);
        else {
          const name = Object.keys(headers).find((k) => k.toLowerCase() === h) ?? h;
          if (!validator(`${rPointer}/headers/${escapePointer(name)}/schema`)(value))
            problems.push(`${where}: header ${h}: ${JSON.stringify(value)} does not match its schema`);
        }
      }
      const content = declared.content as Record<string, Json> | undefined;
      if (!content) {
        if (body.length > 0) problems.push(`${where}: a body where none is declared`);
        return problems;
      }
      const type = (res.headers.get("content-type") ?? "").split(";")[0]?.trim() ?? "";
      if (!(type in content))
        return [...problems, `${where}: Content-Type ${type || "(none)"} not declared (declared: ${Object.keys(content).join(", ")})`];
      let value: unknown = body;
      if (type.endsWith("json")) {
        try {
          value = JSON.parse(body);
        } catch {
          return [...problems, `${where}: ${type} body is not JSON`];
        }
      }
      const v = validator(`${rPointer}/content/${escapePointer(type)}/schema`);
      if (!v(value)) problems.push(`${where} ${type}: body does not match the schema: ${ajv.errorsText(v.errors).slice(0, 300)}`);
      return problems;
    },
  };
}
