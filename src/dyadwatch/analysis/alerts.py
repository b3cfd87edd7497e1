"""Early-warning alerts: dyads whose latest period departs from their own recent baseline.

Every count is divided by the number of articles coded in its period, so a busy news week
does not look like a crisis and a partial current period is compared fairly: its rates are
per article like every other period's. A current period with no coded article yet is left
out (the last period with articles is judged instead), and the result says so.

An alert fires on any of four triggers (see docs/alerts.md):

* ``goldstein_drop``: net Goldstein per article falls at least ``z`` baseline standard
  deviations below the dyad's baseline mean; the standard deviation is floored at
  ``GOLDSTEIN_FLOOR`` points per period (about one threat) divided by the baseline's mean
  articles per period, so a quiet dyad does not fire on a single mild event;
* ``new_material_conflict``: material conflict now, none in the baseline periods;
* ``change_point``: an escalation change point (PELT, as ``dyadwatch escalation``) opens
  in the last two periods of the per-article series;
* ``first_contact``: the first event ever recorded between two states (ISO 3166
  alpha-3 codes on both sides).

Dyads are ranked by ``score``: the drop in baseline standard deviations (0 when the
series did not fall) plus 2 for new material conflict, 1 for a change point and 1 for a
first contact.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from dyadwatch.analysis.escalation import change_points
from dyadwatch.analysis.series import FREQ_CODES, Freq

DEFAULT_BASELINE = 8
DEFAULT_MIN_EVENTS = 2
DEFAULT_Z = 2.0
GOLDSTEIN_FLOOR = 5.0
WEIGHTS: dict[str, float] = {"new_material_conflict": 2.0, "change_point": 1.0,
                             "first_contact": 1.0}
EVIDENCE_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class Window:
    """The judged period and its baseline."""

    freq: Freq
    as_of: pd.Timestamp
    latest: pd.Period
    baseline: tuple[pd.Period, ...]
    complete: bool  # the latest period ends on or before as_of
    days_covered: int
    days_total: int
    note: str


@dataclass(frozen=True, slots=True)
class Alert:
    """One dyad that turned, with why, how much, and the sentences behind it."""

    alert_id: str
    actor_a: str
    actor_b: str
    period_start: str
    period_end: str
    score: float
    triggers: tuple[str, ...]
    why: tuple[str, ...]
    events: int
    articles: int
    material_conflict: int
    net_goldstein_per_article: float
    baseline_mean: float
    baseline_sd: float
    size: float  # (latest - baseline mean) / sd, negative for a turn towards conflict
    evidence: tuple[dict[str, object], ...] = field(default_factory=tuple)
    series: tuple[tuple[str, float | None], ...] = field(default_factory=tuple)


# ---- periods ---------------------------------------------------------------------------


def choose_window(articles: pd.DataFrame, as_of: pd.Timestamp, freq: Freq,
                  baseline: int = DEFAULT_BASELINE) -> Window:
    """The period to judge (the one holding ``as_of``, or the last earlier one with coded
    articles when it has none yet) and the ``baseline`` periods before it."""
    code = FREQ_CODES[freq]
    current = as_of.to_period(code)
    counts = _articles_per_period(articles, freq)
    latest, note = current, ""
    if counts.get(current, 0) == 0:
        earlier = [p for p, n in counts.items() if p < current and n > 0]
        latest = max(earlier) if earlier else current
        note = (f"the current {freq} ({current.start_time.date()}) has no coded article yet "
                f"and is left out; judging {latest.start_time.date()} instead")
    complete = latest.end_time.normalize() <= as_of
    days_total = (latest.end_time.normalize() - latest.start_time).days + 1
    days_covered = days_total if complete else (as_of - latest.start_time).days + 1
    if not complete:
        note = (f"the current {freq} is incomplete ({days_covered} of {days_total} days); its "
                "counts are per article coded so far, as every period's are")
    periods = tuple(latest - k for k in range(baseline, 0, -1))
    return Window(freq, as_of, latest, periods, complete, days_covered, days_total, note)


def _articles_per_period(articles: pd.DataFrame, freq: Freq) -> dict[pd.Period, int]:
    if articles.empty:
        return {}
    periods = articles["date"].dt.to_period(FREQ_CODES[freq])
    return {p: int(n) for p, n in articles.groupby(periods)["articles"].sum().items()}


# ---- per-dyad tables ---------------------------------------------------------------------


def dyad_periods(events: pd.DataFrame, articles: pd.DataFrame, window: Window) -> pd.DataFrame:
    """Per dyad and period of the window: events, material conflict, net Goldstein, and the
    articles coded in the period; rates per article (NaN where no article was coded)."""
    code = FREQ_CODES[window.freq]
    periods = [*window.baseline, window.latest]
    counts = _articles_per_period(articles, window.freq)
    frame = events.assign(period=events["date"].dt.to_period(code))
    frame = frame[frame["period"].isin(periods)]
    grouped = frame.groupby(["actor_a", "actor_b", "period"]).agg(
        events=("event_id", "size"),
        material_conflict=("quad_class", lambda q: int((q == 4).sum())),
        goldstein=("goldstein", "sum"),
    )
    pairs = grouped.index.droplevel("period").unique()
    index = pd.MultiIndex.from_tuples(
        [(a, b, p) for a, b in pairs for p in periods], names=["actor_a", "actor_b", "period"])
    table = grouped.reindex(index, fill_value=0).reset_index()
    table["articles"] = table["period"].map(lambda p: counts.get(p, 0))
    per = table["articles"].replace(0, np.nan)
    table["goldstein_rate"] = table["goldstein"] / per
    table["conflict_rate"] = table["material_conflict"] / per
    return table


# ---- triggers ----------------------------------------------------------------------------


def _drop(rates: pd.Series, articles: float, latest: float,
          z: float) -> tuple[float, float, float, bool]:
    base = rates.dropna()
    mean = float(base.mean()) if len(base) else 0.0
    floor = GOLDSTEIN_FLOOR / max(articles, 1.0)
    sd = max(float(base.std(ddof=1)) if len(base) > 1 else 0.0, floor)
    size = (latest - mean) / sd
    return mean, sd, size, size <= -z


def _change_point(rates: pd.Series) -> bool:
    values = rates.dropna().to_numpy(dtype="float64")
    if len(values) < 6:
        return False
    points = change_points(values)
    if not points or points[-1] < len(values) - 2:
        return False
    last = points[-1]
    return float(values[last:].mean()) < float(values[:last].mean())


def judge_dyad(rows: pd.DataFrame, window: Window, first_date: pd.Timestamp | None,
               z: float = DEFAULT_Z) -> tuple[dict[str, float], list[str], list[str]]:
    """The numbers and the fired triggers (with their reasons) of one dyad's window rows."""
    rows = rows.sort_values("period")
    now = rows[rows["period"] == window.latest].iloc[0]
    past = rows[rows["period"] != window.latest]
    latest_rate = float(now["goldstein_rate"]) if now["articles"] else 0.0
    with_articles = past[past["articles"] > 0]
    articles = float(with_articles["articles"].mean()) if len(with_articles) else 1.0
    mean, sd, size, dropped = _drop(past["goldstein_rate"], articles, latest_rate, z)
    fired, why = [], []
    if dropped:
        fired.append("goldstein_drop")
        why.append(f"net Goldstein {latest_rate:+.2f} per article against a baseline of "
                   f"{mean:+.2f} (sd {sd:.2f}): {abs(size):.1f} sd lower")
    if now["material_conflict"] > 0 and past["material_conflict"].sum() == 0:
        fired.append("new_material_conflict")
        why.append(f"{int(now['material_conflict'])} material-conflict event(s); none in the "
                   f"{len(past)} periods before")
    if _change_point(rows["goldstein_rate"]):
        fired.append("change_point")
        why.append("an escalation change point in the per-article Goldstein series")
    if (first_date is not None and first_date >= window.latest.start_time
            and is_state(str(now["actor_a"])) and is_state(str(now["actor_b"]))):
        fired.append("first_contact")
        why.append("the first event ever recorded between the two")
    numbers = {"latest": latest_rate, "mean": mean, "sd": sd, "size": size}
    return numbers, fired, why


