/**
 * The page's request documents, as browser JavaScript text with no DOM access (test/playground
 * evaluates it in Node against the core's own parser):
 * - `wrapDoc(text, extra, presetId)`: editor text + { scenario?, options } -> the body to POST.
 *   An unedited preset goes as `{ preset }`; edited text goes as written, wrapped textually so
 *   the core's "line N, column M" still points into the editor (the topology starts on line 2;
 *   YAML is indented by two columns).
 * - `unwrapDoc(text)`: the inverse, for a link's `#r=` (also accepts the API's own JSON documents).
 * - `editorPosition(message, mode, lineCount)`: a wrapped position back to the editor's.
 * - deflate + base64url, the encoding of GET /v1/flow/{format}/{encoded}.
 */
export const DOCUMENT_JS = String.raw`
function isJsonText(text) { return text.trimStart().charAt(0) === "{"; }

function formatPath(path) {
  return (path || []).reduce(function (s, p) { return typeof p === "number" ? s + "[" + p + "]" : s ? s + "." + p : String(p); }, "");
}

function wrapDoc(text, extra, presetId) {
  if (presetId) return { type: "application/json", text: JSON.stringify(Object.assign({ preset: presetId }, extra)), mode: "preset" };
  if (text.trim() === "") return null;
  if (isJsonText(text)) {
    return { type: "application/json", text: "{\"topology\":\n" + text.replace(/\s+$/, "") + "\n," + JSON.stringify(extra).slice(1), mode: "json" };
  }
  var lines = text.replace(/\s+$/, "").split("\n");
  if (/^---\s*$/.test(lines[0] || "")) lines[0] = "";
  var body = lines.map(function (l) { return l.trim() === "" ? "" : "  " + l; }).join("\n");
  var tail = Object.keys(extra).map(function (k) { return k + ": " + JSON.stringify(extra[k]); }).join("\n");
  return { type: "application/yaml", text: "topology:\n" + body + "\n" + tail + "\n", mode: "yaml" };
}

/** -> { text, doc }: text is the editor text as written, or null when only the parsed doc is known. */
function unwrapDoc(text) {
  var lines = text.split("\n");
  if (lines[0] === "{\"topology\":" && lines.length >= 3) {
    return { text: lines.slice(1, -1).join("\n") + "\n", doc: JSON.parse(text) };
  }
  if (lines[0] === "topology:") {
    while (lines.length && lines[lines.length - 1] === "") lines.pop();
    var tail = {};
    while (lines.length > 1 && /^(scenario|options): \{/.test(lines[lines.length - 1])) {
      var line = lines.pop();
      var at = line.indexOf(": ");
      tail[line.slice(0, at)] = JSON.parse(line.slice(at + 2));
    }
    var body = lines.slice(1).map(function (l) { return l.slice(0, 2) === "  " ? l.slice(2) : l; }).join("\n") + "\n";
    return { text: body, doc: Object.assign({ topology: null }, tail) };
  }
  return { text: null, doc: JSON.parse(text) };
}

function editorPosition(message, mode, lineCount) {
  if (mode !== "json" && mode !== "yaml") return message;
  return message.replace(/line (\d+), column (\d+)/, function (_, line, col) {
    var l = Math.min(Math.max(Number(line) - 1, 1), lineCount);
    var c = mode === "yaml" ? Math.max(Number(col) - 2, 1) : Number(col);
    return "line " + l + ", column " + c;
  });
}

async function deflate(text) {
  var stream = new Blob([text]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function inflate(bytes) {
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate"));
  return new Response(stream).text();
}

function base64url(bytes) {
  var bin = "";
  for (var i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function unbase64url(text) {
  var s = text.replace(/-/g, "+").replace(/_/g, "/");
  var bin = atob(s + "=".repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, function (c) { return c.charCodeAt(0); });
}
`;
