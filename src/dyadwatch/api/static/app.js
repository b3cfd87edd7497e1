/* dyadwatch dashboard: talks to /api/, draws with DWCharts. No framework, no network beyond the app. */
(function () {
  "use strict";

  var C = window.DWCharts;
  var state = { seq: 0, eventsSeq: 0, a: null, b: null, freq: "week", since: "", until: "", version: null,
    selected: null, series: null, episodes: [], networkPick: [] };
  var $ = function (id) { return document.getElementById(id); };

  /* ---- helpers ------------------------------------------------------------------ */

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; }
      else if (key === "className") { node.className = attrs[key]; }
      else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function query(params) {
    return Object.keys(params).filter(function (k) {
      return params[k] !== "" && params[k] !== null && params[k] !== undefined;
    }).map(function (k) {
      return encodeURIComponent(k) + "=" + encodeURIComponent(params[k]);
    }).join("&");
  }

  function api(path, params) {
    var url = "/api/" + path + (params ? "?" + query(params) : "");
    return fetch(url, { headers: { Accept: "application/json" } }).then(function (res) {
      return res.json().catch(function () { return { ok: false, error: "HTTP " + res.status }; })
        .then(function (body) {
          if (!res.ok || body.ok === false) {
            var err = new Error(body.error || ("HTTP " + res.status));
            err.status = res.status;
            throw err;
          }
          return body;
        });
    });
  }

  function fmt(v, digits) {
    if (v === null || v === undefined) { return "–"; }
    return Number(v).toFixed(digits === undefined ? 1 : digits);
  }

  function tone(v) {
    if (v === null || v === undefined) { return "neutral"; }
    return v <= -1 ? "hostile" : (v >= 1 ? "friendly" : "neutral");
  }

  function say(message) {
    $("form-message").textContent = message || "";
    $("form-message").hidden = !message;
  }

  function windowParams() { return { since: state.since, until: state.until }; }

  /* ---- status and live refresh ------------------------------------------------------ */

  function refreshStatus(first) {
    return api("health").then(function (body) {
      var db = body.database;
      if (!db.ready) {
        $("status").textContent = "no data yet: " + (db.error || "");
        return null;
      }
      var ev = db.events;
      var when = new Date(db.snapshot.taken_at).toLocaleTimeString();
      $("status").textContent = ev.events + " events · " + ev.articles + " articles · " +
        (db.writer_active ? "coding in progress, showing data as of " : "updated ") + when;
      var changed = state.version !== null && state.version !== db.snapshot.generation;
      state.version = db.snapshot.generation;
      if (first) { return ev; }
      if (changed) { reloadAll(); }
      return null;
    }).catch(function (err) { $("status").textContent = "service unreachable (" + err.message + ")"; });
  }

  function reloadAll() {
    loadDyads();
    loadNetwork();
    if (state.a && state.b) { loadDyad(true); }
  }

  /* ---- actor search ----------------------------------------------------------------- */

  function setupSearch(inputId, listId) {
    var input = $(inputId), list = $(listId), timer = null, active = -1, items = [];
    function close() {
      list.hidden = true; list.textContent = ""; active = -1; items = [];
      input.setAttribute("aria-expanded", "false");
    }
    function choose(item) {
      input.value = item.code;
      input.dataset.code = item.code;
      close();
    }
    function highlight(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (li, j) {
        li.classList.toggle("active", j === i);
        li.setAttribute("aria-selected", j === i ? "true" : "false");
      });
    }
    function show(actors) {
      list.textContent = "";
      items = actors;
      actors.forEach(function (item, i) {
        var li = el("li", { role: "option", "data-code": item.code }, [
          el("span", { className: "code", text: item.code }),
          el("span", { className: "name", text: item.name || "" }),
          el("span", { className: "count", text: item.events ? item.events + " ev." : "no events" })
        ]);
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(item); });
        li.addEventListener("mouseenter", function () { highlight(i); });
        list.appendChild(li);
      });
      list.hidden = actors.length === 0;
      input.setAttribute("aria-expanded", actors.length ? "true" : "false");
    }
    input.addEventListener("input", function () {
      delete input.dataset.code;
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q) { close(); return; }
      timer = setTimeout(function () {
        api("actors", { q: q, limit: 8 }).then(function (body) { show(body.actors); })
          .catch(function () { close(); });
      }, 180);
    });
    input.addEventListener("keydown", function (ev) {
      if (list.hidden) { return; }
      if (ev.key === "ArrowDown") { ev.preventDefault(); highlight(Math.min(active + 1, items.length - 1)); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); highlight(Math.max(active - 1, 0)); }
      else if (ev.key === "Enter" && active >= 0) { ev.preventDefault(); choose(items[active]); }
      else if (ev.key === "Escape") { close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
  }

  var PATTERN = /^=?[A-Za-z0-9]+\*?$/;

  /* The actor pattern for what the user typed: a picked code, a code, or a name's best match. */
  function resolveActor(input) {
    var raw = input.value.trim();
    if (input.dataset.code && input.dataset.code === raw) { return Promise.resolve(raw); }
    if (!raw) { return Promise.reject(new Error("Give both actors.")); }
    return api("actors", { q: raw.replace(/^=|\*$/g, ""), limit: 10 }).then(function (body) {
      var upper = raw.toUpperCase();
      var exact = body.actors.filter(function (a) { return a.code === upper.replace(/^=|\*$/g, ""); });
      if (PATTERN.test(raw) && exact.length) { return upper; }
      var coded = body.actors.filter(function (a) { return a.events > 0; });
      if (coded.length) { return coded[0].code; }
      return PATTERN.test(raw) ? upper : Promise.reject(new Error("No actor matches '" + raw + "'."));
    });
  }

  /* ---- the dyad: series, episodes, events --------------------------------------------- */

  function labels() {
    return { AB: state.a + " → " + state.b, BA: state.b + " → " + state.a };
  }

  function drawLegend() {
    var legend = $("legend"), names = labels();
    legend.textContent = "";
    ["AB", "BA"].forEach(function (dir) {
      legend.appendChild(el("li", { className: "key key-" + dir }, [names[dir]]));
    });
  }

  function loadDyad(keepSelection) {
    var params = Object.assign({ a: state.a, b: state.b, freq: state.freq }, windowParams());
    $("chart-title").textContent = "Goldstein series: " + state.a + " and " + state.b;
    drawLegend();
    writeHash();
    var seq = ++state.seq;
    var series = api("series", params);
    var episodes = api("escalation", params).then(function (body) { return { episodes: body.episodes }; },
      function (err) { return { episodes: [], note: err.status === 422 ? err.message : "Episodes unavailable: " + err.message }; });
    return Promise.all([series, episodes]).then(function (res) {
      if (seq !== state.seq) { return; }  /* a newer dyad was asked for meanwhile */
      state.series = res[0].series;
      state.episodes = res[1].episodes;
      if (!keepSelection) { state.selected = null; }
      drawSeries();
      drawEpisodes(res[1].note);
      say("");
      if (!keepSelection) { pickDefaultPoint(); } else if (state.selected) { loadEvents(state.selected); }
    }).catch(function (err) {
      if (seq !== state.seq) { return; }
      state.series = null;
      $("chart").textContent = "";
      $("chart").appendChild(el("p", { className: "empty", text: err.message }));
      $("episodes").textContent = "";
      say(err.message);
    });
  }

  function drawSeries() {
    if (!state.series) { return; }
    C.seriesChart($("chart"), { series: state.series, episodes: state.episodes, freq: state.freq,
      labels: labels(), selected: state.selected, onPick: function (row, dir) {
        state.selected = { period: row.period, direction: dir };
        drawSeries();
        loadEvents(state.selected, true);
      } });
  }

  function pickDefaultPoint() {
    var busiest = null;
    state.series.forEach(function (row) {
      if (row.events && (!busiest || row.events > busiest.events)) { busiest = row; }
    });
    if (busiest) { state.selected = { period: busiest.period, direction: busiest.direction }; drawSeries(); loadEvents(state.selected); }
  }

  function drawEpisodes(note) {
    var box = $("episodes");
    box.textContent = "";
    if (note) { box.appendChild(el("p", { className: "note", text: note })); }
    if (!state.episodes.length) {
      if (!note) { box.appendChild(el("p", { className: "note", text: "No escalation or de-escalation episodes found." })); }
      return;
    }
    var list = el("ul", { className: "episode-list" });
    state.episodes.forEach(function (ep) {
      list.appendChild(el("li", { className: "episode-item " + ep.direction }, [
        el("strong", { text: ep.direction }), " " + ep.start + " – " + ep.end + ": mean Goldstein " +
          fmt(ep.mean_before) + " → " + fmt(ep.mean_after) + " (" + ep.events + " events)"
      ]));
    });
    box.appendChild(list);
  }

  function loadEvents(sel, narrowNetwork) {
    var until = C.periodEnd(sel.period, state.freq);
    var title = "Events " + (sel.period === until ? sel.period : sel.period + " – " + until);
    $("events-title").textContent = title;
    if (narrowNetwork) { loadNetwork(sel.period, until); }
    var seq = ++state.eventsSeq;
    return api("timeline", { a: state.a, b: state.b, since: sel.period, until: until, limit: 200 })
      .then(function (body) { if (seq === state.eventsSeq) { drawEvents(body, sel); } })
      .catch(function (err) {
        if (seq !== state.eventsSeq) { return; }
        $("events").textContent = "";
        $("events").appendChild(el("p", { className: "empty", text: err.message }));
      });
  }

  function drawEvents(body, sel) {
    var box = $("events"), names = labels();
    box.textContent = "";
    if (!body.events.length) {
      box.appendChild(el("p", { className: "empty", text: "No events in this period." }));
      return;
    }
    var list = el("ol", { className: "event-list" });
    body.events.forEach(function (ev) {
      var dir = ev.direction === names.AB.replace(" → ", "->") ? "AB" : "BA";
      list.appendChild(eventCard(ev, dir, sel && sel.direction === dir));
    });
    box.appendChild(list);
    if (body.total > body.events.length) {
      box.appendChild(el("p", { className: "note", text: "Showing " + body.events.length + " of " + body.total + " events." }));
    }
  }

  function eventCard(ev, dir, focus) {
    var links = [el("button", { type: "button", className: "link-button evidence-link", text: "read in article" })];
    if (ev.url && /^https?:\/\//.test(ev.url)) {
      links.push(el("a", { href: ev.url, target: "_blank", rel: "noopener noreferrer", className: "source-link",
        text: ev.publisher || "source" }));
    }
    var card = el("li", { className: "event dir-" + dir + (focus ? " focus" : ""), "data-event": ev.event_id }, [
      el("div", { className: "event-head" }, [
        el("span", { className: "date", text: ev.date || "undated" }),
        el("span", { className: "actors", text: (ev.source || "?") + " → " + (ev.target || "?") }),
        el("span", { className: "cameo", text: ev.cameo + " " + (ev.event || "") }),
        el("span", { className: "gold " + tone(ev.goldstein), text: fmt(ev.goldstein) })
      ]),
      el("blockquote", { className: "evidence" }, [ev.sentence]),
      el("div", { className: "event-links" }, links)
    ]);
    card.querySelector(".evidence-link").addEventListener("click", function () { openArticle(ev); });
    card.querySelector(".evidence").addEventListener("click", function () { openArticle(ev); });
    return card;
  }

  /* ---- the article behind an event ------------------------------------------------------ */

  function openArticle(ev) {
    return api("articles/" + encodeURIComponent(ev.article_id)).then(function (body) {
      var art = body.article, box = $("article");
      $("article-title").textContent = art.title || art.article_id;
      box.textContent = "";
      var meta = [art.publisher, art.published].filter(Boolean).join(" · ");
      box.appendChild(el("p", { className: "meta" }, [meta, art.url && /^https?:\/\//.test(art.url) ?
        el("a", { href: art.url, target: "_blank", rel: "noopener noreferrer", text: " original" }) : null]));
      box.appendChild(articleText(art.text || "", ev.sentence));
      $("article-panel").hidden = false;
      var mark = box.querySelector("mark");
      ($("article-panel")).scrollIntoView({ behavior: "smooth", block: "start" });
      if (mark) { mark.setAttribute("tabindex", "-1"); }
    }).catch(function (err) { say(err.message); });
  }

  function articleText(text, sentence) {
    var at = sentence ? text.indexOf(sentence) : -1;
    var body = el("div", { className: "article-text" });
    if (at < 0) {
      body.appendChild(el("p", { className: "note", text: "Evidence: " + sentence }));
      body.appendChild(document.createTextNode(text));
      return body;
    }
    body.appendChild(document.createTextNode(text.slice(0, at)));
    body.appendChild(el("mark", { className: "evidence-mark" }, [sentence]));
    body.appendChild(document.createTextNode(text.slice(at + sentence.length)));
    return body;
  }

  /* ---- dyad table and network ---------------------------------------------------------- */

  function loadDyads() {
    return api("dyads", Object.assign({ top: 15, by: "code" }, windowParams())).then(function (body) {
      var tbody = $("dyads").querySelector("tbody");
      tbody.textContent = "";
      body.dyads.forEach(function (d) {
        var conflict = d.events ? (d.verbal_conflict + d.material_conflict) / d.events : 0;
        var row = el("tr", { tabindex: "0", "data-a": d.actor_a, "data-b": d.actor_b }, [
          el("td", { text: d.actor_a }), el("td", { text: d.actor_b }),
          el("td", { className: "num", text: String(d.events) }),
          el("td", { className: "num " + tone(d.goldstein_mean_ab), text: fmt(d.goldstein_mean_ab) }),
          el("td", { className: "num " + tone(d.goldstein_mean_ba), text: fmt(d.goldstein_mean_ba) }),
          el("td", { className: "num", text: Math.round(conflict * 100) + "%" })
        ]);
        var pick = function () { showDyad("=" + d.actor_a, "=" + d.actor_b); };
        row.addEventListener("click", pick);
        row.addEventListener("keydown", function (e) { if (e.key === "Enter") { pick(); } });
        tbody.appendChild(row);
      });
      if (!body.dyads.length) { tbody.appendChild(el("tr", {}, [el("td", { colspan: "6", text: "No dyads yet." })])); }
      return body.dyads;
    }).catch(function (err) { say(err.message); return []; });
  }

  function loadNetwork(since, until) {
    var from = since || state.since, to = until || state.until;
    state.networkWindow = { since: from, until: to };
    var span = from || to ? ", " + (from || "…") + " – " + (to || "…") : ", all dates";
    $("network-title").textContent = "Actor network" + span;
    $("network-all").hidden = !(since || until);
    return api("network", { since: from, until: to, top: 30, by: $("network-by").value }).then(function (body) {
      if (!body.nodes.length) {
        $("network").textContent = "";
        $("network").appendChild(el("p", { className: "empty", text: "No events in this period." }));
        return;
      }
      state.network = body;
      drawNetwork();
    }).catch(function (err) { say(err.message); });
  }

  function drawNetwork() {
    if (!state.network) { return; }
    C.networkChart($("network"), { nodes: state.network.nodes, edges: state.network.edges,
      marked: state.networkPick, onPick: function (actor) {
        state.networkPick = state.networkPick.concat([actor]).slice(-2);
        if (state.networkPick.length === 2 && state.networkPick[0] !== state.networkPick[1]) {
          var pair = state.networkPick;
          state.networkPick = [];
          showDyad(pair[0], pair[1]);
        } else {
          say("Picked " + actor + "; click a second actor.");
        }
        drawNetwork();
      } });
  }

  /* ---- form, URL and start-up ------------------------------------------------------------ */

  function showDyad(a, b) {
    $("actor-a").value = a; $("actor-a").dataset.code = a;
    $("actor-b").value = b; $("actor-b").dataset.code = b;
    readForm();
    state.a = a.toUpperCase(); state.b = b.toUpperCase();
    $("chart").scrollIntoView({ behavior: "smooth", block: "center" });
    return loadDyad(false);
  }

  function readForm() {
    state.freq = $("freq").value;
    state.since = $("since").value;
    state.until = $("until").value;
  }

  function onSubmit(ev) {
    ev.preventDefault();
    readForm();
    say("");
    Promise.all([resolveActor($("actor-a")), resolveActor($("actor-b"))]).then(function (pair) {
      state.a = pair[0]; state.b = pair[1];
      $("actor-a").value = pair[0]; $("actor-a").dataset.code = pair[0];
      $("actor-b").value = pair[1]; $("actor-b").dataset.code = pair[1];
      loadDyad(false);
      loadDyads();
    }).catch(function (err) { say(err.message); });
  }

  function writeHash() {
    var h = query({ a: state.a, b: state.b, freq: state.freq, since: state.since, until: state.until });
    if (location.hash.slice(1) !== h) { history.replaceState(null, "", "#" + h); }
  }

  function readHash() {
    var out = {};
    location.hash.slice(1).split("&").forEach(function (part) {
      var kv = part.split("=");
      if (kv[0]) { out[decodeURIComponent(kv[0])] = decodeURIComponent(kv[1] || ""); }
    });
    return out;
  }

  function defaultFreq(summary) {
    if (!summary || !summary.first_date || !summary.last_date) { return "week"; }
    var days = (Date.parse(summary.last_date) - Date.parse(summary.first_date)) / 86400000;
    return days <= 90 ? "day" : (days <= 1100 ? "week" : "month");
  }

  function start() {
    setupSearch("actor-a", "suggest-a");
    setupSearch("actor-b", "suggest-b");
    $("dyad-form").addEventListener("submit", onSubmit);
    $("article-close").addEventListener("click", function () { $("article-panel").hidden = true; });
    $("network-all").addEventListener("click", function () { loadNetwork(); });
    $("network-by").addEventListener("change", function () {
      state.networkPick = [];
      var w = state.networkWindow || {};
      loadNetwork(w.since, w.until);
    });
    var resizeTimer = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () { drawSeries(); drawNetwork(); }, 150);
    });
    refreshStatus(true).then(function (summary) {
      var hash = readHash();
      $("freq").value = hash.freq || defaultFreq(summary);
      $("since").value = hash.since || "";
      $("until").value = hash.until || "";
      readForm();
      loadNetwork();
      return loadDyads().then(function (dyads) {
        if (hash.a && hash.b) { return showDyad(hash.a, hash.b); }
        return firstCountryDyad(dyads);
      });
    });
    setInterval(function () { refreshStatus(false); }, 4000);
  }

  /* With no dyad in the URL, open the busiest pair of countries. */
  function firstCountryDyad() {
    return api("dyads", { top: 1, by: "country" }).then(function (body) {
      var d = body.dyads[0];
      if (d && !state.a) { return showDyad(d.actor_a, d.actor_b); }  /* unless one was picked */
      return null;
    }).catch(function () { return null; });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
