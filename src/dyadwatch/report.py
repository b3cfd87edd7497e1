"""The crisis report: one self-contained HTML page for a dyad (no network needed to view).

Charts are inline SVG; every piece of text goes through jinja2 autoescaping.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import jinja2
import pandas as pd
from markupsafe import Markup, escape

from dyadwatch import __version__
from dyadwatch.analysis import reciprocity as rec
from dyadwatch.analysis.escalation import DEFAULT_BETA, Episode
from dyadwatch.analysis.figures import reciprocity_svg, series_svg
from dyadwatch.analysis.series import Freq
from dyadwatch.errors import SeriesTooShortError

if TYPE_CHECKING:
    from dyadwatch.api_python import EventDB

_TEMPLATE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>dyadwatch: {{ a }} – {{ b }}</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;color:#222;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em} h2{margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;font-size:13px} td,th{border-bottom:1px solid #eee;
padding:4px 6px;text-align:left;vertical-align:top} th{background:#f6f6f6}
.neg{color:#b3261e} .pos{color:#1f5fa8} .meta{color:#666} .ev{max-width:520px}
svg{max-width:100%;height:auto}
</style></head><body>
<h1>{{ a }} – {{ b }}</h1>
<p class="meta">{{ n_events }} events{{ window }}, {{ adverb }} series · database {{ db }} ·
generated {{ generated }} by dyadwatch {{ version }}</p>

<h2>Conflict and cooperation over time</h2>
{{ series_svg }}
<h3>Escalation and de-escalation episodes</h3>
{% if episodes %}<table><tr><th>start</th><th>end</th><th>direction</th><th>change in level
(net Goldstein per period)</th><th>events</th><th>driving events</th></tr>
{% for e in episodes %}<tr><td>{{ e.start }}</td><td>{{ e.end }}</td><td>{{ e.direction }}</td>
<td class="{{ 'neg' if e.size < 0 else 'pos' }}">{{ '%+.2f'|format(e.size) }}
({{ '%.2f'|format(e.mean_before) }} → {{ '%.2f'|format(e.mean_after) }})</td>
<td>{{ e.events }}</td><td class="ev">{% for d in e.drivers %}
<div>{{ d.date }} {{ d.source }} → {{ d.target }} [{{ d.cameo }}, {{ d.goldstein }}]:
“{{ d.sentence }}”</div>{% endfor %}</td></tr>{% endfor %}</table>
{% elif escalation_note %}<p>{{ escalation_note }}</p>
{% else %}<p>No change in the Goldstein series was found ({{ method }}).</p>{% endif %}
<p class="meta">Change points: {{ method }}.</p>

<h2>Reciprocity: who answers whom, and how fast</h2>
{% if reciprocity %}{{ reciprocity_svg }}
<table><tr><th>responder</th><th>answers</th><th>channel</th><th>best lag</th><th>r</th>
<th>p-value</th><th>periods</th></tr>{% for r in reciprocity %}
<tr><td>{{ r.responder }}</td><td>{{ r.leader }}</td><td>{{ r.channel }}</td>
<td>{{ r.best_lag }} {{ freq }}(s)</td><td>{{ '%.2f'|format(r.r) }}</td>
<td>{{ '%.3f'|format(r.p_value) }}</td><td>{{ r.n_periods }}</td></tr>{% endfor %}</table>
<p class="meta">Lagged cross-correlation of the prewhitened directed series, one-sided
permutation test of the maximum over lags 0–{{ max_lag }} ({{ permutations }} permutations,
seed {{ seed }}). The dashed line is the 95% permutation threshold.</p>
{% else %}<p>{{ reciprocity_note }}</p>{% endif %}

<h2>Timeline</h2>
<table><tr><th>date</th><th>who → whom</th><th>event</th><th>Goldstein</th><th>evidence</th>
<th>source</th></tr>{% for t in timeline %}
<tr><td>{{ t.date or 'date unknown' }}</td><td>{{ t.source }} → {{ t.target }}</td>
<td>{{ t.cameo }} {{ t.event }}</td>
<td class="{{ 'neg' if (t.goldstein is number and t.goldstein < 0) else 'pos' }}">
{{ t.goldstein }}</td>
<td class="ev">{{ t.sentence }}</td><td>{{ link(t.url, t.publisher or t.article_id) }}</td>
</tr>{% endfor %}</table>

<h2>Sources</h2>
<table><tr><th>article</th><th>publisher</th><th>title</th><th>url</th><th>events</th></tr>
{% for s in sources %}<tr><td>{{ s.article_id }}</td><td>{{ s.publisher }}</td>
<td>{{ s.title }}</td><td>{{ link(s.url, s.url) }}</td><td>{{ s.events }}</td></tr>
{% endfor %}</table>
</body></html>
"""


