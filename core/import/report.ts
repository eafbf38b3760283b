/**
 * The import report: what was mapped, guessed (naming the inventory property each guess came
 * from), dropped, unreadable (with what to do), not collected by the script, the namespaces
 * derived for review, and the diagnostics the imported topology raises. Every entry carries a
 * path into the inventory and a message that starts with that path, like the core's issues.
 */
import { formatPath } from "../../lib/suggest.ts";
import type { Diagnostic, Issue, Path } from "../types.ts";

export type { Path };

export interface ReportEntry {
  /** Stable code, e.g. ROLE_NUMBER, TRUNCATED, EDGE, BACKEND_VDIR. */
  code: string;
  /** Where in the inventory, e.g. ["servers", 0, "serverRole"]. */
  path: Path;
  message: string;
  /** guessed: the inventory property the guess came from. */
  property?: string;
}

export interface NamespaceReview {
  host: string;
  servers: string[];
  internal: boolean;
  external: boolean;
  /** Undefined when no certificate of those servers was collected. */
  certificate?: boolean;
  /** Inventory fields that name this host, e.g. "vdirs[0].externalUrl". */
  seenIn: string[];
  /** Servers of older versions that also publish the host, left out (the newest version wins). */
  olderServers?: string[];
}

export interface ImportReport {
  format: string;
  collectedAt: string | null;
  psVersion: string | null;
  anonymized: boolean | null;
  summary: {
    servers: number;
    sites: number;
    namespaces: number;
    users: number;
    mapped: number;
    guessed: number;
    dropped: number;
    problems: number;
    notCollected: number;
    diagnostics: number;
  };
  mapped: ReportEntry[];
  guessed: ReportEntry[];
  dropped: ReportEntry[];
  /** Values present but unreadable (truncated by depth, wrong type, unknown enum number): mapped as absent. */
  problems: ReportEntry[];
  /** The script's own `errors[]`: cmdlets that failed, so their facts are missing. */
  notCollected: ReportEntry[];
  namespaces: NamespaceReview[];
  /** Validation issues of the imported topology (a bug or an inventory too damaged), else the DX diagnostics. */
  diagnostics: (Diagnostic | Issue)[];
}

/** Collects entries while the importer walks the inventory. */
export class Recorder {
  readonly mapped: ReportEntry[] = [];
  readonly guessed: ReportEntry[] = [];
  readonly dropped: ReportEntry[] = [];
  readonly problems: ReportEntry[] = [];
  readonly notCollected: ReportEntry[] = [];

  private add(list: ReportEntry[], code: string, path: Path, text: string, property?: string): void {
    list.push({ code, path, message: `${formatPath(path)}: ${text}`, ...(property !== undefined ? { property } : {}) });
  }
  map(code: string, path: Path, text: string): void {
    this.add(this.mapped, code, path, text);
  }
  guess(code: string, path: Path, property: string, text: string): void {
    this.add(this.guessed, code, path, `${text} (guessed from ${property})`, property);
  }
  drop(code: string, path: Path, text: string): void {
    this.add(this.dropped, code, path, text);
  }
  problem(code: string, path: Path, text: string): void {
    this.add(this.problems, code, path, text);
  }
  missing(code: string, path: Path, text: string): void {
    this.add(this.notCollected, code, path, text);
  }
}
