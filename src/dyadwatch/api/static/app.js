/* dyadwatch dashboard: talks to /api/, draws with DWCharts. No framework, no network beyond the app.
 *
 * The URL fragment is the view: every choice (dyad, period, dates, filters, selected point,
 * page, event) is written to it, and the page draws whatever the fragment says, so back and
 * forward, bookmarks and pasted links all work. When everything a fragment asked for is drawn,
 * <body data-loaded> holds that fragment (tests wait on it, never on time).
 */
(function () {
  "use strict";

  var C = window.DWCharts;
  var PAGE = 20;
  var VIEW_KEYS = ["a", "b", "freq", "since", "until", "root", "quad", "period", "dir", "page", "event"];
  var state = { view: {}, dyadKey: null, series: null, episodes: [], version: null, userActed: false,
    seq: 0, networkPick: [], network: null, networkWindow: {} };
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
            err.code = (/^(E\d{3}):/.exec(err.message) || [])[1] || null;
            throw err;
          }
          return body;
        });
    });
  }

  function fmt(v) { return v === null || v === undefined ? "–" : C.round1(v); }

  function say(message) {
    $("form-message").textContent = message || "";
    $("form-message").hidden = !message;
  }

  /* A refusal in words for people: no API paths, no command-line options. */
  function inWords(err, view) {
    if (err.code === "E708") {
      var name = [view.a, view.b].filter(function (x) { return x && err.message.indexOf("'" + x + "'") >= 0; })[0] ||
        (/'([^']*)'/.exec(err.message) || [])[1] || "one of the actors";
      return "No event involves “" + name.replace(/^=|\*$/g, "") + "”. Type part of a name or a " +
        "code (for example Iran or USA) and pick one of the suggestions.";
    }
    if (err.code === "E702") {
      return "No events between " + view.a + " and " + view.b + " in the chosen dates.";
    }
    if (err.code === "E704" || err.code === "E701") {
      return "Those dates or actors are not valid: give both actors, and dates with “From” on or " +
        "before “To”.";
    }
    if (err.status === 503) { return "The database is busy or not there yet; this view is drawn again as soon as it can be read."; }
    return "Something went wrong (" + err.message + ").";
  }

  /* ---- the view in the URL fragment -------------------------------------------------------- */

  function readHash() {
    var out = {};
    location.hash.slice(1).split("&").forEach(function (part) {
      var kv = part.split("=");
      if (kv[0] && VIEW_KEYS.indexOf(decodeURIComponent(kv[0])) >= 0) {
        out[decodeURIComponent(kv[0])] = decodeURIComponent((kv[1] || "").replace(/\+/g, " "));
      }
    });
    return out;
  }

  function viewHash(view) {
    var ordered = {};
    VIEW_KEYS.forEach(function (k) { ordered[k] = view[k]; });
    if (ordered.page === "1" || ordered.page === 1) { ordered.page = ""; }
    return query(ordered);
  }

  /* Show ``view``: a new history entry (back returns here) unless ``replace``. */
  function go(view, replace) {
    var hash = viewHash(view);
    if (location.hash.slice(1) === hash) { return applyHash(); }
    if (replace) {
      history.replaceState(null, "", "#" + hash);
      return applyHash();
    }
    location.hash = hash;  /* the hashchange listener draws it */
    return null;
  }

  function change(patch) { go(Object.assign({}, state.view, patch)); }

  function done(hash) {
    if (location.hash.slice(1) === hash) { document.body.dataset.loaded = hash; }
  }

  function applyHash() {
    var view = readHash(), hash = location.hash.slice(1);
    state.view = view;
    writeForm(view);
    say("");
    if (view.since && view.until && view.since > view.until) {
      clearDyad("Pick dates with “From” on or before “To”.");
      say("“From” (" + view.since + ") is after “To” (" + view.until + "): pick dates with “From” " +
        "on or before “To”.");
      done(hash);
      return Promise.resolve();
    }
    if (!view.a || !view.b) {
      clearDyad("Pick two actors (or a row of the dyad table) to see how they treat each other over time.");
      done(hash);
      return Promise.resolve();
    }
    var seq = ++state.seq;
    return loadDyad(view).then(function () {
      if (seq !== state.seq) { return null; }
      return loadEvents(view);
    }).then(function () {
      if (seq === state.seq) { done(hash); }
    }, function (err) {
      if (seq !== state.seq) { return; }
      clearDyad(inWords(err, view));
      say(inWords(err, view));
      done(hash);
    });
  }

  function writeForm(view) {
    var a = $("actor-a"), b = $("actor-b");
    if (view.a) { a.value = view.a; a.dataset.code = view.a; }
    if (view.b) { b.value = view.b; b.dataset.code = view.b; }
    $("freq").value = view.freq || $("freq").value;
    $("since").value = view.since || "";
    $("until").value = view.until || "";
    $("root").value = view.root || "";
    $("quad").value = view.quad || "";
  }

  /* ---- status and live refresh ------------------------------------------------------ */

  function refreshStatus(first) {
    return api("health").then(function (body) {
      var db = body.database;
      if (!db.ready) {
        state.missing = true;
        $("status").textContent = /^E705/.test(db.error || "") ?
          "No data yet: " + db.path + " is not there; this page fills in once articles are coded into it." :
          "No data yet: the database cannot be read just now; trying again every few seconds.";
        return null;
      }
      if (state.missing) { state.missing = false; if (!first) { reloadAll(); } }
      var ev = db.events;
      var when = new Date(db.snapshot.taken_at).toLocaleTimeString();
      $("status").textContent = C.count(ev.events, "event") + " · " + C.count(ev.articles, "article") + " · " +
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
    loadNetwork(state.networkWindow.since, state.networkWindow.until);
    state.dyadKey = null;
    applyHash();
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
          el("span", { className: "count", text: item.events ? C.count(item.events, "event") : "no events" })
        ]);
        li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(item); });
        li.addEventListener("mouseenter", function () { highlight(i); });
        list.appendChild(li);
      });
      list.hidden = actors.length === 0;
      input.setAttribute("aria-expanded", actors.length ? "true" : "false");
    }
    input.addEventListener("input", function () {
      state.userActed = true;
      delete input.dataset.code;
      clearTimeout(timer);
      var q = input.value.trim();
      if (!q) { close(); return; }
      timer = setTimeout(function () {
        api("actors", { q: q, limit: 8 }).then(function (body) {
          if (input.value.trim() === q && document.activeElement === input) { show(body.actors); }
        }).catch(function () { close(); });
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
    if (!raw) { return Promise.reject(new Error("Give both actors: type part of a name or a code.")); }
    var bare = raw.replace(/^=|\*$/g, "");
    return api("actors", { q: bare, limit: 10 }).then(function (body) {
      var exact = body.actors.filter(function (a) { return a.code === bare.toUpperCase() && a.events > 0; });
      if (PATTERN.test(raw) && exact.length) { return raw.toUpperCase(); }
      var coded = body.actors.filter(function (a) { return a.events > 0; });
      if (coded.length) { return coded[0].code; }
      throw new Error("No event involves “" + raw + "”. Type part of a name or a code (for " +
        "example Iran or USA) and pick one of the suggestions.");
    });
  }

  /* ---- the dyad: series, quad classes, episodes ------------------------------------------- */

  function labels(view) { return { AB: view.a + " → " + view.b, BA: view.b + " → " + view.a }; }

  function drawLegend(view) {
    var legend = $("legend"), names = labels(view);
    legend.textContent = "";
    if (!view) { return; }
    ["AB", "BA"].forEach(function (dir) {
      var sample = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      sample.setAttribute("width", "28"); sample.setAttribute("height", "10");
      sample.setAttribute("aria-hidden", "true");
      var line = document.createElementNS("http://www.w3.org/2000/svg", "line");
      [["x1", 1], ["x2", 27], ["y1", 5], ["y2", 5], ["class", "key-line"],
        ["stroke-dasharray", C.dash[dir]]].forEach(function (kv) { line.setAttribute(kv[0], kv[1]); });
      sample.appendChild(line);
      legend.appendChild(el("li", { className: "key key-" + dir }, [sample, " " + names[dir] +
        (dir === "AB" ? " (solid, circles)" : " (dashed, squares)")]));
    });
  }

  function dyadKey(view) { return [view.a, view.b, view.freq, view.since, view.until].join("|"); }

  function loadDyad(view) {
    var key = dyadKey(view);
    if (state.dyadKey === key && state.series) { drawSeries(); return Promise.resolve(); }
    var params = { a: view.a, b: view.b, freq: view.freq || "week", since: view.since, until: view.until };
    var episodes = api("escalation", params).then(function (body) { return { episodes: body.episodes }; },
      function (err) {
        return { episodes: [], note: err.status === 422 ? "Too few periods for escalation episodes at this period length." :
          "Episodes unavailable: " + inWords(err, view) };
      });
    return Promise.all([api("series", params), episodes]).then(function (res) {
      state.dyadKey = key;
      state.series = res[0].series;
      state.episodes = res[1].episodes;
      $("chart-title").textContent = "Goldstein sum: " + view.a + " and " + view.b;
      drawLegend(view);
      drawSeries();
      drawEpisodes(res[1].note);
    });
  }

  function clearDyad(message) {
    state.dyadKey = null; state.series = null; state.episodes = [];
    $("chart-title").textContent = "Goldstein series";
    $("legend").textContent = "";
    $("chart").textContent = "";
    $("chart").appendChild(el("p", { className: "empty", text: message }));
    $("quad-chart").textContent = "";
    $("episodes").textContent = "";
    $("events-title").textContent = "Events";
    $("events").textContent = "";
    $("events-tools").hidden = true;
    $("article-panel").hidden = true;
  }

  function selection() {
    var v = state.view;
    return v.period ? { period: v.period, direction: v.dir || null } : null;
  }

  function drawSeries() {
    if (!state.series) { return; }
    var view = state.view, freq = view.freq || "week";
    C.seriesChart($("chart"), { series: state.series, episodes: state.episodes, freq: freq,
      labels: labels(view), selected: selection(), onPick: function (row, dir) {
        change({ period: row.period, dir: dir, page: "", event: "" });
      } });
    C.quadChart($("quad-chart"), { series: state.series, freq: freq, onPick: function (period) {
      change({ period: period, dir: "", page: "", event: "" });
    } });
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
          fmt(ep.mean_before) + " → " + fmt(ep.mean_after) + " (" + C.count(ep.events, "event") + ")"
      ]));
    });
    box.appendChild(list);
  }

  /* ---- the events of the view ------------------------------------------------------------ */

  function eventParams(view) {
    var freq = view.freq || "week";
    var since = view.period || view.since, until = view.period ? C.periodEnd(view.period, freq) : view.until;
    return { a: view.a, b: view.b, since: since, until: until, cameo_root: view.root, quad: view.quad };
  }

  function loadEvents(view) {
    var params = eventParams(view), page = Math.max(parseInt(view.page || "1", 10) || 1, 1);
    var freq = view.freq || "week";
    var where = view.period ? C.periodLabel(view.period, freq) : "all dates";
    $("events-title").textContent = "Events, " + where;
    $("events-all").hidden = !view.period;
    $("download-csv").href = "/api/timeline/download?" + query(Object.assign({ format: "csv" }, params));
    $("download-json").href = "/api/timeline/download?" + query(Object.assign({ format: "json" }, params));
    $("events-tools").hidden = false;
    if (view.period) { loadNetwork(params.since, params.until); }
    return api("timeline", Object.assign({ limit: PAGE, offset: (page - 1) * PAGE }, params)).then(function (body) {
      drawEvents(body, view, page);
    });
  }

  function drawEvents(body, view, page) {
    var box = $("events"), names = labels(view);
    box.textContent = "";
    if (!body.events.length) {
      var filtered = view.root || view.quad ? " with these filters" : "";
      box.appendChild(el("p", { className: "empty", text: "No events" + filtered + " in " +
        (view.period ? C.periodLabel(view.period, view.freq || "week") : "these dates") + "." }));
      return;
    }
    var list = el("ol", { className: "event-list", start: String((page - 1) * PAGE + 1) });
    body.events.forEach(function (ev) {
      var dir = ev.direction === names.AB.replace(" → ", "->") ? "AB" : "BA";
      list.appendChild(eventCard(ev, dir, view));
    });
    box.appendChild(list);
    box.appendChild(pager(body, page));
    if (view.event) {
      var card = document.getElementById("ev-" + view.event);
      if (card) { card.classList.add("focus"); card.scrollIntoView({ block: "nearest" }); }
    }
  }

  function pager(body, page) {
    var first = body.offset + 1, last = body.offset + body.events.length;
    var pages = Math.max(Math.ceil(body.total / PAGE), 1);
    var nav = el("nav", { className: "pager", "aria-label": "Pages of events" });
    var prev = el("button", { type: "button", className: "link-button pager-prev", text: "‹ previous" });
    var next = el("button", { type: "button", className: "link-button pager-next", text: "next ›" });
    prev.disabled = page <= 1; next.disabled = page >= pages;
    prev.addEventListener("click", function () { change({ page: String(page - 1), event: "" }); });
    next.addEventListener("click", function () { change({ page: String(page + 1), event: "" }); });
    nav.appendChild(prev);
    nav.appendChild(el("span", { className: "pager-count", text: first + "–" + last + " of " + C.count(body.total, "event") }));
    nav.appendChild(next);
    return nav;
  }

  var MOODS = { threatened: "threat", intended: "intent", reported: "reported", hypothetical: "hypothetical" };

  /* What kind of claim the event is: a deed (no badge), a threat, an intent, reported, denied. */
  function moodBadges(ev) {
    var out = [];
    if (MOODS[ev.modality]) { out.push(el("span", { className: "mood mood-" + MOODS[ev.modality], text: MOODS[ev.modality] })); }
    if (ev.negated) { out.push(el("span", { className: "mood mood-denied", text: "denied" })); }
    return out;
  }

  function eventLink(ev, view) {
    var freq = view.freq || "week";
    var period = ev.date ? C.periodStart(ev.date, freq) : "";
    return "#" + viewHash(Object.assign({}, view, { period: period, dir: "", page: "", event: ev.event_id }));
  }

  function eventCard(ev, dir, view) {
    var links = [el("button", { type: "button", className: "link-button evidence-link", text: "read in article" }),
      el("a", { href: eventLink(ev, view), className: "event-permalink", text: "link to this event" })];
    if (ev.url && /^https?:\/\//.test(ev.url)) {
      links.push(el("a", { href: ev.url, target: "_blank", rel: "noopener noreferrer", className: "source-link",
        text: ev.publisher || "source" }));
    }
    var focus = view.dir === dir;
    var head = [
      el("span", { className: "date" + (ev.date ? "" : " undated"), text: ev.date || "date unknown" }),
      el("span", { className: "actors", text: (ev.source || "?") + " → " + (ev.target || "?") }),
      el("span", { className: "cameo", text: ev.cameo + " " + (ev.event || "") })
    ].concat(moodBadges(ev)).concat([
      el("span", { className: "gold " + C.tone(ev.goldstein), title: "Goldstein value", text: fmt(ev.goldstein) })
    ]);
    var card = el("li", { className: "event dir-" + dir + (focus ? " focus" : ""), id: "ev-" + ev.event_id,
      "data-event": ev.event_id }, [
      el("div", { className: "event-head" }, head),
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
      if (mark) {
        mark.setAttribute("tabindex", "-1");
        mark.scrollIntoView({ block: "center" });  /* scrolls the text box and the page */
        mark.focus({ preventScroll: true });
      } else {
        $("article-panel").scrollIntoView({ block: "start" });
      }
      document.body.dataset.article = ev.article_id;
    }).catch(function (err) { say(inWords(err, state.view)); });
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
    var by = $("dyads-by").value;
    var window_ = { since: state.view.since, until: state.view.until };
    return api("dyads", Object.assign({ top: 15, by: by }, window_)).then(function (body) {
      var tbody = $("dyads").querySelector("tbody");
      tbody.textContent = "";
      body.dyads.forEach(function (d) {
        var conflict = d.events ? (d.verbal_conflict + d.material_conflict) / d.events : 0;
        var row = el("tr", { tabindex: "0", "data-a": d.actor_a, "data-b": d.actor_b }, [
          el("td", { text: d.actor_a }), el("td", { text: d.actor_b }),
          el("td", { className: "num", text: String(d.events) }),
          el("td", { className: "num " + C.tone(d.goldstein_mean_ab), text: fmt(d.goldstein_mean_ab) }),
          el("td", { className: "num " + C.tone(d.goldstein_mean_ba), text: fmt(d.goldstein_mean_ba) }),
          el("td", { className: "num", text: Math.round(conflict * 100) + "%" })
        ]);
        var pick = function () {
          var exact = by === "code" ? "=" : "";
          showDyad(exact + d.actor_a, exact + d.actor_b, true);
        };
        row.addEventListener("click", pick);
        row.addEventListener("keydown", function (e) { if (e.key === "Enter") { pick(); } });
        tbody.appendChild(row);
      });
      if (!body.dyads.length) { tbody.appendChild(el("tr", {}, [el("td", { colspan: "6", text: "No dyads yet." })])); }
      $("dyads").dataset.by = by;
      return body.dyads;
    }).catch(function (err) { say(inWords(err, state.view)); return []; });
  }

  function loadNetwork(since, until) {
    var from = since || state.view.since || "", to = until || state.view.until || "";
    state.networkWindow = { since: from, until: to };
    var span = from || to ? ", " + (from || "…") + " – " + (to || "…") : ", all dates";
    $("network-title").textContent = "Actor network" + span;
    $("network-all").hidden = !(since || until);
    return api("network", { since: from, until: to, top: 30, by: $("network-by").value }).then(function (body) {
      if (!body.nodes.length) {
        state.network = null;
        $("network").textContent = "";
        $("network").appendChild(el("p", { className: "empty", text: "No events in this period." }));
        return;
      }
      state.network = body;
      drawNetwork();
    }).catch(function (err) { say(inWords(err, state.view)); });
  }

  function drawNetwork() {
    if (!state.network) { return; }
    C.networkChart($("network"), { nodes: state.network.nodes, edges: state.network.edges,
      marked: state.networkPick, onPick: function (actor) {
        state.networkPick = state.networkPick.concat([actor]).slice(-2);
        if (state.networkPick.length === 2 && state.networkPick[0] !== state.networkPick[1]) {
          var pair = state.networkPick;
          state.networkPick = [];
          showDyad(pair[0], pair[1], true);
        } else {
          say("Picked " + actor + "; click a second actor.");
        }
        drawNetwork();
      } });
  }

  /* ---- form and start-up ------------------------------------------------------------------ */

  function formView() {
    return { freq: $("freq").value, since: $("since").value, until: $("until").value,
      root: $("root").value, quad: $("quad").value };
  }

  function showDyad(a, b, scroll) {
    state.userActed = true;
    var view = Object.assign(formView(), { a: a.toUpperCase(), b: b.toUpperCase() });
    if (scroll) { $("chart-panel").scrollIntoView({ block: "start" }); }
    return go(view);
  }

  function closeSuggestions() {
    Array.prototype.forEach.call(document.querySelectorAll(".suggest"), function (list) {
      list.hidden = true; list.textContent = "";
    });
  }

  function onSubmit(ev) {
    ev.preventDefault();
    state.userActed = true;
    closeSuggestions();
    var form = formView();
    if (form.since && form.until && form.since > form.until) {
      say("“From” (" + form.since + ") is after “To” (" + form.until + "): pick dates with “From” on " +
        "or before “To”.");
      return;
    }
    say("");
    Promise.all([resolveActor($("actor-a")), resolveActor($("actor-b"))]).then(function (pair) {
      go(Object.assign(form, { a: pair[0], b: pair[1] }));
      loadDyads();
    }).catch(function (err) {
      clearDyad(err.message);
      say(err.message);
      document.body.dataset.loaded = "refused";
    });
  }

  function onFilter() {
    if (state.view.a && state.view.b) { change({ root: $("root").value, quad: $("quad").value, page: "", event: "" }); }
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
    $("root").addEventListener("change", onFilter);
    $("quad").addEventListener("change", onFilter);
    $("events-all").addEventListener("click", function () { change({ period: "", dir: "", page: "", event: "" }); });
    $("article-close").addEventListener("click", function () { $("article-panel").hidden = true; });
    $("network-all").addEventListener("click", function () { loadNetwork(); });
    $("dyads-by").addEventListener("change", loadDyads);
    $("network-by").addEventListener("change", function () {
      state.networkPick = [];
      loadNetwork(state.networkWindow.since, state.networkWindow.until);
    });
    window.addEventListener("hashchange", applyHash);
    var resizeTimer = null;
    window.addEventListener("resize", function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(function () { drawSeries(); drawNetwork(); }, 150);
    });
    refreshStatus(true).then(function (summary) {
      $("freq").value = readHash().freq || defaultFreq(summary);
      loadNetwork();
      return loadDyads().then(function () {
        var hash = readHash();
        if (hash.a || hash.b || location.hash.length > 1) { return applyHash(); }
        return firstCountryDyad();
      });
    });
    setInterval(function () { refreshStatus(false); }, 4000);
  }

  /* With no view in the URL, open the busiest pair of countries (unless one was picked). */
  function firstCountryDyad() {
    return api("dyads", { top: 1, by: "country" }).then(function (body) {
      var d = body.dyads[0];
      if (state.userActed || location.hash.length > 1) { return null; }
      if (!d) { document.body.dataset.loaded = ""; return null; }
      return go(Object.assign(formView(), { a: d.actor_a, b: d.actor_b }), true);
    }).catch(function () { document.body.dataset.loaded = ""; return null; });
  }

  document.addEventListener("DOMContentLoaded", start);
})();
