// The Shuffify dashboard page. Plain JavaScript, no framework and no build step. Every value from the API is
// written with textContent or as an attribute value: nothing received is ever parsed as HTML.
"use strict";
(function () {
  const Charts = window.ShuffifyCharts;
  let session = null;

  // ------------------------------------------------------------------ helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(k => {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) return;
      if (k === "onclick") node.addEventListener("click", v);
      else if (k === "onchange") node.addEventListener("change", v);
      else if (k === "oninput") node.addEventListener("input", v);
      else if (k === "className") node.className = v;
      else node.setAttribute(k, v === true ? "" : String(v));
    });
    children.flat().forEach(c => {
      if (c === null || c === undefined || c === false) return;
      node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    });
    return node;
  }

  function when(iso) {
    return iso ? iso.replace("T", " ").replace(/(\d\d:\d\d)(:\d\d(\.\d+)?)?Z$/, "$1 UTC") : "–";
  }

  function status(value) {
    return el("span", { className: "status " + (value || "none") }, value || "never");
  }

  function message(text, kind) {
    const box = document.getElementById("message");
    box.textContent = text || "";
    box.className = kind || "";
    box.hidden = !text;
  }

  class ApiError extends Error {
    constructor(status, text) { super(text); this.status = status; }
  }

  async function call(method, path) {
    const headers = { "Accept": "application/json" };
    if (method === "POST") headers["X-CSRF-Token"] = session.csrfToken;
    const response = await fetch(path, { method: method, headers: headers, credentials: "same-origin" });
    let body = null;
    try { body = await response.json(); } catch (e) { body = null; }
    if (!response.ok) throw new ApiError(response.status, (body && body.error) || ("HTTP " + response.status));
    return body;
  }
  const get = path => call("GET", path);
  const post = path => call("POST", path);

  function enc(value) { return encodeURIComponent(value); }

  function page(...children) {
    const main = document.getElementById("page");
    main.replaceChildren(...children.flat().filter(c => c !== null && c !== undefined && c !== false));
    main.setAttribute("data-ready", "false");
    return main;
  }

  function ready(name) {
    const main = document.getElementById("page");
    main.setAttribute("data-page", name);
    main.setAttribute("data-ready", "true");
  }

  function table(headings, rows, attrs) {
    return el("table", attrs || {},
      el("thead", {}, el("tr", {}, headings.map(h => el("th", { className: h.num ? "num" : null }, h.label || h)))),
      el("tbody", {}, rows));
  }

  // ------------------------------------------------------------------ schedules

  async function schedulesPage(params) {
    const query = new URLSearchParams();
    ["jobType", "state", "status", "user", "q"].forEach(k => { if (params.get(k)) query.set(k, params.get(k)); });
    const data = await get("api/schedules?" + query.toString());
    const filter = (name, label, options) => el("label", {}, label,
      el("select", { id: "filter-" + name, onchange: applyFilters },
        el("option", { value: "" }, "all"),
        options.map(o => el("option", { value: o, selected: params.get(name) === o }, o))));
    const text = el("input", { id: "filter-q", type: "search", value: params.get("q") || "",
      placeholder: "target or job type" });
    text.addEventListener("keydown", e => { if (e.key === "Enter") applyFilters(); });
    function applyFilters() {
      const next = new URLSearchParams();
      ["jobType", "state", "status", "user", "q"].forEach(k => {
        const input = document.getElementById("filter-" + k);
        if (input && input.value) next.set(k, input.value);
      });
      location.hash = "#/schedules" + (next.toString() ? "?" + next.toString() : "");
    }
    const filters = el("div", { className: "filters" },
      filter("jobType", "job type", data.jobTypes),
      filter("state", "state", ["active", "paused", "running"]),
      filter("status", "last status", ["success", "failed", "failed_rolled_back", "skipped", "abandoned", "never"]),
      session.operator ? filter("user", "user", data.users) : null,
      el("label", {}, "search", text),
      el("button", { onclick: applyFilters }, "Filter"));
    const headings = (session.operator ? ["user"] : []).concat(["job type", "target", "trigger", "next run",
      "last run", "last status", "state", ""]);
    const rows = data.schedules.map(s => el("tr", { "data-schedule-id": s.id },
      session.operator ? el("td", {}, s.userId) : null,
      el("td", {}, s.jobType),
      el("td", {}, el("a", { href: "#/schedule/" + enc(s.id), className: "target" }, s.targetName || s.targetId || "–")),
      el("td", {}, s.trigger),
      el("td", {}, when(s.nextRunAt)),
      el("td", {}, when(s.lastRunAt)),
      el("td", {}, status(s.lastStatus)),
      el("td", {}, status(s.state)),
      el("td", {}, pauseButton(s, () => route()),
        el("button", { onclick: () => { location.hash = "#/schedule/" + enc(s.id) + "?preview=1"; } }, "Preview"))));
    page(el("h1", {}, session.operator ? "Schedules of every user" : "Your schedules"), filters,
      rows.length ? table(headings, rows, { id: "schedules" })
        : el("p", { className: "muted", id: "no-schedules" }, "No schedule matches."));
    ready("schedules");
  }

  function pauseButton(s, after) {
    const paused = !s.enabled;
    return el("button", { className: paused ? "resume" : "pause", onclick: async () => {
      try {
        await post("api/schedules/" + enc(s.id) + (paused ? "/resume" : "/pause"));
        message((paused ? "Resumed " : "Paused ") + s.jobType + " on " + (s.targetName || s.targetId), "info");
        after();
      } catch (e) { message(e.message); }
    } }, paused ? "Resume" : "Pause");
  }

  // ------------------------------------------------------------------ one schedule

  async function schedulePage(id, params) {
    const data = await get("api/schedules/" + enc(id) + "/history");
    const s = data.schedule;
    const previewBox = el("div", { id: "preview" });
    const runResult = el("div", { id: "run-result" });
    const facts = el("dl", { className: "facts" },
      session.operator ? [el("dt", {}, "user"), el("dd", {}, s.userId)] : null,
      el("dt", {}, "job type"), el("dd", {}, s.jobType),
      el("dt", {}, "target"), el("dd", {}, el("a", { href: "#/playlist/" + enc(s.targetId || "") + "?user="
        + enc(s.userId), id: "snapshots-link" }, s.targetName || s.targetId || "–")),
      s.algorithm ? [el("dt", {}, "algorithm"), el("dd", {}, s.algorithm)] : null,
      el("dt", {}, "trigger"), el("dd", {}, s.trigger),
      el("dt", {}, "state"), el("dd", {}, status(s.state)),
      el("dt", {}, "next run"), el("dd", {}, when(s.nextRunAt)),
      el("dt", {}, "last run"), el("dd", {}, when(s.lastRunAt), " ", status(s.lastStatus)),
      s.lastError ? [el("dt", {}, "last error"), el("dd", { className: "error-text" }, s.lastError)] : null);

    async function showPreview(thenRun) {
      previewBox.replaceChildren(el("p", { className: "muted" }, "Working out what the job would do…"));
      let p;
      try { p = await get("api/schedules/" + enc(id) + "/preview"); }
      catch (e) { previewBox.replaceChildren(el("p", { className: "error-text" }, "Preview failed: " + e.message)); return; }
      const list = (items, cls) => items.length
        ? el("ul", { className: "tracks " + cls }, items.map(t => el("li", {}, trackText(t)))) : el("p", { className: "muted" }, "none");
      previewBox.replaceChildren(el("div", { className: "panel confirm", "data-preview": "loaded" },
        el("h2", {}, "Preview: what a run would do now"),
        el("p", {}, "adds " + p.tracksAdded + ", removes " + p.tracksRemoved + ", leaves " + p.tracksTotal
          + " tracks; " + p.changes.length + " write" + (p.changes.length === 1 ? "" : "s")),
        p.warnings.length ? el("ul", {}, p.warnings.map(w => el("li", {}, w))) : null,
        el("h2", {}, "Adds"), list(p.adds, "adds"),
        el("h2", {}, "Removes"), list(p.removes, "removes"),
        p.newOrder ? [el("h2", {}, "New order"), el("ol", { className: "tracks new-order" },
          p.newOrder.map(t => el("li", {}, trackText(t))))] : null,
        thenRun ? el("p", {}, el("button", { className: "primary", id: "confirm-run", onclick: runNow },
          "Run it now"), el("button", { onclick: () => previewBox.replaceChildren() }, "Cancel")) : null));
    }

    async function runNow() {
      runResult.replaceChildren(el("p", { className: "muted" }, "Running…"));
      try {
        const r = await post("api/schedules/" + enc(id) + "/run");
        previewBox.replaceChildren();
        await schedulePage(id, new URLSearchParams());
        const box = document.getElementById("run-result");
        box.replaceChildren(el("p", { className: r.succeeded ? "" : "error-text", "data-run-status":
          r.execution ? r.execution.status : "failed" },
          r.succeeded ? "Ran now: " + r.execution.status + ", +" + r.execution.tracksAdded + " −"
            + r.execution.tracksRemoved + " = " + r.execution.tracksTotal + " tracks"
            : "The run did not succeed: " + r.error));
      } catch (e) {
        runResult.replaceChildren(el("p", { className: "error-text" }, e.message));
      }
    }

    const runs = data.executions;
    const rows = runs.map(e => el("tr", { "data-execution-id": e.id },
      el("td", {}, when(e.startedAt)), el("td", {}, status(e.status)), el("td", {}, e.triggerSource),
      el("td", { className: "num" }, e.durationMs === null ? "–" : e.durationMs + " ms"),
      el("td", { className: "num" }, "+" + e.tracksAdded), el("td", { className: "num" }, "−" + e.tracksRemoved),
      el("td", { className: "num" }, e.tracksTotal),
      el("td", { className: "error-text" }, e.error || (e.warnings.length ? e.warnings.join("; ") : ""))));
    const spreadBox = el("div", { id: "spread" });
    page(el("p", {}, el("a", { href: "#/schedules" }, "← schedules")),
      el("h1", {}, s.jobType + " on " + (s.targetName || s.targetId || "–")),
      el("div", { className: "panel" }, facts,
        el("p", {}, pauseButton(s, () => schedulePage(id, new URLSearchParams())),
          el("button", { id: "preview-button", onclick: () => showPreview(false) }, "Preview"),
          el("button", { className: "primary", id: "run-now", onclick: () => showPreview(true) }, "Run now…"))),
      runResult, previewBox,
      el("h2", {}, "Runs"),
      el("div", { className: "charts" },
        el("div", { className: "chart" }, el("div", { className: "muted" }, "runs per day by status"),
          Charts.runsPerDay(data.runsPerDay)),
        el("div", { className: "chart" }, el("div", { className: "muted" }, "durations"),
          Charts.durations(runs.slice().reverse()))),
      s.jobType.indexOf("shuffle") >= 0 ? spreadBox : null,
      el("h2", {}, "History"),
      rows.length ? table(["started", "status", "trigger", { label: "duration", num: true },
        { label: "added", num: true }, { label: "removed", num: true }, { label: "total", num: true }, "error"],
        rows, { id: "history" }) : el("p", { className: "muted", id: "no-history" }, "No run yet."));
    if (s.jobType.indexOf("shuffle") >= 0 && session.readsPlaylists) await drawSpread(id, spreadBox);
    if (params.get("preview") === "1") await showPreview(true);
    ready("schedule");
  }

  function trackText(t) {
    return t.name ? t.name + (t.artist ? " — " + t.artist : "") : t.uri;
  }

  async function drawSpread(id, box) {
    const sp = await get("api/schedules/" + enc(id) + "/spread");
    if (!sp.available) {
      box.replaceChildren(el("h2", {}, "Artist spread"), el("p", { className: "muted" }, sp.reason));
      return;
    }
    const part = row => el("div", { className: "chart", "data-spread": row.label },
      el("div", { className: "muted" }, row.label + " (" + when(row.at) + "): " + row.sameArtistNeighbours
        + " same-artist neighbours, " + row.artists + " artists"),
      Charts.spread(row));
    box.replaceChildren(el("h2", {}, "Artist spread of the last shuffle"),
      el("p", { className: "muted" }, "One square per track, coloured by artist; a red bar joins two neighbours "
        + "by the same artist."),
      el("div", { className: "charts" }, part(sp.before), part(sp.after)));
  }

  // ------------------------------------------------------------------ playlists and snapshots

  async function playlistsPage() {
    const data = await get("api/playlists");
    const rows = data.playlists.map(p => el("tr", { "data-playlist-id": p.id },
      session.operator ? el("td", {}, p.userId) : null,
      el("td", {}, el("a", { href: "#/playlist/" + enc(p.id) + "?user=" + enc(p.userId) }, p.name || p.id)),
      el("td", { className: "num" }, p.schedules)));
    page(el("h1", {}, "Playlists with schedules"),
      rows.length ? table((session.operator ? ["user"] : []).concat(["playlist", { label: "schedules", num: true }]),
        rows, { id: "playlists" }) : el("p", { className: "muted" }, "No playlist yet."));
    ready("playlists");
  }

  async function snapshotsPage(playlistId, params) {
    const user = params.get("user") || session.userId;
    const data = await get("api/playlists/" + enc(playlistId) + "/snapshots?user=" + enc(user));
    const planBox = el("div", { id: "restore-plan" });
    const resultBox = el("div", { id: "restore-result" });
    const rows = data.snapshots.map(s => el("tr", { "data-snapshot-id": s.id },
      el("td", {}, when(s.createdAt)), el("td", {}, s.type), el("td", {}, s.trigger),
      el("td", { className: "num" }, s.tracks),
      el("td", {}, s.changedAfter ? changeText(s.changedAfter) : "–"),
      el("td", {}, el("button", { className: "restore", onclick: () => plan(s) }, "Restore…"))));

    async function plan(s) {
      resultBox.replaceChildren();
      planBox.replaceChildren(el("p", { className: "muted" }, "Comparing…"));
      let p;
      try { p = await get("api/snapshots/" + enc(s.id) + "/restore-plan"); }
      catch (e) { planBox.replaceChildren(el("p", { className: "error-text" }, e.message)); return; }
      const list = items => items.length ? el("ul", { className: "tracks" }, items.map(t => el("li", {}, trackText(t))))
        : el("p", { className: "muted" }, "none");
      planBox.replaceChildren(el("div", { className: "panel confirm", "data-restore-plan": p.snapshotId },
        el("h2", {}, "Restore the snapshot of " + when(s.createdAt) + "?"),
        el("p", { id: "restore-summary" }, "The playlist goes from " + p.tracksNow + " to " + p.tracksAfter
          + " tracks: " + p.adds.length + " added back, " + p.removes.length + " removed"
          + (p.orderChanges ? ", " + p.moved + " put back in their old places" : ", order unchanged")
          + ". A safety snapshot of the playlist as it is now is taken first, so this can be undone."
          + (p.basis === "playlist" ? "" : " (Compared with the newest snapshot: the dashboard does not read the playlist itself.)")),
        el("h2", {}, "Added back"), list(p.adds), el("h2", {}, "Removed"), list(p.removes),
        el("p", {}, el("button", { className: "danger", id: "confirm-restore", onclick: () => restore(s) }, "Restore"),
          el("button", { onclick: () => planBox.replaceChildren() }, "Cancel"))));
    }

    async function restore(s) {
      try {
        const r = await post("api/snapshots/" + enc(s.id) + "/restore");
        await snapshotsPage(playlistId, params);
        document.getElementById("restore-result").replaceChildren(el("div", { className: "panel",
          "data-restored": r.snapshotId },
          el("p", {}, r.complete ? "Restored. The playlist's state before the restore is in a new safety snapshot."
            : "Restored as far as the service allows: " + r.notRestored.length + " entries could not be brought back, "
              + r.notRemoved.length + " could not be removed."),
          el("p", { className: "muted" }, r.writeCalls + " write calls")));
      } catch (e) {
        planBox.replaceChildren(el("p", { className: "error-text" }, "Restore failed: " + e.message));
      }
    }

    page(el("p", {}, el("a", { href: "#/playlists" }, "← playlists")),
      el("h1", {}, "Snapshots of " + data.playlistName),
      session.operator ? el("p", { className: "muted" }, "owner " + data.userId) : null,
      resultBox, planBox,
      rows.length ? table(["taken", "type", "taken by", { label: "tracks", num: true }, "changed afterwards", ""],
        rows, { id: "snapshots" }) : el("p", { className: "muted", id: "no-snapshots" }, "No snapshot yet."));
    ready("snapshots");
  }

  function changeText(c) {
    if (!c.added && !c.removed && !c.orderChanged) return "nothing (vs " + c.comparedWith + ")";
    return "+" + c.added + " −" + c.removed + (c.orderChanged ? ", reordered" : "") + " (vs " + c.comparedWith + ")";
  }

  // ------------------------------------------------------------------ health

  async function healthPage() {
    const h = await get("api/health");
    const card = (label, value, cls) => el("div", { className: "card" + (cls ? " " + cls : ""), "data-card": label },
      el("div", { className: "value" }, value), el("div", { className: "label" }, label));
    const age = s => s === null || s === undefined ? "–" : s < 120 ? s + " s" : Math.round(s / 60) + " min";
    page(el("h1", {}, "Scheduler health"),
      el("div", { className: "cards" },
        card("store", h.storeUp ? "up" : "down"),
        card("store latency", h.storeLatencyMs + " ms"),
        card("scheduler", h.schedulerRunning ? "running" : "stopped"),
        card("last poll", age(h.lastPollAgeSeconds) + (h.lastPollAgeSeconds === null ? "" : " ago")),
        card("due, unclaimed", String(h.dueSchedules)),
        card("oldest due for", age(h.oldestDueAgeSeconds)),
        card("claims held here", String(h.claimsHeld)),
        h.rateBudget ? card("rate budget in use", h.rateBudgetInWindow + " / " + h.rateBudget) : null),
      h.storeError ? el("p", { className: "error-text" }, h.storeError) : null,
      el("div", { className: "charts" },
        el("div", { className: "chart" }, el("h2", {}, "Accounts by health"), Charts.hbars(h.accounts, "accounts")),
        el("div", { className: "chart" }, el("h2", {}, "Executions by status"),
          Charts.hbars(h.executions, "executions"))),
      el("p", { className: "muted" }, "checked " + when(h.checkedAt)));
    ready("health");
  }

  // ------------------------------------------------------------------ routing

  async function route() {
    const hash = location.hash || "#/schedules";
    const [path, q] = hash.slice(1).split("?");
    const params = new URLSearchParams(q || "");
    const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
    document.querySelectorAll("nav a").forEach(a => a.classList.toggle("current", a.getAttribute("href") === "#/" + parts[0]
      || (parts[0] === "schedule" && a.id === "nav-schedules") || (parts[0] === "playlist" && a.id === "nav-playlists")));
    try {
      if (parts[0] === "schedule" && parts[1]) await schedulePage(parts[1], params);
      else if (parts[0] === "playlist" && parts[1]) await snapshotsPage(parts[1], params);
      else if (parts[0] === "playlists") await playlistsPage();
      else if (parts[0] === "health") await healthPage();
      else await schedulesPage(params);
    } catch (e) {
      page(el("h1", {}, e.status === 404 ? "Not found" : "Something went wrong"),
        el("p", { id: "error", "data-status": e.status || "" }, e.message));
      ready("error");
    }
  }

  async function start() {
    try {
      session = await get("api/session");
    } catch (e) {
      page(el("h1", {}, "Not signed in"), el("p", { id: "error" }, e.message));
      ready("error");
      return;
    }
    document.getElementById("who").textContent = session.userId + (session.operator ? " (operator)" : "");
    document.getElementById("nav-health").hidden = !session.operator;
    window.addEventListener("hashchange", () => { message(""); route(); });
    await route();
  }

  start();
})();