def is_state(code: str) -> bool:
    """Whether ``code`` is a country's ISO 3166 alpha-3 code (not a role like MIL)."""
    import pycountry

    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


def score_of(size: float, fired: list[str]) -> float:
    return max(0.0, -size) + sum(WEIGHTS.get(name, 0.0) for name in fired)


# ---- evidence and ranking ------------------------------------------------------------------


def evidence(events: pd.DataFrame, n: int = EVIDENCE_SENTENCES) -> tuple[dict[str, object], ...]:
    """The ``n`` most hostile distinct sentences (most negative Goldstein, earliest first)."""
    scored = events.assign(g=events["goldstein"].fillna(0.0)).sort_values(["g", "date"])
    picked = scored.drop_duplicates("sentence").head(n)
    keys = ("date", "source", "target", "cameo", "goldstein", "sentence", "article_id", "url",
            "publisher", "title")
    out = []
    for row in picked.to_dict("records"):
        record = {key: _plain(row.get(key)) for key in keys}
        out.append(record)
    return tuple(out)


def _plain(value: object) -> object:
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, float) and np.isnan(value):
        return None
    if hasattr(value, "item"):
        return value.item()
    return value


def rank_alerts(events: pd.DataFrame, articles: pd.DataFrame, first_dates: pd.DataFrame,
                window: Window, min_events: int = DEFAULT_MIN_EVENTS, z: float = DEFAULT_Z,
                top: int | None = None) -> list[Alert]:
    """Alerts for every dyad with at least ``min_events`` events in the judged period,
    highest score first (ties: more events, then by name)."""
    table = dyad_periods(events, articles, window)
    firsts = {(a, b): d for a, b, d in first_dates.itertuples(index=False)}
    latest_events = events[events["date"].dt.to_period(FREQ_CODES[window.freq]) == window.latest]
    alerts = []
    for (a, b), rows in table.groupby(["actor_a", "actor_b"]):
        now = rows[rows["period"] == window.latest]
        if now.empty or int(now["events"].iloc[0]) < min_events:
            continue
        numbers, fired, why = judge_dyad(rows, window, firsts.get((a, b)), z)
        if not fired:
            continue
        mine = latest_events[(latest_events["actor_a"] == a) & (latest_events["actor_b"] == b)]
        alerts.append(_alert(a, b, rows, window, numbers, fired, why, mine))
    alerts.sort(key=lambda x: (-x.score, -x.events, x.actor_a, x.actor_b))
    return alerts[:top] if top else alerts


