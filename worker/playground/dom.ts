/**
 * DOM helpers of the page, as browser JavaScript text. `el` is the only way the page makes
 * elements: text goes in through textContent / text nodes and attributes through setAttribute,
 * so nothing from a response is ever parsed as HTML.
 */
export const DOM_JS = String.raw`
var $ = function (id) { return document.getElementById(id); };

function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) {
    var v = attrs[k];
    if (v === undefined || v === null || v === false) return;
    if (k === "text") node.textContent = String(v);
    else if (k === "class") node.className = v;
    else if (k === "onclick") node.addEventListener("click", v);
    else node.setAttribute(k, v === true ? "" : String(v));
  });
  (children || []).forEach(function (c) { node.append(c instanceof Node ? c : document.createTextNode(String(c))); });
  return node;
}

function setOptions(select, values) {
  var keep = select.value;
  select.replaceChildren.apply(select, values.map(function (v) { return el("option", { value: v, text: v }); }));
  if (values.indexOf(keep) >= 0) select.value = keep;
}

function fillList(list, items, render, empty) {
  list.replaceChildren.apply(list, items.length ? items.map(function (x) { return el("li", {}, render(x)); }) : [el("li", { class: "none", text: empty })]);
}

function diagnosticItem(d) {
  return [el("span", { class: "tag severity-" + d.severity, text: d.severity }), " ", el("code", { text: d.code }), " ", d.message,
    d.path && d.path.length ? el("span", { class: "where" }, [" at ", el("code", { text: formatPath(d.path) })]) : ""];
}
`;
