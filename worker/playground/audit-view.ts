/**
 * The audit matrix, as browser JavaScript text: one row per user, two columns (internal,
 * external) per protocol, a button per routed cell (its accessible name says user, protocol,
 * location and outcome; n/a cells are plain text with the reason as a tooltip).
 * In: the JSON of POST /v1/audit and what to do when a cell is chosen.
 */
export const AUDIT_JS = String.raw`
var OUTCOME_LETTER = { proxy: "P", redirect: "R", "silent-redirect": "S", "autodiscover-referral": "A", direct: "D", fail: "\u2717", "n/a": "\u2013" };

function renderAudit(container, audit, onOpen) {
  container.classList.remove("stale");
  var protocols = [];
  var users = [];
  var cells = {};
  audit.rows.forEach(function (row) {
    if (protocols.indexOf(row.protocol) < 0) protocols.push(row.protocol);
    if (!users.some(function (u) { return u.user === row.user; })) users.push(row);
    cells[row.user + "|" + row.protocol + "|" + row.client] = row;
  });
  var head1 = el("tr", {}, [el("th", { scope: "col", rowspan: 2, text: "User (mailbox)" })].concat(protocols.map(function (p) {
    return el("th", { scope: "colgroup", colspan: 2, text: p });
  })));
  var head2 = el("tr", {}, [].concat.apply([], protocols.map(function () {
    return [el("th", { scope: "col", class: "loc", title: "internal client", text: "int" }), el("th", { scope: "col", class: "loc", title: "external client", text: "ext" })];
  })));
  var body = users.map(function (u) {
    var who = el("th", { scope: "row" }, [u.user, el("span", { class: "sub", text: u.mailbox + (u.version ? " (" + u.version + ")" : "") })]);
    return el("tr", {}, [who].concat([].concat.apply([], protocols.map(function (p) {
      return ["internal", "external"].map(function (c) { return auditCell(cells[u.user + "|" + p + "|" + c], onOpen); });
    }))));
  });
  container.replaceChildren(el("table", { class: "matrix" }, [
    el("caption", { text: "Outcome per user, protocol and client location; choose a cell to open its flow." }),
    el("thead", {}, [head1, head2]), el("tbody", {}, body)
  ]));
}

function auditCell(row, onOpen) {
  if (!row) return el("td", { class: "cell-missing" });
  var label = row.user + ", " + row.protocol + ", " + row.client + ": " + row.outcome;
  var detail = row.note || (row.rules.join(", ") + (row.host ? " via " + row.host : "") + (row.diagnostics.length ? "; diagnostics " + row.diagnostics.join(", ") : ""));
  if (row.outcome === "n/a") return el("td", { class: "outcome-na", title: label + ": " + detail, text: OUTCOME_LETTER["n/a"] });
  var button = el("button", {
    type: "button", class: "cell outcome-" + row.outcome, "aria-label": label, title: label + (detail ? " (" + detail + ")" : ""),
    "data-user": row.user, "data-protocol": row.protocol, "data-client": row.client, text: OUTCOME_LETTER[row.outcome] || "?",
    onclick: function () { onOpen(row); }
  });
  return el("td", { class: row.diagnostics.length ? "has-diagnostics" : "" }, [button]);
}

function markAuditCell(container, user, protocol, client) {
  container.querySelectorAll("button.cell").forEach(function (b) {
    if (b.dataset.user === user && b.dataset.protocol === protocol && b.dataset.client === client) b.setAttribute("aria-current", "true");
    else b.removeAttribute("aria-current");
  });
}
`;
