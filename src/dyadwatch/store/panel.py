"""Dyad-period panels: imported tables of quad-class counts, and the same view of coded events.

An imported panel (``dyadwatch import-panel``) lives in ``panel_counts`` under its own name,
apart from the coded ``events``: commands read it only when asked with ``--panel NAME``,
and never add it to coded events. It has Goldstein sums only when the file had them.
See docs/forecasting.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from dyadwatch.errors import PanelFileError, PanelRowError, UnknownPanelError
from dyadwatch.model import Failure
from dyadwatch.store.db import transaction
from dyadwatch.store.queries import DateWindow, Filters, filter_clause

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

QUAD_COLUMNS: tuple[str, ...] = (
    "verbal_coop", "material_coop", "verbal_conflict", "material_conflict",
)
PANEL_COLUMNS: tuple[str, ...] = ("source", "target", "period", *QUAD_COLUMNS, "goldstein_sum")
PanelFreq = Literal["day", "week", "month", "year"]
By = Literal["country", "actor"]
MAX_RECORDED_ROWS = 100

# Accepted column names (compared lower-case without '_', ' ' and '-'), first match wins.
ALIASES: dict[str, tuple[str, ...]] = {
    "source": ("source", "sourcecountry", "iiso3c", "actor1countrycode", "actor1code",
               "iso3a", "country1", "i"),
    "target": ("target", "targetcountry", "jiso3c", "actor2countrycode", "actor2code",
               "iso3b", "country2", "j"),
    "period": ("period", "date", "year", "month", "week", "day"),
    "verbal_coop": ("verbalcoop", "verbcoop", "quad1", "q1"),
    "material_coop": ("materialcoop", "matlcoop", "quad2", "q2"),
    "verbal_conflict": ("verbalconflict", "verbconf", "quad3", "q3"),
    "material_conflict": ("materialconflict", "matlconf", "quad4", "q4"),
    "goldstein_sum": ("goldsteinsum", "goldstein", "goldsteinscale"),
}
_DUCKDB_UNITS: dict[str, str] = {"day": "day", "week": "week", "month": "month", "year": "year"}


@dataclass(frozen=True, slots=True)
class PanelInfo:
    name: str
    freq: str
    source_file: str
    rows: int
    has_goldstein: bool


@dataclass(frozen=True, slots=True)
class PanelRead:
    """A parsed panel file: the rows kept, the detected period, and the rows refused."""

    frame: pd.DataFrame
    freq: PanelFreq
    failures: tuple[Failure, ...]
    refused: int


def _key(name: str) -> str:
    return re.sub(r"[\s_\-]", "", name.lower())


def match_columns(columns: list[str]) -> dict[str, str]:
    """Panel field → file column, by the accepted names."""
    by_key = {_key(c): c for c in columns}
    found: dict[str, str] = {}
    for field, names in ALIASES.items():
        for name in names:
            if name in by_key:
                found[field] = by_key[name]
                break
    return found


def _require(found: dict[str, str], columns: list[str], path: str) -> None:
    missing = [f for f in ("source", "target", "period") if f not in found]
    if missing or not any(q in found for q in QUAD_COLUMNS):
        wanted = "source, target, period and at least one quad-class count"
        names = "; ".join(f"{f}: {', '.join(a)}" for f, a in ALIASES.items())
        raise PanelFileError(path=path, detail=f"needs {wanted}; columns found: "
                             f"{', '.join(columns)}; accepted names: {names}")


def detect_freq(periods: pd.Series, raw: pd.Series) -> PanelFreq:
    """year for whole years, month for first days of months, week for Mondays, else day."""
    if raw.astype(str).str.fullmatch(r"\d{4}(\.0)?").all() or (
            periods.dt.is_year_start.all() and raw.astype(str).str.len().max() <= 6):
        return "year"
    if periods.dt.is_month_start.all():
        return "month"
    if (periods.dt.dayofweek == 0).all():
        return "week"
    return "day"


def _parse_periods(raw: pd.Series) -> pd.Series:
    import pandas as pd

    text = raw.astype(str).str.strip().str.replace(r"^(\d{4})\.0$", r"\1", regex=True)
    years = text.str.fullmatch(r"\d{4}")
    parsed = pd.to_datetime(text.where(~years, text + "-01-01"), errors="coerce",
                            format="mixed")
    return parsed


def read_panel_file(path: str | Path) -> PanelRead:
    """Read a CSV (optionally .gz) dyad-period table; bad rows become PanelRowError failures.

    1. read and match columns; 2. parse periods and counts; 3. refuse bad rows.
    """
    import pandas as pd

    label = str(path)
    # 1.
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, UnicodeDecodeError) as e:
        raise PanelFileError(path=label, detail=str(e)[:300]) from e
    columns = [str(c) for c in raw.columns]
    found = match_columns(columns)
    _require(found, columns, label)
    # 2.
    frame = pd.DataFrame({
        "source": raw[found["source"]].str.strip().str.upper(),
        "target": raw[found["target"]].str.strip().str.upper(),
        "period": _parse_periods(raw[found["period"]]),
    })
    problems = pd.Series("", index=raw.index)
    problems = problems.mask(frame["source"].eq("") | frame["target"].eq(""),
                             "no source or target")
    problems = problems.mask(frame["period"].isna() & problems.eq(""),
                             "the period is not a year or a date")
    for field in (*QUAD_COLUMNS, "goldstein_sum"):
        values = (pd.to_numeric(raw[found[field]], errors="coerce") if field in found
                  else pd.Series(0.0 if field != "goldstein_sum" else float("nan"),
                                 index=raw.index))
        frame[field] = values
        if field in QUAD_COLUMNS:
            bad = values.isna() | (values < 0)
            problems = problems.mask(bad & problems.eq(""), f"{field} is not a count >= 0")
    # 3.
    refused = problems.ne("")
    failures = tuple(
        Failure(PanelRowError.code, f"{label}:{i + 2}",
                str(PanelRowError(path=label, line=i + 2, detail=problems[i])))
        for i in problems.index[refused][:MAX_RECORDED_ROWS]
    )
    kept = frame[~refused].reset_index(drop=True)
    if kept.empty:
        raise PanelFileError(path=label, detail="no row could be read")
    freq = detect_freq(kept["period"], raw.loc[~refused, found["period"]])
    return PanelRead(kept[list(PANEL_COLUMNS)], freq, failures, int(refused.sum()))


def store_panel(conn: duckdb.DuckDBPyConnection, name: str, read: PanelRead, source_file: str,
                run_id: int | None = None) -> int:
    """Replace panel ``name`` with the rows read (same rows summed); returns rows stored."""
    frame = read.frame.groupby(["source", "target", "period"], as_index=False).sum(min_count=1)
    frame.insert(0, "panel", name)
    has_gold = bool(frame["goldstein_sum"].notna().any())
    with transaction(conn):
        conn.execute("DELETE FROM panel_counts WHERE panel = ?", [name])
        conn.execute("DELETE FROM panels WHERE panel = ?", [name])
        conn.register("_panel_rows", frame)
        try:
            conn.execute("INSERT INTO panel_counts SELECT panel, source, target, "
                         "CAST(period AS DATE), verbal_coop, material_coop, verbal_conflict, "
                         "material_conflict, goldstein_sum FROM _panel_rows")
        finally:
            conn.unregister("_panel_rows")
        conn.execute("INSERT INTO panels VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [name, read.freq, source_file, datetime.now(UTC).replace(tzinfo=None),
                      len(frame), has_gold, run_id])
    return len(frame)


def list_panels(conn: duckdb.DuckDBPyConnection) -> list[PanelInfo]:
    """The imported panels, by name."""
    rows = conn.execute("SELECT panel, freq, source_file, n_rows, has_goldstein FROM panels "
                        "ORDER BY panel").fetchall()
    return [PanelInfo(str(n), str(f), str(s), int(r), bool(g)) for n, f, s, r, g in rows]


def panel_info(conn: duckdb.DuckDBPyConnection, name: str, path: str = "") -> PanelInfo:
    """The panel named ``name`` (UnknownPanelError lists the others)."""
    panels = list_panels(conn)
    for info in panels:
        if info.name == name:
            return info
    known = ", ".join(p.name for p in panels) or "none"
    raise UnknownPanelError(path=path, name=name, known=known)


def imported_panel(conn: duckdb.DuckDBPyConnection, name: str, path: str = "") -> pd.DataFrame:
    """The rows of imported panel ``name`` (PANEL_COLUMNS; period as datetime64)."""
    import pandas as pd

    info = panel_info(conn, name, path)
    frame = conn.execute(
        "SELECT source, target, period, verbal_coop, material_coop, verbal_conflict, "
        "material_conflict, goldstein_sum FROM panel_counts WHERE panel = ? "
        "ORDER BY source, target, period", [name]).df()
    frame["period"] = pd.to_datetime(frame["period"])
    if not info.has_goldstein:
        frame["goldstein_sum"] = float("nan")
    return frame


def coded_panel(conn: duckdb.DuckDBPyConnection, freq: PanelFreq, by: By = "country",
                until: str | None = None, filters: Filters | None = None) -> pd.DataFrame:
    """Coded events as a dyad-period panel: directed pairs by country (or actor code),
    quad-class counts and Goldstein sums per period; dyadic events that pass ``filters``
    only (as every dyad analysis), self-pairs and undated events left out.
    """
    import pandas as pd

    src, tgt = (("source_country", "target_country") if by == "country"
                else ("source", "target"))
    params: list[Any] = [_DUCKDB_UNITS[freq]]
    until_sql = ""
    if until:
        until_sql = " AND date <= CAST(? AS DATE)"
        params.append(until)
    chosen = filter_clause(filters or DateWindow(), params)
    quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {i}) AS {q}"
                      for i, q in enumerate(QUAD_COLUMNS, start=1))
    sql = (f"SELECT {src} AS source, {tgt} AS target, date_trunc(?, date) AS period, {quads}, "
           "sum(goldstein) AS goldstein_sum FROM events e "
           f"WHERE date IS NOT NULL AND {src} IS NOT NULL AND {tgt} IS NOT NULL "
           f"AND {src} <> {tgt}{until_sql} AND e.dyadic{chosen} "
           "GROUP BY ALL ORDER BY source, target, period")
    frame = conn.execute(sql, params).df()
    frame["period"] = pd.to_datetime(frame["period"])
    frame[list(QUAD_COLUMNS)] = frame[list(QUAD_COLUMNS)].astype("float64")
    frame["goldstein_sum"] = frame["goldstein_sum"].fillna(0.0).astype("float64")
    return frame[list(PANEL_COLUMNS)]


def period_grid(start: pd.Timestamp, end: pd.Timestamp, freq: PanelFreq) -> pd.DatetimeIndex:
    """Every period start from the one holding ``start`` to the one holding ``end``."""
    import pandas as pd

    codes = {"day": "D", "week": "W-SUN", "month": "M", "year": "Y"}
    return pd.period_range(start, end, freq=codes[freq]).start_time


def finish_import(conn: duckdb.DuckDBPyConnection, run_id: int, refused: int) -> None:
    """Close the import's run row with the number of rows refused."""
    conn.execute("UPDATE runs SET finished_at = ?, status = 'finished', failures = ? "
                 "WHERE run_id = ?", [datetime.now(UTC).replace(tzinfo=None), refused, run_id])
