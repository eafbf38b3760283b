/** The part of cli-progress 3.12 (untyped CommonJS) that cli/progress.ts uses. */
declare module "cli-progress" {
  interface Options {
    format?: string;
    stream?: NodeJS.WritableStream;
    clearOnComplete?: boolean;
    hideCursor?: boolean | null;
    etaBuffer?: number;
    fps?: number;
  }
  class SingleBar {
    constructor(options: Options, preset?: object);
    start(total: number, start: number, payload?: Record<string, unknown>): void;
    increment(step?: number, payload?: Record<string, unknown>): void;
    /** Redraws at once when called from a synchronous loop (synchronousUpdate, on by default). */
    update(current: number, payload?: Record<string, unknown>): void;
    stop(): void;
  }
  const Presets: { shades_classic: object; legacy: object; rect: object; shades_grey: object };
  const cliProgress: { SingleBar: typeof SingleBar; Presets: typeof Presets };
  export default cliProgress;
}
