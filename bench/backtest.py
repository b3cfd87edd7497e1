"""Forecast backtests on real event history (``make backtest``; not part of ``make test``).

1. ICEWS directed dyad-years 2002-2014, imported as a panel the way `dyadwatch import-panel`
   does it: rolling origins 2008-2014, outcome "any material conflict" and "more material
   conflict than the dyad's median over the training years".
2. Militarized dispute onsets (GML MID, directed dyad-years) in 2005-2010 predicted from the
   ICEWS history of the year before, training on outcome years from 2003.

Scores (Brier, log loss, AUPR) of the model, persistence and climatology go to stdout as
Markdown and to OUT/backtest.json. Reads ../shared/data/events; exits 0 with a reason when
the data is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pandas as pd

from dyadwatch.early_warning import load_panel, run_backtest
from dyadwatch.forecast import backtest as bt
from dyadwatch.forecast.onsets import onset_columns, onset_predictions
from dyadwatch.forecast.truth import mid_onsets
from dyadwatch.store.db import open_db
from dyadwatch.store.panel import read_panel_file, store_panel

ICEWS = "icews_dyad_year_2002_2014.csv.gz"
MID = "gml_dirdisp.csv.gz"
MID_HISTORY_START = 1990
MID_FIRST_OUTCOME = 2003
MID_ORIGINS = range(2005, 2011)


def markdown(frame: pd.DataFrame, digits: int = 4) -> str:
    """A pipe table of a frame."""
    head = "| " + " | ".join(frame.columns) + " |"
    rule = "|" + "|".join("---" for _ in frame.columns) + "|"
    rows = ["| " + " | ".join(_fmt(v, digits) for v in row) + " |"
            for row in frame.itertuples(index=False)]
    return "\n".join([head, rule, *rows])


def _fmt(value: Any, digits: int) -> str:
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    if isinstance(value, pd.Timestamp):
        return str(value.year)
    return str(value)


def icews(data: Path, work: Path) -> dict[str, Any]:
    """Both ICEWS targets through an imported panel."""
    db = work / "icews.duckdb"
    conn = open_db(db)
    read = read_panel_file(data / ICEWS)
    store_panel(conn, "icews", read, str(data / ICEWS))
    panel = load_panel(conn, "icews", "year", "country", str(db))
    conn.close()
    out: dict[str, Any] = {"rows": len(read.frame), "refused": read.refused}
    for target in ("any", "above_median"):
        started = time.monotonic()
        result = run_backtest(panel, target, 1, "2008-01-01", "2014-01-01")  # type: ignore[arg-type]
        out[target] = {"scores": result.scores, "by_origin": result.by_origin,
                       "reliability": result.reliability,
                       "seconds": round(time.monotonic() - started, 1)}
    return out


def mids(data: Path, work: Path) -> dict[str, Any]:
    """Next-year dispute onset from the ICEWS panel of the year before."""
    read = read_panel_file(data / ICEWS)
    from dyadwatch.forecast.features import complete_panel

    full = complete_panel(read.frame)
    design = bt.make_design(full)
    onsets = mid_onsets(data / MID, MID_HISTORY_START, 2010)
    columns = onset_columns(full, onsets, MID_HISTORY_START)
    started = time.monotonic()
    predictions = pd.concat([onset_predictions(design, columns, year, MID_FIRST_OUTCOME)
                             for year in MID_ORIGINS], ignore_index=True)
    predictions["origin"] = pd.to_datetime(predictions["origin"].astype(str) + "-01-01")
    in_panel = onsets[onsets["year"].between(MID_ORIGINS.start, MID_ORIGINS.stop - 1)]
    known = set(zip(full["source"], full["target"], strict=True))
    covered = sum((s, t) in known for s, t in zip(in_panel["source"], in_panel["target"],
                                                   strict=True))
    return {"scores": bt.score_table(predictions), "by_origin": bt.scores_by_origin(predictions),
            "reliability": bt.reliability(predictions), "onsets": len(in_panel),
            "onsets_in_panel": covered, "seconds": round(time.monotonic() - started, 1)}


def report(results: dict[str, Any]) -> str:
    parts = [f"ICEWS panel: {results['icews']['rows']} dyad-years read, "
             f"{results['icews']['refused']} refused."]
    for target in ("any", "above_median"):
        item = results["icews"][target]
        parts += [f"\n### ICEWS, material conflict: {target} (origins 2008-2014, "
                  f"{item['seconds']} s)\n", markdown(item["scores"]), "",
                  markdown(item["by_origin"][["origin", "forecaster", "brier", "aupr"]]), "",
                  "Reliability of the model:", "", markdown(item["reliability"], 3)]
    item = results["mid"]
    parts += [f"\n### MID onset next year (origins {MID_ORIGINS.start}-{MID_ORIGINS.stop - 1}, "
              f"{item['onsets']} directed onsets, {item['onsets_in_panel']} between panel "
              f"countries, {item['seconds']} s)\n", markdown(item["scores"], 6), "",
              markdown(item["by_origin"][["origin", "forecaster", "brier", "aupr"]], 6), "",
              "Reliability of the model:", "", markdown(item["reliability"], 3)]
    return "\n".join(parts) + "\n"


def _jsonable(results: dict[str, Any]) -> Any:
    if isinstance(results, dict):
        return {k: _jsonable(v) for k, v in results.items()}
    if isinstance(results, pd.DataFrame):
        return json.loads(results.to_json(orient="records", date_format="iso"))
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default="../shared/data/events", type=Path)
    parser.add_argument("--out", default="out/backtest", type=Path)
    args = parser.parse_args()
    if not (args.data / ICEWS).is_file() or not (args.data / MID).is_file():
        print(f"skipped: {args.data / ICEWS} or {args.data / MID} is absent "
              "(third-party data is read from ../shared/data, never bundled)")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="dyadwatch-backtest-") as folder:
        results = {"icews": icews(args.data, Path(folder)), "mid": mids(args.data, Path(folder))}
    text = report(results)
    (args.out / "backtest.md").write_text(text, encoding="utf-8")
    (args.out / "backtest.json").write_text(json.dumps(_jsonable(results), indent=1),
                                            encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
