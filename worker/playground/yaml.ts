/**
 * The page's YAML printer, as browser JavaScript text (the page may load no npm package). In: any
 * JSON value (a topology). Out: block-style YAML that the core's YAML reader parses back to the
 * same value; scalar lists stay on one line (`roles: [cas]`), anything not plainly safe is written
 * as a JSON string, which is valid double-quoted YAML.
 * Kept as a string (no backticks or dollar-brace inside) so test/playground can evaluate it alone.
 */
export const YAML_JS = String.raw`
function toYaml(value) {
  var RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;
  function isScalar(v) { return v === null || typeof v !== "object"; }
  function isEmpty(v) { return Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0; }
  function plain(s, flow) {
    if (s === "" || s !== s.trim() || RESERVED.test(s)) return false;
    if (!/^[A-Za-z_\/][\w .\/@+():-]*$/.test(s)) return false;
    if (s.indexOf(": ") >= 0 || s.indexOf(" #") >= 0 || s.charAt(s.length - 1) === ":") return false;
    return !(flow && s.indexOf(":") >= 0);
  }
  function scalar(v, flow) {
    if (v === null || v === undefined) return "null";
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    var s = String(v);
    return plain(s, flow) ? s : JSON.stringify(s);
  }
  function inline(v) {
    if (isScalar(v)) return scalar(v, false);
    if (isEmpty(v)) return Array.isArray(v) ? "[]" : "{}";
    if (Array.isArray(v) && v.every(isScalar)) {
      var text = "[" + v.map(function (x) { return scalar(x, true); }).join(", ") + "]";
      if (text.length <= 80) return text;
    }
    return null;
  }
  function node(v, indent, out) {
    var pad = " ".repeat(indent);
    if (Array.isArray(v)) {
      v.forEach(function (item) {
        var one = inline(item);
        if (one !== null) { out.push(pad + "- " + one); return; }
        var start = out.length;
        node(item, indent + 2, out);
        if (Array.isArray(item)) { out.splice(start, 0, pad + "-"); return; }
        out[start] = pad + "- " + out[start].slice(indent + 2);
      });
      return;
    }
    Object.keys(v).forEach(function (k) {
      var key = pad + scalar(k, false) + ":";
      var one = inline(v[k]);
      if (one !== null) { out.push(key + " " + one); return; }
      out.push(key);
      node(v[k], indent + 2, out);
    });
  }
  var one = inline(value);
  if (one !== null) return one + "\n";
  var out = [];
  node(value, 0, out);
  return out.join("\n") + "\n";
}
`;