def _alert(a: str, b: str, rows: pd.DataFrame, window: Window, numbers: dict[str, float],
           fired: list[str], why: list[str], mine: pd.DataFrame) -> Alert:
    now = rows[rows["period"] == window.latest].iloc[0]
    start = window.latest.start_time.date().isoformat()
    series = tuple((p.start_time.date().isoformat(),
                    None if pd.isna(r) else round(float(r), 4))
                   for p, r in zip(rows["period"], rows["goldstein_rate"], strict=True))
    return Alert(
        alert_id=f"{a}-{b}/{window.freq}/{start}", actor_a=a, actor_b=b, period_start=start,
        period_end=window.latest.end_time.date().isoformat(),
        score=round(score_of(numbers["size"], fired), 3), triggers=tuple(fired), why=tuple(why),
        events=int(now["events"]), articles=int(now["articles"]),
        material_conflict=int(now["material_conflict"]),
        net_goldstein_per_article=round(numbers["latest"], 4),
        baseline_mean=round(numbers["mean"], 4), baseline_sd=round(numbers["sd"], 4),
        size=round(numbers["size"], 3), evidence=evidence(mine), series=series,
    )


def alert_record(alert: Alert) -> dict[str, object]:
    """An alert as a JSON-ready dict."""
    return {name: _jsonable(getattr(alert, name)) for name in Alert.__slots__}


def _jsonable(value: object) -> object:
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    return value
