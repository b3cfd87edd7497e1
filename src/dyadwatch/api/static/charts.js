/* dyadwatch charts: small SVG drawings, no library. Exposes window.DWCharts. */
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";
  var COLOURS = { AB: "#1f5fa8", BA: "#c2452d" };
  var DAY = 86400000;

  function svgEl(tag, attrs, parent) {
    var node = document.createElementNS(NS, tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function text(parent, x, y, value, attrs) {
    var node = svgEl("text", Object.assign({ x: x, y: y }, attrs || {}), parent);
    node.textContent = value;
    return node;
  }

  function parseDay(iso) {
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]);
  }

  function isoDay(ms) { return new Date(ms).toISOString().slice(0, 10); }

  /* Last day of the period that starts on ``start`` (ISO) at ``freq``. */
  function periodEnd(start, freq) {
    var t = parseDay(start);
    if (freq === "day") { return start; }
    if (freq === "week") { return isoDay(t + 6 * DAY); }
    var d = new Date(t);
    return isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  }

  function niceTicks(lo, hi, count) {
    var span = hi - lo || 1;
    var step = Math.pow(10, Math.floor(Math.log10(span / count)));
    var err = span / count / step;
    if (err >= 7.5) { step *= 10; } else if (err >= 3.5) { step *= 5; } else if (err >= 1.5) { step *= 2; }
    var ticks = [];
    for (var v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) { ticks.push(+v.toFixed(10)); }
    return ticks;
  }

  function dateTicks(t0, t1, maxTicks) {
    var span = Math.max(t1 - t0, DAY);
    var steps = [1, 2, 7, 14, 30.44, 61, 91.3, 182.6, 365.25, 730.5];
    var step = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) {
      if (span / (steps[i] * DAY) <= maxTicks) { step = steps[i]; break; }
    }
    var ticks = [];
    for (var t = t0; t <= t1 + 1; t += step * DAY) { ticks.push(t); }
    return { ticks: ticks, monthly: step >= 30 };
  }

  function label(ms, monthly) {
    var d = new Date(ms);
    var months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    if (monthly) { return months[d.getUTCMonth()] + " " + d.getUTCFullYear(); }
    return d.getUTCDate() + " " + months[d.getUTCMonth()];
  }

  function byDirection(rows) {
    var out = { AB: [], BA: [] };
    rows.forEach(function (row) { if (out[row.direction]) { out[row.direction].push(row); } });
    return out;
  }

  /*
   * Goldstein sum per period for A→B and B→A, episodes shaded.
   * opts: {series, episodes, freq, labels: {AB, BA}, onPick(row), selected: {period, direction}}
   */
  function seriesChart(container, opts) {
    container.textContent = "";
    var width = Math.max(container.clientWidth, 280);
    var height = width < 520 ? 240 : 300;
    var m = { top: 14, right: 14, bottom: 30, left: width < 520 ? 40 : 52 };
    var svg = svgEl("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
      role: "img", "aria-label": "Goldstein series of the dyad", "class": "series-svg" }, container);
    var rows = opts.series;
    var times = rows.map(function (r) { return parseDay(r.period); });
    var t0 = Math.min.apply(null, times);
    var t1 = Math.max(Math.max.apply(null, times), t0 + DAY);
    var values = rows.map(function (r) { return r.goldstein_sum || 0; }).concat([0]);
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var pad = (hi - lo) * 0.08 || 1;
    lo -= pad; hi += pad;
    var x = function (t) { return m.left + (t - t0) / (t1 - t0) * (width - m.left - m.right); };
    var y = function (v) { return m.top + (hi - v) / (hi - lo) * (height - m.top - m.bottom); };

    (opts.episodes || []).forEach(function (ep) {
      var xs = x(Math.max(parseDay(ep.start), t0));
      var xe = x(Math.min(parseDay(ep.end) + DAY, t1));
      svgEl("rect", { x: xs, y: m.top, width: Math.max(xe - xs, 2), height: height - m.top - m.bottom,
        "class": "episode " + ep.direction }, svg);
    });

    niceTicks(lo, hi, 5).forEach(function (v) {
      svgEl("line", { x1: m.left, x2: width - m.right, y1: y(v), y2: y(v),
        "class": v === 0 ? "zero" : "grid" }, svg);
      text(svg, m.left - 6, y(v) + 4, String(v), { "class": "tick", "text-anchor": "end" });
    });
    var dt = dateTicks(t0, t1, Math.max(2, Math.floor(width / 90)));
    dt.ticks.forEach(function (t) {
      var at = x(t);
      var anchor = at < m.left + 30 ? "start" : (at > width - m.right - 30 ? "end" : "middle");
      text(svg, at, height - 10, label(t, dt.monthly), { "class": "tick", "text-anchor": anchor });
    });

    var split = byDirection(rows);
    ["AB", "BA"].forEach(function (dir) {
      var pts = split[dir].map(function (r) { return x(parseDay(r.period)) + "," + y(r.goldstein_sum || 0); });
      svgEl("polyline", { points: pts.join(" "), fill: "none", stroke: COLOURS[dir],
        "stroke-width": 2, "class": "line line-" + dir }, svg);
    });
    var perPeriod = (width - m.left - m.right) / Math.max(split.AB.length, 1);
    opts.dot = Math.max(1.8, Math.min(4.5, perPeriod / 2.6));
    ["AB", "BA"].forEach(function (dir) {
      split[dir].forEach(function (r) { drawPoint(svg, r, dir, x, y, opts); });
    });
    return svg;
  }

  function drawPoint(svg, row, dir, x, y, opts) {
    var cx = x(parseDay(row.period)), cy = y(row.goldstein_sum || 0);
    var group = svgEl("g", { "class": "point point-" + dir + (row.events ? "" : " empty"),
      tabindex: row.events ? "0" : "-1", role: "button",
      "data-period": row.period, "data-direction": dir,
      "aria-label": opts.labels[dir] + ", period " + row.period + ": " + row.events +
        " events, Goldstein sum " + (row.goldstein_sum || 0) }, svg);
    var sel = opts.selected;
    var chosen = sel && sel.period === row.period && sel.direction === dir;
    svgEl("circle", { cx: cx, cy: cy, r: 12, "class": "hit" }, group);
    svgEl("circle", { cx: cx, cy: cy, r: chosen ? 6.5 : (row.events ? opts.dot : Math.min(2.5, opts.dot)),
      fill: row.events ? COLOURS[dir] : "#fff", stroke: COLOURS[dir],
      "stroke-width": chosen ? 3 : Math.min(1.5, opts.dot / 2), "class": "dot" + (chosen ? " chosen" : "") }, group);
    var title = svgEl("title", {}, group);
    title.textContent = opts.labels[dir] + " · " + row.period + " · " + row.events +
      " events · Goldstein " + (row.goldstein_sum || 0);
    var pick = function () { opts.onPick(row, dir); };
    group.addEventListener("click", pick);
    group.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); }
    });
  }

  function edgeColour(mean) {
    if (mean === null || mean === undefined) { return "#8a8f98"; }
    if (mean <= -1) { return "#c2452d"; }
    if (mean >= 1) { return "#1f5fa8"; }
    return "#8a8f98";
  }

  /* Nodes on a circle, directed curved edges. opts: {nodes, edges, onPick(actor), marked: []} */
  function networkChart(container, opts) {
    container.textContent = "";
    var width = Math.max(container.clientWidth, 260);
    var height = Math.min(width, 420);
    var svg = svgEl("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
      role: "img", "aria-label": "Actor network", "class": "network-svg" }, container);
    var defs = svgEl("defs", {}, svg);
    ["#c2452d", "#1f5fa8", "#8a8f98"].forEach(function (c, i) {
      var mk = svgEl("marker", { id: "arrow" + i, viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse",
        orient: "auto-start-reverse" }, defs);
      svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: c }, mk);
    });
    var nodes = opts.nodes;
    var cx = width / 2, cy = height / 2, radius = Math.min(width, height) / 2 - 44;
    var maxEvents = Math.max.apply(null, nodes.map(function (n) { return n.events; }).concat([1]));
    var pos = {};
    nodes.forEach(function (n, i) {
      var a = -Math.PI / 2 + 2 * Math.PI * i / nodes.length;
      pos[n.actor] = { x: cx + radius * Math.cos(a), y: cy + radius * Math.sin(a), a: a,
        r: 4 + 10 * Math.sqrt(n.events / maxEvents) };
    });
    var maxEdge = Math.max.apply(null, opts.edges.map(function (e) { return e.events; }).concat([1]));
    opts.edges.forEach(function (e) { drawEdge(svg, e, pos, maxEdge); });
    nodes.forEach(function (n) { drawNode(svg, n, pos[n.actor], cx, opts); });
    return svg;
  }

  function drawEdge(svg, e, pos, maxEdge) {
    var s = pos[e.source], t = pos[e.target];
    if (!s || !t) { return; }
    var dx = t.x - s.x, dy = t.y - s.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var bend = 0.12 * len;
    var mx = (s.x + t.x) / 2 - dy / len * bend, my = (s.y + t.y) / 2 + dx / len * bend;
    var ex = t.x - (t.x - mx) / Math.hypot(t.x - mx, t.y - my) * (t.r + 2);
    var ey = t.y - (t.y - my) / Math.hypot(t.x - mx, t.y - my) * (t.r + 2);
    var colour = edgeColour(e.goldstein_mean);
    var marker = colour === "#c2452d" ? 0 : (colour === "#1f5fa8" ? 1 : 2);
    var path = svgEl("path", { d: "M" + s.x + "," + s.y + " Q" + mx + "," + my + " " + ex + "," + ey,
      fill: "none", stroke: colour, "stroke-opacity": 0.75,
      "stroke-width": 1 + 4 * e.events / maxEdge, "marker-end": "url(#arrow" + marker + ")",
      "class": "edge" }, svg);
    var title = svgEl("title", {}, path);
    var mean = e.goldstein_mean === null ? "n/a" : e.goldstein_mean.toFixed(1);
    title.textContent = e.source + " → " + e.target + ": " + e.events + " events, mean Goldstein " + mean;
  }

  function drawNode(svg, n, p, cx, opts) {
    var marked = (opts.marked || []).indexOf(n.actor) >= 0;
    var g = svgEl("g", { "class": "node" + (marked ? " marked" : ""), tabindex: "0", role: "button",
      "data-actor": n.actor, "aria-label": n.actor + ", " + n.events + " events" }, svg);
    svgEl("circle", { cx: p.x, cy: p.y, r: p.r, "class": "node-dot" }, g);
    var right = p.x >= cx;
    var lx = p.x + Math.cos(p.a) * (p.r + 4), ly = p.y + Math.sin(p.a) * (p.r + 4) + 4;
    text(g, lx, ly, n.actor, { "class": "node-label", "text-anchor": right ? "start" : "end" });
    var title = svgEl("title", {}, g);
    title.textContent = n.actor + ": " + n.events + " events";
    var pick = function () { opts.onPick(n.actor); };
    g.addEventListener("click", pick);
    g.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); }
    });
  }

  window.DWCharts = { seriesChart: seriesChart, networkChart: networkChart,
    periodEnd: periodEnd, colours: COLOURS };
})();