def _clean(value: Any) -> Any:
    if value is None or value is pd.NaT or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


def _records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    return [{key: _clean(value) for key, value in row.items()}
            for row in frame.to_dict("records")]


def _link(url: Any, text: Any) -> Markup:
    """An <a> only for http(s) URLs; anything else is shown as escaped text."""
    label = escape(text or "")
    if isinstance(url, str) and url.startswith(("http://", "https://")):
        return Markup('<a href="{}">{}</a>').format(url, label)
    return Markup(label)


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.globals["link"] = _link
    return env


def build_report(db: EventDB, a: str, b: str, freq: Freq = "week", since: str | None = None,
                 until: str | None = None, max_lag: int = rec.DEFAULT_MAX_LAG,
                 permutations: int = rec.DEFAULT_PERMUTATIONS, seed: int = 0,
                 beta: float | None = None) -> str:
    """Render the report HTML for the dyad ``a``–``b``."""
    dyad = db.dyad(a, b, since, until)
    penalty = beta if beta is not None else DEFAULT_BETA
    series = db.series(a, b, freq, since, until)
    episodes, escalation_note = _escalation(db, a, b, freq, since, until, penalty)
    recip, note = _reciprocity(db, a, b, freq, since, until, max_lag, permutations, seed)
    events = db.dyad_events(dyad)
    context = {
        "a": dyad.a.label, "b": dyad.b.label, "n_events": len(events), "freq": freq,
        "adverb": {"day": "daily", "week": "weekly", "month": "monthly"}[freq],
        "window": dyad.window.describe(), "db": str(db.path), "version": __version__,
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "series_svg": Markup(series_svg(series, episodes, dyad.labels, freq)),
        "episodes": [_episode(e) for e in episodes], "escalation_note": escalation_note,
        "method": f"PELT, l2 cost, penalty {penalty:g}·σ²·log n, min. 2 periods",
        "reciprocity": recip, "reciprocity_note": note,
        "reciprocity_svg": Markup(reciprocity_svg(recip)) if recip else "",
        "max_lag": max_lag, "permutations": permutations, "seed": seed,
        "timeline": _records(db.timeline(a, b, since, until)),
        "sources": _records(db.sources(a, b, since, until)),
    }
    return _environment().from_string(_TEMPLATE).render(**context)


def _escalation(db: EventDB, a: str, b: str, freq: Freq, since: str | None,
                until: str | None, penalty: float) -> tuple[list[Episode], str]:
    try:
        return db.escalation_result(a, b, freq, since, until, beta=penalty).episodes, ""
    except SeriesTooShortError as e:
        return [], f"Not computed: {e.message}"


def _reciprocity(db: EventDB, a: str, b: str, freq: Freq, since: str | None,
                 until: str | None, max_lag: int, permutations: int,
                 seed: int) -> tuple[list[rec.Reciprocity], str]:
    try:
        return db.reciprocity_results(a, b, freq, since, until, max_lag, permutations, seed), ""
    except SeriesTooShortError as e:
        return [], f"Not computed: {e.message}"


def _episode(episode: Episode) -> dict[str, Any]:
    return {
        "start": episode.start.date().isoformat(), "end": episode.end.date().isoformat(),
        "direction": episode.direction, "size": episode.size,
        "mean_before": episode.mean_before, "mean_after": episode.mean_after,
        "events": episode.events, "drivers": [{k: _clean(v) for k, v in d.items()}
                                              for d in episode.drivers],
    }
