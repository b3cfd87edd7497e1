/* dyadwatch dashboard: the alerts panel (GET /api/alerts), with each dyad's next-week forecast
   and its track record once the model has been fitted (GET /api/alerts?forecast=week). */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function get(params) {
    var q = Object.keys(params).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    }).join("&");
    return fetch("/api/alerts?" + q, { headers: { Accept: "application/json" } })
      .then(function (res) {
        return res.json().then(function (body) {
          if (!res.ok || body.ok === false) { throw new Error(body.error || "HTTP " + res.status); }
          return body;
        });
      });
  }

  function signed(v, digits) {
    var text = Number(v).toFixed(digits === undefined ? 2 : digits);
    return v > 0 ? "+" + text : text;
  }

  /* Bars of net Goldstein per article per period; the latest in red, the baseline dashed. */
  function spark(alert) {
    var w = 180, h = 56, values = alert.series.map(function (p) { return p[1]; });
    var known = values.filter(function (v) { return v !== null; }).concat([alert.baseline_mean, 0]);
    var top = Math.max(Math.max.apply(null, known), 0.5);
    var bottom = Math.min(Math.min.apply(null, known), -0.5);
    var step = w / Math.max(values.length, 1);
    function y(v) { return (top - v) / (top - bottom) * (h - 4) + 2; }
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + w + " " + h);
    svg.setAttribute("width", w);
    svg.setAttribute("height", h);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", "Net Goldstein per article, latest " +
      signed(alert.net_goldstein_per_article) + ", baseline " + signed(alert.baseline_mean));
    values.forEach(function (v, i) {
      if (v === null) { return; }
      var r = document.createElementNS(SVG, "rect");
      var y0 = Math.min(y(0), y(v)), y1 = Math.max(y(0), y(v));
      r.setAttribute("x", i * step + 1);
      r.setAttribute("y", y0);
      r.setAttribute("width", Math.max(step - 2, 1));
      r.setAttribute("height", Math.max(y1 - y0, 0.8));
      r.setAttribute("class", i === values.length - 1 ? "bar-latest" : (v >= 0 ? "bar-coop" : "bar-conf"));
      var t = document.createElementNS(SVG, "title");
      t.textContent = alert.series[i][0] + ": " + signed(v);
      r.appendChild(t);
      svg.appendChild(r);
    });
    [[0, "axis"], [alert.baseline_mean, "baseline"]].forEach(function (pair) {
      var line = document.createElementNS(SVG, "line");
      line.setAttribute("x1", 0); line.setAttribute("x2", w);
      line.setAttribute("y1", y(pair[0])); line.setAttribute("y2", y(pair[0]));
      line.setAttribute("class", pair[1]);
      svg.appendChild(line);
    });
    return svg;
  }

  /* The dashboard's view lives in the address fragment (app.js draws it on hashchange). */
  function showDyad(a, b, freq) {
    window.location.hash = "a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b) +
      "&freq=" + encodeURIComponent(freq || "week");
    var chart = document.getElementById("chart-panel");
    if (chart && chart.scrollIntoView) { chart.scrollIntoView(); }
  }

  function card(alert, rank) {
    var item = el("li", "alert-card");
    item.id = "alert-" + alert.alert_id.replace(/[^A-Za-z0-9]/g, "-");
    var head = el("div", "alert-head");
    var title = el("button", "alert-title link-button", rank + ". " + alert.actor_a + " – " + alert.actor_b);
    title.type = "button";
    title.title = "Chart this dyad";
    title.addEventListener("click", function () { showDyad(alert.actor_a, alert.actor_b, "week"); });
    head.appendChild(title);
    head.appendChild(el("span", "alert-score", "score " + Number(alert.score).toFixed(2) + " · " +
      alert.events + " events · net Goldstein " + signed(alert.net_goldstein_per_article) +
      " per article (baseline " + signed(alert.baseline_mean) + " ± " +
      Number(alert.baseline_sd).toFixed(2) + ")"));
    item.appendChild(head);
    var body = el("div", "alert-body");
    body.appendChild(spark(alert));
    var text = el("div", "alert-text");
    var why = el("ul", "alert-why");
    alert.why.forEach(function (w) { why.appendChild(el("li", null, w)); });
    text.appendChild(why);
    alert.evidence.forEach(function (e) {
      var tone = e.goldstein < 0 ? " conflict" : e.goldstein > 0 ? " cooperation" : "";
      var q = el("blockquote", "alert-evidence" + tone, "“" + e.sentence + "”");
      var src = el("span", "alert-source", " " + e.date + " · " + e.source + " → " + e.target +
        " · " + (e.publisher || e.article_id));
      q.appendChild(src);
      text.appendChild(q);
    });
    var fc = el("div", "alert-forecast", "Forecast: waiting for the model…");
    fc.dataset.alert = alert.alert_id;
    text.appendChild(fc);
    body.appendChild(text);
    item.appendChild(body);
    return item;
  }

  /* A refusal in words for people: no command-line options. */
  function inWords(message) {
    var short = /^E810:.* (\d+) periods at --freq (\w+) are needed.* the data has (\d+)/.exec(message);
    if (short) {
      return "too little history: a " + short[2] + "ly forecast and its track record need " +
        short[1] + " " + short[2] + "s of coded events; there are " + short[3] + ".";
    }
    var pair = /^E812: No history between (\S+) and (\S+) /.exec(message);
    if (pair) {
      return "no earlier " + "events between " + pair[1] + " and " + pair[2] + " to learn from.";
    }
    return message.replace(/^E\d{3}: /, "");
  }

  function forecastText(node, f) {
    node.textContent = "";
    if (!f) { node.textContent = "No forecast."; return; }
    if (typeof f === "string") {
      node.textContent = "No forecast: " + inWords(f);
      node.classList.add("muted");
      return;
    }
    node.appendChild(el("strong", null, "Next " + f.freq + " (" + f.period + "): "));
    f.directions.forEach(function (d) {
      var line = el("div", null, d.source + " → " + d.target + ": P(material conflict) " +
        Math.round(100 * d.probability) + "%");
      if (d.calibration && d.calibration.n) {
        line.appendChild(el("span", "muted", " (in the backtest, forecasts of " + d.calibration.bin +
          " came true " + Math.round(100 * d.calibration.observed) + "% of " + d.calibration.n +
          " times)"));
      } else {
        line.appendChild(el("span", "muted", " (no backtest forecast in that range)"));
      }
      if (d.net_goldstein) {
        line.appendChild(el("span", null, "; expected net Goldstein " +
          signed(d.net_goldstein.expected, 1) + " (80% interval " + signed(d.net_goldstein.low, 1) +
          " to " + signed(d.net_goldstein.high, 1) + ")"));
      }
      node.appendChild(line);
    });
    var track = f.track_record.scores.map(function (s) {
      return s.forecaster + " Brier " + Number(s.brier).toFixed(3) +
        (s.aupr === null ? "" : ", AUPR " + Number(s.aupr).toFixed(3));
    }).join("; ");
    node.appendChild(el("div", "muted", "Track record over " + f.track_record.origins.length +
      " earlier " + f.freq + "s: " + track + "."));
  }

  function render(body) {
    var box = document.getElementById("alerts");
    var meta = document.getElementById("alerts-meta");
    meta.textContent = body.period_start ? body.freq + " of " + body.period_start + " to " +
      body.period_end + " · " + body.articles_latest + " articles coded" +
      (body.note ? " · " + body.note : "") : inWords(body.note || "");
    box.textContent = "";
    if (!body.alerts.length) {
      box.appendChild(el("p", "empty", "No dyad turned this " + body.freq + "."));
      return;
    }
    var list = el("ol", "alert-list");
    body.alerts.forEach(function (a, i) { list.appendChild(card(a, i + 1)); });
    box.appendChild(list);
  }

  function fillForecasts(body) {
    Array.prototype.forEach.call(document.querySelectorAll(".alert-forecast"), function (node) {
      forecastText(node, body.forecasts[node.dataset.alert]);
    });
  }

  /* ?as_of=YYYY-MM-DD in the page's address judges an earlier week (what was known then). */
  function params(extra) {
    var out = { freq: "week" };
    var asOf = new URLSearchParams(window.location.search).get("as_of");
    if (asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) { out.as_of = asOf; }
    Object.keys(extra || {}).forEach(function (k) { out[k] = extra[k]; });
    return out;
  }

  function load() {
    get(params()).then(function (body) {
      render(body);
      document.body.dataset.alerts = "drawn";
      if (!body.alerts.length) { return null; }
      return get(params({ forecast: "week" })).then(fillForecasts);
    }).then(function () {
      document.body.dataset.forecasts = "drawn";
    }).catch(function (err) {
      var box = document.getElementById("alerts");
      box.textContent = "";
      box.appendChild(el("p", "empty", "No alerts: " + inWords(String(err.message))));
      document.body.dataset.alerts = "drawn";
      document.body.dataset.forecasts = "drawn";
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load);
  } else {
    load();
  }
}());
