/**
 * Input and output for the commands: read a file or stdin (`-`) as text and tell its format
 * (by extension: .json, .yaml, .yml; otherwise by content, which parseDocument does), and write
 * a result to stdout or to a file (`-o`). Read and write failures become exit-2 errors.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, extname } from "node:path";
import process from "node:process";
import type { InputFormat } from "../core/index.ts";
import { usage } from "./errors.ts";

export interface Input {
  text: string;
  /** File name as given, or `(stdin)`. */
  name: string;
  /** From the extension; undefined: let the content decide (`{`/`[` first means JSON). */
  format: InputFormat | undefined;
}

const EXTENSIONS: Record<string, InputFormat> = { ".json": "json", ".yaml": "yaml", ".yml": "yaml" };

export function formatOf(file: string): InputFormat | undefined {
  return EXTENSIONS[extname(file).toLowerCase()];
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString("utf8");
}

/** A file's text, or stdin's for `-`. */
export async function readInput(arg: string): Promise<Input> {
  if (arg === "-") return { text: await readStdin(), name: "(stdin)", format: undefined };
  try {
    return { text: readFileSync(arg, "utf8"), name: arg, format: formatOf(arg) };
  } catch (e) {
    throw usage(`${arg}: cannot read (${reason(e)})`);
  }
}

/** Write to a file (creating its directory), or to stdout when `file` is undefined or `-`. */
export function writeOutput(text: string | Uint8Array, file?: string): void {
  if (file === undefined || file === "-") {
    if (typeof text !== "string" && process.stdout.isTTY)
      throw usage("a PNG is not for the terminal: give -o <file>.png or redirect stdout");
    process.stdout.write(text);
    return;
  }
  writeFile(file, text);
}

export function writeFile(file: string, text: string | Uint8Array): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  } catch (e) {
    throw usage(`${file}: cannot write (${reason(e)})`);
  }
}

export function makeDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw usage(`${dir}: cannot create directory (${reason(e)})`);
  }
}

/** "ENOENT: no such file or directory" without the repeated path. */
function reason(e: unknown): string {
  if (e && typeof e === "object" && "code" in e && typeof e.code === "string") {
    const known: Record<string, string> = {
      ENOENT: "no such file or directory",
      EACCES: "permission denied",
      EISDIR: "is a directory",
      ENOTDIR: "a parent is not a directory",
      EEXIST: "a file is in the way",
    };
    return known[e.code] ?? e.code;
  }
  return String(e);
}
