// SVG charts drawn here, no library: runs per day by status, durations, an artist-spread strip.
// Every label is set with textContent; nothing is parsed as markup.
"use strict";
(function () {
  const NS = "http://www.w3.org/2000/svg";
  const STATUS_COLOURS = {
    success: "#2e9e73", failed: "#d0473c", failed_rolled_back: "#e07b52", skipped: "#d9a51f",
    running: "#4a7bd0", abandoned: "#8a6fb0", abandoned_restored: "#a98fcc", abandoned_unrepaired: "#6b3fa0"
  };

  function svg(tag, attrs, parent) {
    const node = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(k => node.setAttribute(k, String(attrs[k])));
    if (parent) parent.appendChild(node);
    return node;
  }

  function text(parent, x, y, value, anchor, cls) {
    const t = svg("text", { x: x, y: y, "font-size": 10, fill: "#6b7378", "text-anchor": anchor || "start" }, parent);
    if (cls) t.setAttribute("class", cls);
    t.textContent = value;
    return t;
  }

  function tip(node, value) {
    const t = svg("title", {}, node);
    t.textContent = value;
  }

  function colour(status) {
    return STATUS_COLOURS[status] || "#9aa3a8";
  }

  function legend(statuses) {
    const box = document.createElement("div");
    box.className = "legend";
    statuses.forEach(s => {
      const item = document.createElement("span");
      const swatch = document.createElement("i");
      swatch.style.background = colour(s);
      item.appendChild(swatch);
      item.appendChild(document.createTextNode(s));
      box.appendChild(item);
    });
    return box;
  }

  // days: [{day, counts: {status: n}}]
  function runsPerDay(days) {
    const wrap = document.createElement("div");
    const width = 520, height = 200, left = 34, bottom = 28, top = 10;
    const root = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
      role: "img", "aria-label": "runs per day by status", "data-chart": "runs-per-day" });
    const statuses = [];
    let max = 1;
    days.forEach(d => {
      let total = 0;
      Object.keys(d.counts).forEach(s => { total += d.counts[s]; if (statuses.indexOf(s) < 0) statuses.push(s); });
      max = Math.max(max, total);
    });
    const plotW = width - left - 8, plotH = height - top - bottom;
    svg("line", { x1: left, y1: top + plotH, x2: width - 8, y2: top + plotH, stroke: "#c8cdd0" }, root);
    text(root, left - 4, top + 8, String(max), "end");
    text(root, left - 4, top + plotH, "0", "end");
    const slot = days.length ? plotW / days.length : plotW;
    const barW = Math.max(4, Math.min(40, slot * 0.7));
    days.forEach((d, i) => {
      let y = top + plotH;
      const x = left + i * slot + (slot - barW) / 2;
      statuses.forEach(s => {
        const n = d.counts[s] || 0;
        if (!n) return;
        const h = n / max * plotH;
        y -= h;
        const bar = svg("rect", { x: x, y: y, width: barW, height: h, fill: colour(s), "data-status": s,
          "data-day": d.day }, root);
        tip(bar, d.day + ": " + n + " " + s);
      });
      if (days.length <= 14 || i % Math.ceil(days.length / 14) === 0) {
        text(root, x + barW / 2, height - 10, d.day.slice(5), "middle");
      }
    });
    wrap.appendChild(root);
    wrap.appendChild(legend(statuses));
    return wrap;
  }

  // runs: [{startedAt, durationMs, status}], oldest first
  function durations(runs) {
    const wrap = document.createElement("div");
    const width = 520, height = 200, left = 46, bottom = 28, top = 10;
    const root = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
      role: "img", "aria-label": "run durations", "data-chart": "durations" });
    const timed = runs.filter(r => r.durationMs !== null && r.durationMs !== undefined);
    const max = Math.max(1, ...timed.map(r => r.durationMs));
    const plotW = width - left - 8, plotH = height - top - bottom;
    svg("line", { x1: left, y1: top + plotH, x2: width - 8, y2: top + plotH, stroke: "#c8cdd0" }, root);
    text(root, left - 4, top + 8, max + " ms", "end");
    text(root, left - 4, top + plotH, "0", "end");
    const slot = timed.length ? plotW / timed.length : plotW;
    const barW = Math.max(2, Math.min(24, slot * 0.7));
    timed.forEach((r, i) => {
      const h = Math.max(1, r.durationMs / max * plotH);
      const x = left + i * slot + (slot - barW) / 2;
      const bar = svg("rect", { x: x, y: top + plotH - h, width: barW, height: h, fill: colour(r.status),
        "data-status": r.status }, root);
      tip(bar, r.startedAt + ": " + r.durationMs + " ms (" + r.status + ")");
    });
    text(root, left, height - 10, timed.length ? "oldest" : "no finished runs", "start");
    if (timed.length) text(root, width - 8, height - 10, "newest", "end");
    wrap.appendChild(root);
    return wrap;
  }

  function hue(name) {
    let h = 7;
    for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) >>> 0;
    return Math.round((h % 1000) * 137.508) % 360;
  }

  // row: {label, entries: [{artist, sameAsPrevious}], sameArtistNeighbours, artists}
  function spread(row) {
    const wrap = document.createElement("div");
    const cell = 12, gap = 2, perLine = 40;
    const lines = Math.max(1, Math.ceil(row.entries.length / perLine));
    const width = perLine * (cell + gap) + 4, height = lines * (cell + gap + 6) + 4;
    const root = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": "artist spread " + row.label, "data-chart": "spread-" + row.label });
    row.entries.forEach((e, i) => {
      const x = 2 + (i % perLine) * (cell + gap), y = 2 + Math.floor(i / perLine) * (cell + gap + 6);
      const r = svg("rect", { x: x, y: y, width: cell, height: cell, rx: 2,
        fill: e.artist === "?" ? "#c8cdd0" : "hsl(" + hue(e.artist) + ",55%,55%)" }, root);
      tip(r, (i + 1) + ". " + e.artist + (e.sameAsPrevious ? " (same artist as the one before)" : ""));
      if (e.sameAsPrevious) {
        svg("rect", { x: x - gap - 1, y: y + cell + 1, width: cell * 2 + gap + 2, height: 3, fill: "#b3261e",
          "data-same-artist": "true" }, root);
      }
    });
    wrap.appendChild(root);
    return wrap;
  }

  // counts: {name: n}
  function hbars(counts, label) {
    const names = Object.keys(counts);
    const width = 360, rowH = 22, left = 110;
    const height = Math.max(1, names.length) * rowH + 6;
    const max = Math.max(1, ...names.map(n => counts[n]));
    const root = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": label, "data-chart": label });
    names.forEach((n, i) => {
      const y = 3 + i * rowH;
      text(root, left - 6, y + 14, n, "end");
      const w = counts[n] / max * (width - left - 50);
      svg("rect", { x: left, y: y + 3, width: Math.max(1, w), height: rowH - 8, fill: colour(n === "ok" ? "success"
        : n === "quarantined" ? "failed" : n === "degraded" || n === "needs_login" ? "skipped" : n) }, root);
      text(root, left + w + 6, y + 14, String(counts[n]));
    });
    return root;
  }

  window.ShuffifyCharts = { runsPerDay: runsPerDay, durations: durations, spread: spread, hbars: hbars,
    colour: colour };
})();
