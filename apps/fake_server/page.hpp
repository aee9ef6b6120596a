// vnum-fake-server — the page at GET /_fake/: the fake's state and journal, newest first, updated
// every second, with forms to arm a fault and to reset. One self-contained document (its CSS and
// script inline, nothing fetched from elsewhere) so that it works offline; it reads only the admin
// routes (/_fake/state, /_fake/journal, /_fake/fault, /_fake/reset), which never show an API key.
// SPDX-License-Identifier: MIT
#ifndef VNUM_APPS_FAKE_SERVER_PAGE_HPP
#define VNUM_APPS_FAKE_SERVER_PAGE_HPP

#include <string_view>

namespace vnum_fake_server {

inline constexpr std::string_view page = R"vnum_page(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>vnum fake server</title>
<link rel="icon" href="data:,">
<style>
:root {
  color-scheme: light;
  --fg: #1c1c1c; --muted: #5c5c5c; --bg: #fff; --panel: #f6f7f9; --line: #d9dce1;
  --accent: #0b57d0; --ok: #146c2e; --bad: #b3261e; --fault: #8a4b00; --focus: #0b57d0;
}
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif;
       color: var(--fg); background: var(--bg); }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem;
         padding: .75rem 1rem; border-bottom: 1px solid var(--line); background: var(--panel); }
h1 { font-size: 1.15rem; margin: 0; }
h2 { font-size: 1rem; margin: 0 0 .5rem; }
h3 { font-size: .9rem; margin: .75rem 0 .25rem; }
.muted { color: var(--muted); }
.status-line { min-height: 1.45em; margin: 0; }
main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem;
       padding: 1rem; }
@media (max-width: 960px) { main { grid-template-columns: minmax(0, 1fr); } }
#state { grid-column: 1 / -1; }
#state-tables { display: grid; gap: 0 1rem;
                grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); }
section.panel { min-width: 0; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
.scroll { overflow: auto; border: 1px solid var(--line); border-radius: 4px; }
#journal-box { height: 45vh; min-height: 14rem; }
.state-box { max-height: 16rem; }
/* Fixed heights where text comes and goes, so that nothing below them moves. */
#state-faults { height: 6.5rem; max-height: none; }
#fault-result, #reset-result { min-height: 2.9em; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: .25rem .4rem;
         border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
thead th { position: sticky; top: 0; background: var(--panel); z-index: 1; }
#journal col.seq { width: 3rem; } #journal col.method { width: 5rem; }
#journal col.status { width: 4rem; } #journal col.route { width: 22%; }
#journal col.outcome { width: 9.5rem; }
@media (max-width: 560px) {
  /* Each request becomes a small card: number, method, status and outcome, then path and route. */
  #journal colgroup, #journal thead { display: none; }
  #journal, #journal tbody, #journal td { display: block; width: auto; }
  #journal tr:not(.detail) { display: grid; gap: 0 .5rem; padding: .35rem .4rem;
    grid-template-columns: auto auto auto 1fr; border-bottom: 1px solid var(--line);
    grid-template-areas: "seq method status outcome" "path path path path" "route route route route"; }
  #journal tr:not(.detail) td { border: 0; padding: 0; }
  #journal td.seq { grid-area: seq; } #journal td.method { grid-area: method; }
  #journal td.status { grid-area: status; } #journal td.outcome { grid-area: outcome; }
  #journal td.path { grid-area: path; } #journal td.route { grid-area: route; color: var(--muted); }
}
.badge { display: inline-block; padding: 0 .35rem; border-radius: 3px; font-size: .85em;
         border: 1px solid currentColor; }
#state td { white-space: pre-line; }
.o-applied, .s-subscribed { color: var(--ok); }
.o-refused { color: var(--bad); }
.o-answered, .s-available { color: var(--muted); }
.o-request_lost, .o-response_lost, .o-injected_status { color: var(--fault); font-weight: 600; }
button.row-toggle { font: inherit; background: none; border: 0; padding: 0; color: var(--accent);
                    text-decoration: underline; cursor: pointer; }
tr.detail td { background: var(--panel); }
pre { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font-size: .85em; }
form { display: grid; grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr)); gap: .5rem;
       align-items: end; }
label { display: grid; gap: .15rem; font-size: .9em; }
select, input, button { font: inherit; padding: .3rem .4rem; min-height: 2rem; }
select, input { width: 100%; min-width: 0; }
button.action { border: 1px solid var(--accent); background: var(--accent); color: #fff;
                border-radius: 4px; cursor: pointer; }
