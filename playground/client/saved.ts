/**
 * Save / Load of saved topologies. Save: POST /v1/topologies with the editor text, or,
 * with an id and its token filled in, PUT a new version. The token comes back once and is shown in
 * its field; it is kept only in the page (never in storage or the URL). Load: GET
 * /v1/topologies/{id[@version]} into the editor. After either, the "Saved-topology SVG URL" field
 * holds the embed URL of the current scenario, which follows new versions.
 */
import { isJsonText } from "./document.ts";
import { problemOf, scenario } from "./flow.ts";
import { refresh } from "./session.ts";
import { applyTopology, describedElsewhere, fitScenario, leavePreset, type Plain, printTopology } from "./topology.ts";
import { $, OPTIONAL_FIELDS, say, state, ui } from "./ui.ts";

const saved = {
  id: $<HTMLInputElement>("saved-id"),
  token: $<HTMLInputElement>("saved-token"),
  status: $("saved-status"),
  url: $<HTMLInputElement>("saved-url"),
};

function savedSay(text: string): void {
  saved.status.textContent = text;
  say(text);
}

function savedEmbedUrl(ref: string): string {
  const s = scenario();
  const path = `/v1/t/${encodeURIComponent(ref)}/flow/${[s.user ?? "", s.protocol ?? "", s.client ?? ""].map(encodeURIComponent).join("/")}.svg`;
  const query = new URLSearchParams();
  for (const k of OPTIONAL_FIELDS) if (s[k]) query.set(k, s[k] ?? "");
  const q = query.toString();
  return location.origin + path + (q ? `?${q}` : "");
}

async function savedProblem(r: Response): Promise<string> {
  return (await problemOf(r)).map((i) => i.message).join("; ");
}

const failure = (e: unknown): string => (e instanceof Error ? e.message : String(e));

async function saveTopology(): Promise<void> {
  const text = ui.topology.value;
  if (!text.trim()) {
    savedSay("Nothing to save: the topology is empty.");
    return;
  }
  const id = saved.id.value.trim().split("@")[0] ?? "";
  const token = saved.token.value.trim();
  const update = id !== "" && token !== "";
  const headers: Record<string, string> = { "Content-Type": isJsonText(text) ? "application/json" : "application/yaml" };
  if (update) headers.Authorization = `Bearer ${token}`;
  try {
    const url = update ? `/v1/topologies/${encodeURIComponent(id)}` : "/v1/topologies";
    const r = await fetch(url, { method: update ? "PUT" : "POST", headers, body: text });
    if (!r.ok) {
      savedSay(`Not saved (${r.status}): ${await savedProblem(r)}`);
      return;
    }
    const body = (await r.json()) as { id: string; token?: string; version: number; stored?: boolean };
    saved.id.value = body.id;
    if (body.token) saved.token.value = body.token;
    saved.url.value = savedEmbedUrl(body.id);
    if (body.token) savedSay("Saved as a new topology, version 1. The write token is in its field: copy it now, it is not shown again.");
    else if (body.stored === false) savedSay(`Unchanged: identical to version ${body.version}; nothing stored.`);
    else savedSay(`Saved as version ${body.version}.`);
  } catch (e) {
    savedSay(`Not saved: ${failure(e)}`);
  }
}

async function loadTopology(): Promise<void> {
  const ref = saved.id.value.trim();
  if (!ref) {
    savedSay("Enter the id of a saved topology to load it.");
    return;
  }
  try {
    const r = await fetch(`/v1/topologies/${encodeURIComponent(ref).replace("%40", "@")}`);
    if (!r.ok) {
      savedSay(`Not loaded (${r.status}): ${await savedProblem(r)}`);
      return;
    }
    const body = (await r.json()) as { id: string; version: number; created: string; topology: Plain };
    leavePreset();
    describedElsewhere(`Saved topology ${body.id}, version ${body.version} of ${body.created}.`);
    ui.topology.value = printTopology(body.topology, ui.format.value);
    state.known = { text: ui.topology.value, topology: body.topology };
    applyTopology(body.topology);
    fitScenario(body.topology);
    saved.url.value = savedEmbedUrl(ref);
    savedSay(`Loaded version ${body.version}.`);
    refresh(0);
  } catch (e) {
    savedSay(`Not loaded: ${failure(e)}`);
  }
}

export function wireSaved(): void {
  $("saved-save").addEventListener("click", saveTopology);
  $("saved-load").addEventListener("click", loadTopology);
  for (const c of [ui.user, ui.protocol, ui.client, ui.host, ui.kind, ui.target, ui.app]) {
    c.addEventListener("change", () => {
      const id = saved.id.value.trim();
      if (id && saved.url.value) saved.url.value = savedEmbedUrl(id);
    });
  }
}
