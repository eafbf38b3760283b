#!/usr/bin/env node
/**
 * Entry point of `npx exflow` (package.json "bin"). Node >= 22.12 runs this TypeScript file as
 * is (type stripping), so there is no build step. Parses argv, runs the command, and turns
 * errors into stderr lines and the exit code: 0 ok, 1 failing flows (--strict), 2 invalid
 * input or usage, 3 a bug.
 */
import { CommanderError } from "commander";
import process from "node:process";
import { CliError, EXIT_INTERNAL, EXIT_OK, EXIT_USAGE } from "./errors.ts";
import { buildProgram } from "./program.ts";

// `exflow ... | head` closes the pipe early; that is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? EXIT_OK);
  throw e;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // commander has already printed its message (or the help).
    process.exitCode = e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  } else if (e instanceof CliError) {
    for (const line of e.lines) process.stderr.write(`${line}\n`);
    process.exitCode = e.code;
  } else {
    process.stderr.write(`exflow: internal error, please report it: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = EXIT_INTERNAL;
  }
}