button.secondary { border: 1px solid var(--line); background: var(--bg); color: var(--fg); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.empty { color: var(--muted); font-style: italic; }
</style>
</head>
<body>
<header>
  <h1>vnum fake server: <span id="provider">…</span></h1>
  <p class="status-line muted" id="journal-summary" aria-live="polite"></p>
  <p class="status-line" id="connection" role="alert"></p>
</header>
<main>
  <section class="panel" aria-labelledby="journal-title">
    <h2 id="journal-title">Journal <span class="muted">(newest first)</span></h2>
    <div class="scroll" id="journal-box" tabindex="0" aria-label="Journal of requests">
      <table id="journal">
        <colgroup><col class="seq"><col class="method"><col class="path"><col class="status">
          <col class="route"><col class="outcome"></colgroup>
        <thead><tr><th scope="col">#</th><th scope="col">Method</th><th scope="col">Path</th>
          <th scope="col">Status</th><th scope="col" class="route">Route</th>
          <th scope="col">Outcome</th></tr></thead>
        <tbody id="journal-rows"></tbody>
      </table>
    </div>
  </section>
  <div>
    <section class="panel" aria-labelledby="faults-title">
      <h2 id="faults-title">Faults</h2>
      <form id="fault-form">
        <label>Kind
          <select name="kind" id="fault-kind">
            <option value="response_lost">response_lost</option>
            <option value="request_lost">request_lost</option>
            <option value="status">status</option>
          </select></label>
        <label>Route
          <select name="route" id="fault-route"><option value="">any route</option></select></label>
        <label>Status
          <input name="status" id="fault-status" type="number" min="100" max="599" value="503"
                 disabled></label>
        <label>Retry-After (s)
          <input name="retry_after" id="fault-retry-after" type="number" min="0" value="30"
                 disabled></label>
        <button type="submit" class="action" id="arm">Arm fault</button>
      </form>
      <p class="status-line" id="fault-result" role="status"></p>
      <h3>Armed, in the order they fire</h3>
      <div class="scroll state-box" id="state-faults"></div>
      <p><button type="button" class="action secondary" id="reset">Reset to the world file</button>
      </p>
      <p class="status-line" id="reset-result" role="status"></p>
    </section>
  </div>
  <section class="panel" aria-labelledby="state-title" id="state">
    <h2 id="state-title">State</h2>
    <div id="state-tables"></div>
  </section>
</main>
<script>
"use strict";
// Polls /_fake/state and /_fake/journal?after=N every second. Every value is set as text, never
// as HTML: request bodies are whatever clients sent.
const shownRows = 500;  // the page keeps the newest rows; the server's journal keeps its own limit
let lastSequence = 0;
let lastState = "";
let routesShown = "";

const $ = (id) => document.getElementById(id);
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}
function text(v) {
  if (v === null || v === undefined) return "—";
  if (Array.isArray(v)) return v.length ? v.map(text).join(", ") : "—";
  if (typeof v === "object")
    return Object.entries(v).map(([k, x]) => k + ": " + text(x)).join("\n");
  return String(v);
}
const titles = {
  numbers: "Numbers", cards: "Cards", custom_numbers: "Custom numbers",
  pending_otps: "OTPs awaiting verification", business_names: "Business names",
  available: "Numbers the search offers", operators: "Operators",
  requirement_groups: "Requirement groups", settings: "Settings",
};
const outcomeText = {
  answered: "read", applied: "applied", refused: "refused",
  request_lost: "fault: request lost", response_lost: "fault: response lost",
  injected_status: "fault: status",
};

function table(name, rows) {
  if (!Array.isArray(rows)) rows = [rows];
  if (rows.length === 0) return el("p", {class: "empty"}, "none");
  const objects = rows.map((r) => (r !== null && typeof r === "object" ? r : {value: r}));
  const columns = [];
  for (const o of objects) for (const k of Object.keys(o)) if (!columns.includes(k)) columns.push(k);
  const head = el("tr", {}, ...columns.map((c) =>
    el("th", {scope: "col", "data-column": c}, c.replace(/_/g, " "))));
  const body = objects.map((o) => el("tr", {}, ...columns.map((c) => {
    const cell = el("td", {"data-column": c});
    if (c === "state") cell.append(el("span", {class: "badge s-" + o[c]}, text(o[c])));
    else cell.append(text(o[c]));
    return cell;
  })));
  return el("table", {"data-table": name}, el("thead", {}, head), el("tbody", {}, ...body));
}

function renderState(s) {
  $("provider").textContent = s.provider;
  document.title = "vnum fake server: " + s.provider;
  const routes = JSON.stringify(s.routes);
  if (routes !== routesShown) {
    routesShown = routes;
    const select = $("fault-route");
    select.replaceChildren(el("option", {value: ""}, "any route"),
                           ...s.routes.map((r) => el("option", {value: r}, r)));
  }
  $("state-faults").replaceChildren(table("faults", s.faults));
  const tables = [];
  for (const [key, value] of Object.entries(s)) {
    if (["provider", "routes", "faults", "journal"].includes(key)) continue;
    tables.push(el("div", {},
                   el("h3", {id: "title-" + key}, titles[key] || key),
                   el("div", {class: "scroll state-box", id: "state-" + key,
                              "aria-labelledby": "title-" + key}, table(key, value))));
  }
  $("state-tables").replaceChildren(...tables);
}

