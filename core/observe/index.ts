/**
 * Observed flows: Exchange's HttpProxy logs read against the design, with the designed flows routed
 * by the core's own engine. The reading and the comparison are in report.ts (no routing, so the
 * playground's browser script can run them with flows from the API).
 */
import type { Topology } from "../types.ts";
import { createObserverWith, type Observer, type ObservedReport, observeLogsWith } from "./report.ts";
import { designedFlow } from "./routed.ts";

export * from "./report.ts";

const routed = designedFlow;

/** A reader whose report routes the designed flows with the core. */
export const createObserver = (): Observer => createObserverWith(routed);

/** Convenience for whole texts (tests, small inputs): every file read, then the report. */
export const observeLogs = (files: { name: string; text: string | Uint8Array }[], topology?: Topology): ObservedReport =>
  observeLogsWith(routed, files, topology);
