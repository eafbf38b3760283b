/**
 * The log files behind `exflow observe`'s arguments: a file is read whatever its name; a folder
 * is searched recursively for *.log (any case), which is how Exchange names HttpProxy logs. Files
 * are read in path order, so the same folder always gives the same report. Streaming: each file is
 * read in 256 KiB chunks into the core's reader, so memory does not grow with the logs' size (smaller
 * chunks leave less garbage per chunk, which keeps the peak RSS low).
 */
import { createReadStream, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Observer } from "../core/index.ts";
import { usage } from "./errors.ts";

export interface LogSource {
  path: string;
  bytes: number;
}

export function logFiles(args: string[]): LogSource[] {
  const out = new Map<string, number>();
  for (const arg of args) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(arg);
    } catch {
      throw usage(`${arg}: no such file or folder`);
    }
    if (st.isDirectory()) {
      const found = readdirSync(arg, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile() && /\.log$/i.test(e.name))
        .map((e) => join(e.parentPath, e.name));
      if (found.length === 0) throw usage(`${arg}: no .log files in this folder (copy Logging\\HttpProxy from a front end)`);
      for (const f of found) out.set(f, statSync(f).size);
    } else out.set(arg, st.size);
  }
  return [...out].map(([path, bytes]) => ({ path, bytes })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const CHUNK = 1 << 18;

/** Streams every file into the observer; `progress` gets the bytes read so far. */
export async function readLogs(observer: Observer, files: LogSource[], progress: (bytes: number) => void): Promise<void> {
  let done = 0;
  for (const f of files) {
    const reader = observer.file(f.path);
    try {
      for await (const chunk of createReadStream(f.path, { highWaterMark: CHUNK })) {
        reader.feed(chunk as Buffer);
        done += (chunk as Buffer).length;
        progress(done);
      }
    } catch (e) {
      throw usage(`${f.path}: cannot read (${e instanceof Error ? e.message : String(e)})`);
    }
    reader.end();
  }
}
