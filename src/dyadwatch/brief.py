"""The morning brief: the dyads to look at, a small chart each, the evidence, the forecast.

One self-contained file (HTML with inline CSS and inline SVG, no script, no request to
anywhere), or Markdown, or an Atom feed with stable entry ids, or JSON. Every piece of
text goes through jinja2 autoescaping (HTML) or the XML writer (Atom).
"""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from dyadwatch import __version__

if TYPE_CHECKING:
    from dyadwatch.analysis.alerts import Alert
    from dyadwatch.early_warning import AlertResult

ATOM_NS = "http://www.w3.org/2005/Atom"
ID_NAMESPACE = uuid.UUID("6f1e2b0a-3c1d-5e7f-9a8b-2d4c6e8f0a1b")

_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>dyadwatch brief: {{ r.period_start }} to {{ r.period_end }}</title>
<style>
body{font:15px/1.5 Georgia,serif;margin:2em auto;max-width:820px;color:#222;padding:0 1em}
h1{font:600 1.7em system-ui,sans-serif;margin:0} .meta{color:#666;font:13px system-ui,sans-serif}
h2{font:600 1.2em system-ui,sans-serif;margin:1.8em 0 .3em;border-top:1px solid #ddd;
padding-top:.8em}
.why{margin:.2em 0 .5em 1.2em;padding:0} .why li{margin:.1em 0}
blockquote{margin:.4em 0 .4em 1em;padding-left:.8em;border-left:3px solid #c2452d;color:#333}
.src{color:#666;font-size:13px} .chart{float:right;margin:0 0 .5em 1em}
.fc{font:13px system-ui,sans-serif;background:#f6f6f3;padding:.5em .8em;clear:both}
.note{background:#fff6dc;padding:.4em .8em;font:13px system-ui,sans-serif}
table{border-collapse:collapse;font:13px system-ui,sans-serif} td,th{padding:2px 8px;
border-bottom:1px solid #eee;text-align:left}
</style></head><body>
<h1>Dyads to look at</h1>
<p class="meta">{{ r.freq }} of {{ r.period_start }} to {{ r.period_end }} · as of {{ r.as_of }} ·
{{ r.articles_latest }} articles coded this {{ r.freq }} ({{ r.articles_baseline }} in the
{{ r.baseline_periods }} {{ r.freq }}s of the baseline) · pairs by {{ r.by }} · database
{{ r.db }} · dyadwatch {{ version }}</p>
{% if r.note %}<p class="note">Note: {{ r.note }}.</p>{% endif %}
{% if not alerts %}<p>No dyad turned this {{ r.freq }}.</p>{% endif %}
{% for a in alerts %}
<h2>{{ loop.index }}. {{ a.actor_a }} – {{ a.actor_b }}</h2>
<div class="chart">{{ charts[a.alert_id] }}</div>
<p class="meta">score {{ '%.2f'|format(a.score) }} · {{ a.events }} events ·
net Goldstein {{ '%+.2f'|format(a.net_goldstein_per_article) }} per article against a
baseline of {{ '%+.2f'|format(a.baseline_mean) }} ± {{ '%.2f'|format(a.baseline_sd) }}</p>
<ul class="why">{% for w in a.why %}<li>{{ w }}</li>{% endfor %}</ul>
{% for e in a.evidence %}<blockquote>“{{ e.sentence }}”<br><span class="src">{{ e.date }} ·
{{ e.source }} → {{ e.target }} · CAMEO {{ e.cameo }} ({{ e.goldstein }}) ·
{% if e.url %}<a href="{{ e.url }}">{{ e.publisher or e.article_id }}</a>{% else %}{{
e.publisher or e.article_id }}{% endif %}{% if e.title %} · {{ e.title }}{% endif %}</span>
</blockquote>{% endfor %}
{% set f = forecasts.get(a.alert_id) %}
{% if f is mapping %}<div class="fc"><b>Next {{ f.freq }} ({{ f.period }})</b>, from {{ f.data }}:
{% for d in f.directions %}<br>{{ d.source }} → {{ d.target }}: P(material conflict)
{{ '%.0f'|format(100 * d.probability) }}%{% if d.calibration.n %} (in the backtest, forecasts
of {{ d.calibration.bin }} came true {{ '%.0f'|format(100 * d.calibration.observed) }}% of
{{ d.calibration.n }} times){% else %} (no backtest forecast in that range){% endif %}
{%- if d.net_goldstein %}; expected net Goldstein
{{ '%+.1f'|format(d.net_goldstein.expected) }} (80% interval
{{ '%+.1f'|format(d.net_goldstein.low) }} to {{ '%+.1f'|format(d.net_goldstein.high) }})
{%- endif %}{% endfor %}
<br>Track record over {{ f.track_record.origins|length }} earlier {{ f.freq }}s:
{% for s in f.track_record.scores %}{{ s.forecaster }} Brier {{ '%.3f'|format(s.brier) }}
{%- if s.aupr is not none %}, AUPR {{ '%.3f'|format(s.aupr) }}{% endif %}
{{- '; ' if not loop.last }}{% endfor %}.
</div>{% elif f %}<div class="fc">No forecast: {{ f }}</div>{% endif %}
{% endfor %}
<p class="meta">How alerts fire: docs/alerts.md. Counts are per article coded in each period.
Forecasts: docs/forecasting.md.</p>
</body></html>
"""

_ENV = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)


# ---- chart --------------------------------------------------------------------------------


def sparkline_svg(alert: Alert, width: int = 240, height: int = 90) -> str:
    """Bars of net Goldstein per article per period (latest in red), the baseline mean as a
    dashed line; an inline <svg> with a text alternative."""
    values = [v for _, v in alert.series]
    known = [v for v in values if v is not None] + [alert.baseline_mean, 0.0]
    top, bottom = max(max(known), 0.5), min(min(known), -0.5)
    span = top - bottom
    step = width / max(len(values), 1)

    def y(v: float) -> float:
        return round((top - v) / span * (height - 14) + 2, 1)

    bars = []
    for i, (label, v) in enumerate(alert.series):
        if v is None:
            continue
        colour = "#c2452d" if i == len(values) - 1 else ("#8aa9cf" if v >= 0 else "#d9a79f")
        y0, y1 = sorted((y(0.0), y(v)))
        bars.append(f'<rect x="{i * step + 1:.1f}" y="{y0}" width="{step - 2:.1f}" '
                    f'height="{max(y1 - y0, 0.8):.1f}" fill="{colour}"><title>{label}: '
                    f'{v:+.2f}</title></rect>')
    mean = y(alert.baseline_mean)
    text = (f"Net Goldstein per article, {alert.actor_a}–{alert.actor_b}: latest "
            f"{alert.net_goldstein_per_article:+.2f}, baseline {alert.baseline_mean:+.2f}")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="0 0 {width} {height}" role="img" aria-label="{_attr(text)}">'
            f'<line x1="0" x2="{width}" y1="{y(0.0)}" y2="{y(0.0)}" stroke="#888" '
            f'stroke-width="0.6"/>{"".join(bars)}<line x1="0" x2="{width}" y1="{mean}" '
            f'y2="{mean}" stroke="#333" stroke-dasharray="3 2" stroke-width="0.8"/>'
            f'<text x="2" y="{height - 1}" font-size="9" font-family="sans-serif" '
            f'fill="#555">{alert.series[0][0] if alert.series else ""} → '
            f'{alert.period_start}</text></svg>')


def _attr(text: str) -> str:
    return (text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
            .replace(">", "&gt;"))


# ---- renderers --------------------------------------------------------------------------------


def render_html(result: AlertResult, forecasts: dict[str, Any] | None = None) -> str:
    """The brief as one self-contained HTML page."""
    charts = {a.alert_id: Markup(sparkline_svg(a)) for a in result.alerts}
    return _ENV.from_string(_HTML).render(
        r=result.record(), alerts=result.alerts, charts=charts, forecasts=forecasts or {},
        version=__version__)


def render_markdown(result: AlertResult, forecasts: dict[str, Any] | None = None) -> str:
    """The brief as Markdown (charts as a row of per-period values)."""
    r = result.record()
    lines = [f"# Dyads to look at: {r['freq']} of {r['period_start']} to "
             f"{r['period_end']}", "",
             f"As of {r['as_of']}; {r['articles_latest']} articles coded this {r['freq']}, "
             f"{r['articles_baseline']} in the {r['baseline_periods']} {r['freq']}s before; "
             f"pairs by {r['by']}; database {r['db']}.", ""]
    if r["note"]:
        lines += [f"> Note: {r['note']}.", ""]
    if not result.alerts:
        lines.append(f"No dyad turned this {r['freq']}.")
    for rank, alert in enumerate(result.alerts, start=1):
        lines += _markdown_alert(rank, alert, (forecasts or {}).get(alert.alert_id))
    return "\n".join(lines) + "\n"


def _markdown_alert(rank: int, alert: Alert, forecast: Any) -> list[str]:
    values = " ".join("·" if v is None else f"{v:+.1f}" for _, v in alert.series)
    lines = [f"## {rank}. {alert.actor_a} – {alert.actor_b}", "",
             f"Score {alert.score:.2f}; {alert.events} events; net Goldstein "
             f"{alert.net_goldstein_per_article:+.2f} per article against "
             f"{alert.baseline_mean:+.2f} ± {alert.baseline_sd:.2f}.", "",
             f"Net Goldstein per article, oldest to latest: `{values}`", ""]
    lines += [f"- {why}" for why in alert.why] + [""]
    for e in alert.evidence:
        where = f"[{e['publisher'] or e['article_id']}]({e['url']})" if e["url"] else (
            e["publisher"] or e["article_id"])
        lines += [f"> “{e['sentence']}”", ">", f"> {e['date']}, {e['source']} → {e['target']}, "
                  f"CAMEO {e['cameo']}, {where}", ""]
    if isinstance(forecast, dict):
        lines += [f"Forecast for the {forecast['freq']} of {forecast['period']}, from "
                  f"{forecast['data']}:", ""]
        lines += [f"- {_markdown_direction(d)}" for d in forecast["directions"]]
        track = "; ".join(f"{s['forecaster']} Brier {s['brier']:.3f}"
                          + (f", AUPR {s['aupr']:.3f}" if s["aupr"] is not None else "")
                          for s in forecast["track_record"]["scores"])
        lines += [f"- track record over {len(forecast['track_record']['origins'])} earlier "
                  f"{forecast['freq']}s: {track}", ""]
    elif forecast:
        lines += [f"No forecast: {forecast}", ""]
    return lines


def _markdown_direction(d: dict[str, Any]) -> str:
    cal = d["calibration"]
    text = f"{d['source']} → {d['target']}: P(material conflict) {d['probability']:.0%}"
    if cal["n"]:
        text += (f" (backtest forecasts of {cal['bin']} came true {cal['observed']:.0%} of "
                 f"{cal['n']} times)")
    gold = d["net_goldstein"]
    if gold:
        text += (f"; expected net Goldstein {gold['expected']:+.1f} (80% interval "
                 f"{gold['low']:+.1f} to {gold['high']:+.1f})")
    return text


def entry_id(alert: Alert, by: str) -> str:
    """A stable id: the same dyad, period, frequency and pairing give the same id."""
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, f'{by}:{alert.alert_id}')}"


def render_atom(result: AlertResult, base_url: str = "http://127.0.0.1:8000") -> str:
    """The alerts as an Atom 1.0 feed (RFC 4287): feed and entry id, title, updated,
    author, link; entry content is the reasons and the evidence as text."""
    r = result.record()
    updated = f"{r['as_of']}T00:00:00Z"
    ET.register_namespace("", ATOM_NS)
    feed = ET.Element(f"{{{ATOM_NS}}}feed")
    _sub(feed, "id", f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, 'feed:' + r['db'] + r['by'])}")
    _sub(feed, "title", f"dyadwatch alerts ({r['freq']}, by {r['by']})")
    _sub(feed, "updated", updated)
    author = _sub(feed, "author")
    _sub(author, "name", "dyadwatch")
    ET.SubElement(feed, f"{{{ATOM_NS}}}link", rel="self", href=f"{base_url}/alerts.atom")
    _sub(feed, "generator", "dyadwatch").set("version", __version__)
    for alert in result.alerts:
        entry = _sub(feed, "entry")
        _sub(entry, "id", entry_id(alert, r["by"]))
        _sub(entry, "title", f"{alert.actor_a} – {alert.actor_b}: "
                             f"{', '.join(t.replace('_', ' ') for t in alert.triggers)}")
        _sub(entry, "updated", updated)
        ET.SubElement(entry, f"{{{ATOM_NS}}}link", rel="alternate",
                      href=f"{base_url}/#a={alert.actor_a}&b={alert.actor_b}&freq={r['freq']}")
        _sub(entry, "summary", "; ".join(alert.why))
        _sub(entry, "content", _entry_text(alert)).set("type", "text")
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _sub(parent: ET.Element, name: str, text: str | None = None) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM_NS}}}{name}")
    if text is not None:
        element.text = text
    return element


def _entry_text(alert: Alert) -> str:
    parts = [f"{alert.period_start} to {alert.period_end}: {alert.events} events, score "
             f"{alert.score:.2f}.", *alert.why]
    parts += [f"“{e['sentence']}” ({e['date']}, {e['publisher'] or e['article_id']}"
              f"{', ' + str(e['url']) if e['url'] else ''})" for e in alert.evidence]
    return "\n".join(parts)


def write_brief(result: AlertResult, path: Path, forecasts: dict[str, Any] | None = None) -> None:
    """Write the brief in the format the file's extension names (.html, .md, .atom, .json)."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        text = render_html(result, forecasts)
    elif suffix == ".md":
        text = render_markdown(result, forecasts)
    elif suffix in (".atom", ".xml"):
        text = render_atom(result)
    else:
        record = result.record() | {"forecasts": forecasts or {}}
        text = json.dumps(record, ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")
