/**
 * The designed flows the comparison reads, routed here with the core's engine (the CLI, the
 * worker, tests). The playground's browser script, which leaves the rules out of its bundle, asks
 * the API for the same flows instead and hands them to the same comparison (report.ts).
 */
import type { Model } from "../model/index.ts";
import { route } from "../route/index.ts";
import type { Flow } from "../types.ts";
import type { Names } from "./names.ts";
import type { DesignRequest } from "./report.ts";

/** The designed flow for this request: with the logged host when the topology knows it, else with the host the design gives. */
export function designedFlow(m: Model, names: Names, want: DesignRequest): Flow {
  const { user, protocol, client, host } = want;
  const known = host ? names.knownHost(host) : undefined;
  if (known) {
    const flow = route(m, { user, protocol, client, host: known });
    if (flow.outcome !== "fail" || !flow.diagnostics.some((d) => d.code === "RT-HOST" || d.code === "DX-20")) return flow;
  }
  return route(m, { user, protocol, client });
}
