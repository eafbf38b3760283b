/**
 * The whole chain for one request: text or data -> validated topology and scenario -> Flow.
 * `{ ok: false, issues }` carries every input problem at once; nothing is half-applied.
 *
 * @example compile({ preset: "o365info", scenario: { user: "alice", protocol: "ews", client: "internal" } })
 */
import { modelOf } from "./model/index.ts";
import { parseDocument, type InputFormat } from "./parse/index.ts";
import { presets } from "./presets/index.ts";
import { route } from "./route/index.ts";
import { profileFor, type Flow, type Result } from "./types.ts";
import { validateFlowRequest, type FlowRequest } from "./validate/index.ts";

export interface Compiled extends FlowRequest {
  flow: Flow;
}

/** Validate a flow request (already-parsed data) and route it. */
export function compile(input: unknown): Result<Compiled> {
  const request = validateFlowRequest(input, presets);
  if (!request.ok) return request;
  const { topology, scenario } = request.value;
  return {
    ok: true,
    value: {
      ...request.value,
      flow: route(modelOf(topology), { ...scenario, profile: profileFor(topology, scenario.profile, request.value.options.profile) }),
    },
  };
}

/** Parse JSON or YAML text, then compile it. */
export function compileText(text: string, format?: InputFormat): Result<Compiled> {
  const doc = parseDocument(text, format);
  return doc.ok ? compile(doc.value) : doc;
}
