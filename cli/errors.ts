/**
 * The CLI's exit codes and the one error type commands throw to stop with one of them.
 * 0: done; 1: `--strict` and some flow fails; 2: invalid input or usage; 3: a bug in exflow.
 * Messages are printed to stderr by the entry point, one `path: message` line each.
 */
import type { Issue } from "../core/index.ts";
import { formatPath } from "../lib/suggest.ts";

export const EXIT_OK = 0;
export const EXIT_FAILING_FLOWS = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERNAL = 3;

/** Stops the command: `lines` go to stderr, `code` becomes the exit code. */
export class CliError extends Error {
  readonly code: number;
  readonly lines: string[];

  constructor(code: number, lines: string | string[]) {
    const list = typeof lines === "string" ? [lines] : lines;
    super(list.join("\n"));
    this.name = "CliError";
    this.code = code;
    this.lines = list;
  }
}

/** Invalid input or usage (exit 2). */
export const usage = (lines: string | string[]): CliError => new CliError(EXIT_USAGE, lines);

/**
 * Issues as stderr lines. Core messages already start with a readable path
 * (`topology.servers[2].version: ...`, `line 3, column 1: ...`, `(document): ...`), so the
 * message is the line; a message that does not is given its path here.
 */
export function issueLines(issues: readonly Issue[]): string[] {
  return issues.map((i) => (i.message.includes(": ") ? i.message : `${formatPath(i.path)}: ${i.message}`));
}
