/**
 * A progress bar on stderr for long runs (render, audit), drawn only when stderr is a terminal;
 * piped or redirected stderr gets nothing, so logs and tests stay clean. `step()` lets the event
 * loop run now and then, so the bar redraws and Ctrl-C works during a long synchronous loop.
 */
import cliProgress from "cli-progress";
import process from "node:process";

export interface Progress {
  /** One unit done; `label` names it (e.g. "alice ews internal"). */
  step(label?: string): Promise<void>;
  /** `done` units finished, from inside a synchronous loop (the bar redraws on its own schedule). */
  update(done: number): void;
  stop(): void;
}

const SILENT: Progress = { step: async () => {}, update: () => {}, stop: () => {} };
/** Yield to the event loop after this many steps. */
const YIELD_EVERY = 25;

export function progress(total: number, title: string): Progress {
  if (!process.stderr.isTTY || total < 2) return SILENT;
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {value}/{total} {label}`, stream: process.stderr, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { label: "" });
  let n = 0;
  return {
    async step(label = "") {
      bar.increment(1, { label });
      if (++n % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    },
    update: (done) => bar.update(done),
    stop: () => bar.stop(),
  };
}
