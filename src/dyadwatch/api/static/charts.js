/* dyadwatch charts: small SVG drawings, no library. Exposes window.DWCharts.
 *
 * Colour means hostility only (red conflict, blue cooperation, grey neither), as in the
 * report; the two directions of a dyad differ by line style and marker shape. */
(function () {
  "use strict";

  var NS = "http://www.w3.org/2000/svg";
  var PALETTE = { conflict: "#b3261e", cooperation: "#1f5fa8", neutral: "#8a8f98", ink: "#1d2430",
    quad: { 1: "#9cbde6", 2: "#1f5fa8", 3: "#e8a39b", 4: "#b3261e" } };
  var QUAD_NAMES = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
    4: "material conflict" };
  var DASH = { AB: "", BA: "6 4" };
  var DAY = 86400000;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

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

  /* The period holding the day ``iso``: itself, its Monday, or the first of its month. */
  function periodStart(iso, freq) {
    var t = parseDay(iso), d = new Date(t);
    if (freq === "day") { return iso; }
    if (freq === "week") { return isoDay(t - ((d.getUTCDay() + 6) % 7) * DAY); }
    return isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  }

  /* How people read a period: "3 Jan 2020", "week of 6 Jan 2020", "Jan 2020". */
  function periodLabel(start, freq) {
    var d = new Date(parseDay(start));
    var day = d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
    if (freq === "month") { return MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear(); }
    return freq === "week" ? "week of " + day : day;
  }

  function round1(v) {
    var r = Math.round((v || 0) * 10) / 10;
    return (r === 0 ? 0 : r).toFixed(1);
  }

  function count(n, one, many) { return n + " " + (n === 1 ? one : (many || one + "s")); }

  function tone(v) {
    if (v === null || v === undefined || Math.abs(v) < 1) { return "neutral"; }
    return v < 0 ? "conflict" : "cooperation";
  }

  function niceTicks(lo, hi, n) {
    var span = hi - lo || 1;
    var step = Math.pow(10, Math.floor(Math.log10(span / n)));
    var err = span / n / step;
    if (err >= 7.5) { step *= 10; } else if (err >= 3.5) { step *= 5; } else if (err >= 1.5) { step *= 2; }
    var ticks = [];
    for (var v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) { ticks.push(+v.toFixed(10)); }
    return ticks;
  }

  /* Calendar months from the first one at or after t0 to t1, every ``step`` months. */
  function monthStarts(t0, t1, step) {
    var d = new Date(t0), y = d.getUTCFullYear(), m = d.getUTCMonth();
    if (d.getUTCDate() !== 1) { m += 1; }
    var out = [];
    for (var t = Date.UTC(y, m, 1); t <= t1; m += step, t = Date.UTC(y, m, 1)) { out.push(t); }
    return out;
  }

  /*
   * Ticks of the time axis, on the calendar: at month freq (or a long span) the first days of
   * months, labelled "Oct 2017", so a label sits exactly on its month's point; else days
   * counted from the first period, labelled "6 Jan".
   */
  function dateTicks(t0, t1, maxTicks, freq) {
    var span = Math.max(t1 - t0, DAY);
    if (freq !== "month") {
      var days = [1, 2, 7, 14];
      for (var i = 0; i < days.length; i++) {
        if (freq === "week" && days[i] < 7) { continue; }
        if (span / (days[i] * DAY) < maxTicks) {
          var ticks = [];
          for (var t = t0; t <= t1; t += days[i] * DAY) { ticks.push(t); }
          return { ticks: ticks, monthly: false };
        }
      }
    }
    var steps = [1, 2, 3, 6, 12, 24, 60];
    for (var j = 0; j < steps.length; j++) {
      var months = monthStarts(t0, t1, steps[j]);
      if (months.length <= maxTicks || j === steps.length - 1) { return { ticks: months, monthly: true }; }
    }
    return { ticks: [], monthly: true };
  }

  function tickLabel(ms, monthly) {
    var d = new Date(ms);
    if (monthly) { return MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear(); }
    return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
  }

  function byDirection(rows) {
    var out = { AB: [], BA: [] };
    rows.forEach(function (row) { if (out[row.direction]) { out[row.direction].push(row); } });
    return out;
  }

  /* Frame shared by both charts: size, margins and the time scale of the series' periods. */
  function frame(container, rows, freq, height, label) {
    container.textContent = "";
    var width = Math.max(container.clientWidth, 280);
    var m = { top: 12, right: 14, bottom: 28, left: width < 520 ? 40 : 52 };
    var svg = svgEl("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
      role: "img", "aria-label": label }, container);
    var times = rows.map(function (r) { return parseDay(r.period); });
    var t0 = Math.min.apply(null, times);
    var t1 = Math.max(Math.max.apply(null, times), t0 + DAY);
    var x = function (t) { return m.left + (t - t0) / (t1 - t0) * (width - m.left - m.right); };
    var dt = dateTicks(t0, t1, Math.max(2, Math.floor(width / 90)), freq);
    dt.ticks.forEach(function (t) {
      var at = x(t);
      var anchor = at < m.left + 30 ? "start" : (at > width - m.right - 30 ? "end" : "middle");
      text(svg, at, height - 8, tickLabel(t, dt.monthly), { "class": "tick x-tick", "text-anchor": anchor,
        "data-day": isoDay(t) });
    });
    return { svg: svg, width: width, height: height, m: m, x: x, t0: t0, t1: t1 };
  }

  function yAxis(f, lo, hi, n) {
    var y = function (v) { return f.m.top + (hi - v) / (hi - lo) * (f.height - f.m.top - f.m.bottom); };
    niceTicks(lo, hi, n).forEach(function (v) {
      svgEl("line", { x1: f.m.left, x2: f.width - f.m.right, y1: y(v), y2: y(v),
        "class": v === 0 ? "zero" : "grid" }, f.svg);
      text(f.svg, f.m.left - 6, y(v) + 4, String(v), { "class": "tick", "text-anchor": "end" });
    });
    return y;
  }

  /*
   * Goldstein sum per period for A→B (solid, circles) and B→A (dashed, squares); a point's
   * colour is its hostility. Episodes shaded: escalation red, de-escalation blue.
   * opts: {series, episodes, freq, labels: {AB, BA}, onPick(row, dir), selected: {period, direction}}
   */
  function seriesChart(container, opts) {
    var rows = opts.series;
    var f = frame(container, rows, opts.freq, container.clientWidth < 520 ? 230 : 280,
      "Goldstein sum per period of the dyad, both directions");
    f.svg.setAttribute("class", "series-svg");
    var values = rows.map(function (r) { return r.goldstein_sum || 0; }).concat([0]);
    var lo = Math.min.apply(null, values), hi = Math.max.apply(null, values);
    var pad = (hi - lo) * 0.08 || 1;
    var y = yAxis(f, lo - pad, hi + pad, 5);
    (opts.episodes || []).forEach(function (ep) {
      var xs = f.x(Math.max(parseDay(ep.start), f.t0));
      var xe = f.x(Math.min(parseDay(ep.end) + DAY, f.t1));
      var band = svgEl("rect", { x: xs, y: f.m.top, width: Math.max(xe - xs, 2),
        height: f.height - f.m.top - f.m.bottom, "class": "episode " + ep.direction }, f.svg);
      f.svg.insertBefore(band, f.svg.firstChild);
    });
    var split = byDirection(rows);
    ["AB", "BA"].forEach(function (dir) {
      var pts = split[dir].map(function (r) { return f.x(parseDay(r.period)) + "," + y(r.goldstein_sum || 0); });
      svgEl("polyline", { points: pts.join(" "), fill: "none", stroke: PALETTE.ink, "stroke-width": 1.6,
        "stroke-dasharray": DASH[dir], "class": "line line-" + dir }, f.svg);
    });
    var perPeriod = (f.width - f.m.left - f.m.right) / Math.max(split.AB.length, 1);
    opts.dot = Math.max(2.2, Math.min(4.5, perPeriod / 2.6));
    ["AB", "BA"].forEach(function (dir) {
      split[dir].forEach(function (r) { drawPoint(f.svg, r, dir, f.x, y, opts); });
    });
    return f.svg;
  }

  function pointTitle(label, row, freq) {
    return label + " · " + periodLabel(row.period, freq) + " · " + count(row.events || 0, "event") +
      " · Goldstein sum " + round1(row.goldstein_sum);
  }

  function drawPoint(svg, row, dir, x, y, opts) {
    var cx = x(parseDay(row.period)), cy = y(row.goldstein_sum || 0);
    var title = pointTitle(opts.labels[dir], row, opts.freq);
    var group = svgEl("g", { "class": "point point-" + dir + (row.events ? "" : " empty"),
      tabindex: row.events ? "0" : "-1", role: "button", "data-period": row.period,
      "data-direction": dir, "data-x": cx.toFixed(2), "aria-label": title }, svg);
    var sel = opts.selected;
    var chosen = sel && sel.period === row.period && sel.direction === dir;
    svgEl("circle", { cx: cx, cy: cy, r: 12, "class": "hit" }, group);
    var r = chosen ? 6.5 : (row.events ? opts.dot : Math.min(2.5, opts.dot));
    var fill = row.events ? PALETTE[tone(row.goldstein_sum)] : "#fff";
    var attrs = { fill: fill, stroke: PALETTE.ink, "stroke-width": chosen ? 2.5 : 1,
      "class": "dot" + (chosen ? " chosen" : "") };
    if (dir === "AB") {
      svgEl("circle", Object.assign({ cx: cx, cy: cy, r: r }, attrs), group);
    } else {
      svgEl("rect", Object.assign({ x: cx - r, y: cy - r, width: 2 * r, height: 2 * r }, attrs), group);
    }
    svgEl("title", {}, group).textContent = title;
    var pick = function () { if (row.events) { opts.onPick(row, dir); } };
    group.addEventListener("click", pick);
    group.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); }
    });
  }

  /* Events per period by quad class, both directions stacked. opts: {series, freq, onPick(period)} */
  function quadChart(container, opts) {
    var totals = {};
    opts.series.forEach(function (r) {
      var t = totals[r.period] || (totals[r.period] = { period: r.period, q: [0, 0, 0, 0] });
      t.q[0] += r.verbal_coop || 0; t.q[1] += r.material_coop || 0;
      t.q[2] += r.verbal_conflict || 0; t.q[3] += r.material_conflict || 0;
    });
    var periods = Object.keys(totals).sort().map(function (k) { return totals[k]; });
    var f = frame(container, periods, opts.freq, container.clientWidth < 520 ? 150 : 170,
      "Events per period by quad class");
    f.svg.setAttribute("class", "quad-svg");
    var most = Math.max.apply(null, periods.map(function (p) { return p.q[0] + p.q[1] + p.q[2] + p.q[3]; }).concat([1]));
    var y = yAxis(f, 0, most, 3);
    var slot = (f.width - f.m.left - f.m.right) / Math.max(periods.length, 1);
    var bar = Math.max(2, Math.min(24, slot * 0.7));
    periods.forEach(function (p) {
      var cx = f.x(parseDay(p.period)), base = 0;
      var g = svgEl("g", { "class": "quad-bar", "data-period": p.period }, f.svg);
      [3, 2, 1, 0].forEach(function (i) {
        if (!p.q[i]) { return; }
        var left = Math.max(cx - bar / 2, f.m.left + 1), right = Math.min(cx + bar / 2, f.width - f.m.right);
        var rect = svgEl("rect", { x: left, y: y(base + p.q[i]), width: Math.max(right - left, 1),
          height: Math.max(y(base) - y(base + p.q[i]), 1), fill: PALETTE.quad[i + 1],
          "class": "quad quad-" + (i + 1) }, g);
        svgEl("title", {}, rect).textContent = periodLabel(p.period, opts.freq) + " · " +
          QUAD_NAMES[i + 1] + ": " + count(p.q[i], "event");
        base += p.q[i];
      });
      g.addEventListener("click", function () { if (base) { opts.onPick(p.period); } });
    });
    return f.svg;
  }

  function edgeColour(mean) { return PALETTE[tone(mean)]; }

  /* Nodes on a circle, directed curved edges. opts: {nodes, edges, onPick(actor), marked: []} */
  function networkChart(container, opts) {
    container.textContent = "";
    var width = Math.max(container.clientWidth, 260);
    var height = Math.min(width, 420);
    var svg = svgEl("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height,
      role: "img", "aria-label": "Actor network", "class": "network-svg" }, container);
    var defs = svgEl("defs", {}, svg);
    ["conflict", "cooperation", "neutral"].forEach(function (name) {
      var mk = svgEl("marker", { id: "arrow-" + name, viewBox: "0 0 10 10", refX: 9, refY: 5,
        markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse",
        orient: "auto-start-reverse" }, defs);
      svgEl("path", { d: "M0,0 L10,5 L0,10 z", fill: PALETTE[name] }, mk);
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
    var kind = tone(e.goldstein_mean);
    var path = svgEl("path", { d: "M" + s.x + "," + s.y + " Q" + mx + "," + my + " " + ex + "," + ey,
      fill: "none", stroke: edgeColour(e.goldstein_mean), "stroke-opacity": 0.75,
      "stroke-width": 1 + 4 * e.events / maxEdge, "marker-end": "url(#arrow-" + kind + ")",
      "class": "edge" }, svg);
    var mean = e.goldstein_mean === null ? "n/a" : round1(e.goldstein_mean);
    svgEl("title", {}, path).textContent = e.source + " → " + e.target + ": " + count(e.events, "event") +
      ", mean Goldstein " + mean;
  }

  function drawNode(svg, n, p, cx, opts) {
    var marked = (opts.marked || []).indexOf(n.actor) >= 0;
    var g = svgEl("g", { "class": "node" + (marked ? " marked" : ""), tabindex: "0", role: "button",
      "data-actor": n.actor, "aria-label": n.actor + ", " + count(n.events, "event") }, svg);
    svgEl("circle", { cx: p.x, cy: p.y, r: p.r, "class": "node-dot" }, g);
    var right = p.x >= cx;
    var lx = p.x + Math.cos(p.a) * (p.r + 4), ly = p.y + Math.sin(p.a) * (p.r + 4) + 4;
    text(g, lx, ly, n.actor, { "class": "node-label", "text-anchor": right ? "start" : "end" });
    svgEl("title", {}, g).textContent = n.actor + ": " + count(n.events, "event");
    var pick = function () { opts.onPick(n.actor); };
    g.addEventListener("click", pick);
    g.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); }
    });
  }

  window.DWCharts = { seriesChart: seriesChart, quadChart: quadChart, networkChart: networkChart,
    periodEnd: periodEnd, periodStart: periodStart, periodLabel: periodLabel, dateTicks: dateTicks,
    tickLabel: tickLabel, round1: round1, count: count, tone: tone, palette: PALETTE,
    quadNames: QUAD_NAMES, dash: DASH };
})();
