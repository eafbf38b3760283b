/**
 * DOM helpers. `el` is the only way the page makes elements: text goes in through textContent and
 * text nodes, attributes through setAttribute, so nothing from a response is ever parsed as HTML.
 */
import { formatPath } from "../../lib/suggest.ts";

type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;
export type Child = Node | string | number;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, children: Child[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (typeof v === "function") {
      if (k === "onclick") node.addEventListener("click", v);
    } else if (k === "text") node.textContent = String(v);
    else if (k === "class") node.className = String(v);
    else node.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

/** Replaces a select's options, keeping its value when it is still offered. */
export function setOptions(select: HTMLSelectElement, values: readonly string[]): void {
  const keep = select.value;
  select.replaceChildren(...values.map((v) => el("option", { value: v, text: v })));
  if (values.includes(keep)) select.value = keep;
}

export function fillList<T>(list: HTMLElement, items: readonly T[], render: (x: T) => Child[], empty: string): void {
  list.replaceChildren(...(items.length ? items.map((x) => el("li", {}, render(x))) : [el("li", { class: "none", text: empty })]));
}

export interface Diagnostic {
  severity: string;
  code: string;
  message: string;
  path?: (string | number)[];
}

export function diagnosticItem(d: Diagnostic): Child[] {
  return [
    el("span", { class: `tag severity-${d.severity}`, text: d.severity }),
    " ",
    el("code", { text: d.code }),
    " ",
    d.message,
    d.path?.length ? el("span", { class: "where" }, [" at ", el("code", { text: formatPath(d.path) })]) : "",
  ];
}