function summary(j) {
  let t = "Journal: " + j.received + " received, the last " + j.kept + " kept (limit " +
          j.limit + ")";
  if (j.dropped > 0) t += "; " + j.dropped + " older let go";
  $("journal-summary").textContent = t + ".";
}

function journalRow(e) {
  const outcome = e.outcome === "injected_status" ? "fault: status " + e.status
                                                  : outcomeText[e.outcome] || e.outcome;
  const toggle = el("button", {type: "button", class: "row-toggle", "aria-expanded": "false",
                               "aria-label": "Request " + e.sequence + ": show headers and body"},
                    e.sequence);
  const row = el("tr", {"data-sequence": e.sequence, "data-outcome": e.outcome},
                 el("td", {class: "seq"}, toggle), el("td", {class: "method"}, e.method),
                 el("td", {class: "path"}, e.path + (e.query ? "?" + e.query : "")),
                 el("td", {class: "status"}, e.status === 0 ? "—" : e.status),
                 el("td", {class: "route"}, e.route || "unknown route"),
                 el("td", {class: "outcome"},
                    el("span", {class: "badge o-" + e.outcome}, outcome)));
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") === "true";
    toggle.setAttribute("aria-expanded", String(!open));
    if (open) { row.nextSibling.remove(); return; }
    const headers = Object.entries(e.headers).map(([k, v]) => k + ": " + v).join("\n");
    row.after(el("tr", {class: "detail"},
                 el("td", {colspan: "6"}, el("pre", {}, headers + (e.body ? "\n\n" + e.body : "")))));
  });
  return row;
}

function addJournal(entries) {
  const rows = $("journal-rows");
  for (const e of entries) {
    rows.prepend(journalRow(e));
    lastSequence = Math.max(lastSequence, e.sequence);
  }
  const all = rows.querySelectorAll("tr:not(.detail)");
  for (let i = shownRows; i < all.length; ++i) {
    if (all[i].nextSibling && all[i].nextSibling.classList.contains("detail"))
      all[i].nextSibling.remove();
    all[i].remove();
  }
}

async function getJson(url, options) {
  const r = await fetch(url, Object.assign({cache: "no-store"}, options || {}));
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || "HTTP " + r.status);
  return body;
}

let polling = false;
async function refresh() {
  if (polling) return;
  polling = true;
  try {
    const s = await getJson("/_fake/state");
    if (s.journal.received < lastSequence) {  // a reset started the journal over
      $("journal-rows").replaceChildren();
      lastSequence = 0;
    }
    const entries = await getJson("/_fake/journal?with_lost=1&after=" + lastSequence);
    addJournal(entries);
    summary(s.journal);
    const json = JSON.stringify(s);
    if (json !== lastState) { lastState = json; renderState(s); }
    $("connection").textContent = "";
  } catch (err) {
    $("connection").textContent = "The fake server does not answer (" + err.message + ").";
  } finally {
    polling = false;
  }
}

$("fault-kind").addEventListener("change", () => {
  const status = $("fault-kind").value === "status";
  $("fault-status").disabled = !status;
  $("fault-retry-after").disabled = !status;
});

$("fault-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const fault = {kind: $("fault-kind").value};
  if ($("fault-route").value) fault.route = $("fault-route").value;
  if (fault.kind === "status") {
    fault.status = Number($("fault-status").value);
    if ($("fault-retry-after").value !== "") fault.retry_after = Number($("fault-retry-after").value);
  }
  try {
    await getJson("/_fake/fault", {method: "POST", headers: {"content-type": "application/json"},
                                   body: JSON.stringify(fault)});
    $("fault-result").textContent = "Armed " + fault.kind +
        (fault.status ? " " + fault.status : "") + " for " + (fault.route || "the next request") + ".";
  } catch (err) {
    $("fault-result").textContent = "Not armed: " + err.message;
  }
  refresh();
});

$("reset").addEventListener("click", async () => {
  try {
    await getJson("/_fake/reset", {method: "POST"});
    $("reset-result").textContent = "The world is back to the world file; the journal is empty.";
  } catch (err) {
    $("reset-result").textContent = "Not reset: " + err.message;
  }
  refresh();
});

refresh();
setInterval(refresh, 1000);
</script>
</body>
</html>
)vnum_page";

}  // namespace vnum_fake_server

#endif  // VNUM_APPS_FAKE_SERVER_PAGE_HPP
