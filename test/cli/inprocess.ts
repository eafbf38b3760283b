/**
 * Runs the CLI's commander program inside the test process, for usage and input errors that
 * stop before any output is written (no process to spawn). Returns what commander printed and
 * the error the run stopped with.
 */
import { buildProgram } from "../../cli/program.ts";

export interface InProcess {
  out: string;
  err: string;
  error: unknown;
}

export async function parse(args: string[]): Promise<InProcess> {
  let out = "";
  let err = "";
  const program = buildProgram({
    writeOut: (s) => {
      out += s;
    },
    writeErr: (s) => {
      err += s;
    },
  });
  try {
    await program.parseAsync(args, { from: "user" });
    return { out, err, error: undefined };
  } catch (error) {
    return { out, err, error };
  }
}
