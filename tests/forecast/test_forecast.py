"""Forecasts: features use the past only, thresholds come from training periods, the model
beats the baselines where there is signal, and too little history is a coded error."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from dyadwatch.cli import cli
from dyadwatch.early_warning import PanelData, forecast_pair, run_backtest
from dyadwatch.errors import TooLittleHistoryError, UnknownForecastDyadError
from dyadwatch.forecast import backtest as bt
from dyadwatch.forecast.features import complete_panel, dyad_thresholds
from dyadwatch.forecast.truth import cow_to_iso3
from dyadwatch.store.db import open_db
from dyadwatch.store.panel import imported_panel, read_panel_file, store_panel

STATES = ("ARN", "GON", "ROH", "DAL", "ERE", "MOR")


def signal_panel(periods: int = 16, seed: int = 3, goldstein: bool = True) -> pd.DataFrame:
    """Directed dyads where B->A hostility this period makes A->B material conflict likely
    next period (a tit-for-tat the model can learn and the baselines cannot see)."""
    rng = np.random.default_rng(seed)
    rows = []
    pairs = [(a, b) for a in STATES for b in STATES if a != b]
    provocation = {pair: rng.random(periods) < 0.3 for pair in pairs}
    for a, b in pairs:
        for t in range(periods):
            answered = t > 0 and provocation[(b, a)][t - 1]
            conflict = rng.poisson(3.0) if answered and rng.random() < 0.85 else 0
            verbal_conflict = 3 if provocation[(a, b)][t] else int(rng.poisson(0.3))
            rows.append({
                "source": a, "target": b, "period": pd.Timestamp(2000 + t, 1, 1),
                "verbal_coop": float(rng.poisson(4)), "material_coop": float(rng.poisson(1)),
                "verbal_conflict": float(verbal_conflict),
                "material_conflict": float(conflict),
                "goldstein_sum": (-5.0 * conflict - 2.0 * verbal_conflict + 1.0)
                if goldstein else float("nan"),
            })
    return pd.DataFrame(rows)


def _data(periods: int = 16, goldstein: bool = True) -> PanelData:
    return PanelData(complete_panel(signal_panel(periods, goldstein=goldstein)), "year",
                     "test panel")


@pytest.mark.issue(17)
@pytest.mark.parametrize("target", ["any", "above_median"])
def test_forecast_model_beats_baselines_on_learnable_signal(target: str) -> None:
    result = run_backtest(_data(), target, 1, count=6)  # type: ignore[arg-type]
    scores = result.scores.set_index("forecaster")
    for baseline in ("persistence", "climatology"):
        assert scores.loc["model", "brier"] < scores.loc[baseline, "brier"]
        assert scores.loc["model", "aupr"] > scores.loc[baseline, "aupr"]


@pytest.mark.issue(17)
@pytest.mark.parametrize("origin", [10])
def test_forecast_predictions_do_not_see_the_future(origin: int) -> None:
    """Changing every value from the origin period on changes no prediction at the origin
    (the outcome column aside)."""
    panel = signal_panel()
    full = complete_panel(panel)
    before = bt.origin_predictions(bt.make_design(full), "any", 1, origin)
    later = full["t"] >= origin
    changed = full.copy()
    changed.loc[later, "material_conflict"] = 40.0
    changed.loc[later, "verbal_coop"] = 0.0
    after = bt.origin_predictions(bt.make_design(changed), "any", 1, origin)
    for column in ("model", "persistence", "climatology"):
        assert np.allclose(before[column], after[column])


@pytest.mark.issue(17)
@pytest.mark.parametrize("before_t", [8])
def test_forecast_median_threshold_uses_training_periods_only(before_t: int) -> None:
    full = complete_panel(signal_panel())
    base = dyad_thresholds(full, "above_median", before_t)
    changed = full.copy()
    changed.loc[changed["t"] >= before_t, "material_conflict"] = 99.0
    assert base.equals(dyad_thresholds(changed, "above_median", before_t))


@pytest.mark.issue(17)
@pytest.mark.parametrize("periods", [6])
def test_forecast_too_little_history_says_how_much(periods: int) -> None:
    with pytest.raises(TooLittleHistoryError, match=r"E810: .*10 periods .* has 6"):
        forecast_pair(_data(periods), "ARN", "GON", 1, 6)


@pytest.mark.issue(17)
@pytest.mark.parametrize("pair", [("ARN", "ZZZ")])
def test_forecast_unknown_pair_is_coded(pair: tuple[str, str]) -> None:
    with pytest.raises(UnknownForecastDyadError, match="E812"):
        forecast_pair(_data(), *pair)


@pytest.mark.issue(17)
@pytest.mark.parametrize("goldstein", [True, False])
def test_forecast_carries_track_record_and_interval(goldstein: bool) -> None:
    forecast = forecast_pair(_data(goldstein=goldstein), "ARN", "GON", 1, 5)
    record = forecast.record()
    assert record["period"] == "2016-01-01"
    assert len(record["track_record"]["origins"]) == 5
    assert {s["forecaster"] for s in record["track_record"]["scores"]} == {
        "model", "persistence", "climatology"}
    for direction in record["directions"]:
        assert 0.0 <= direction["probability"] <= 1.0
        gold = direction["net_goldstein"]
        if goldstein:
            assert gold["low"] <= gold["expected"] <= gold["high"]
        else:
            assert gold is None


@pytest.mark.issue(17)
@pytest.mark.parametrize("codes", [{2: "USA", 255: "DEU", 365: "RUS", 679: "YEM", 652: "SYR"}])
def test_forecast_cow_codes_convert_to_iso3(codes: dict[int, str]) -> None:
    assert {c: iso for c, iso in cow_to_iso3(list(codes)).items()} == codes


# ---- imported panels ----------------------------------------------------------------------


def _panel_csv(path: Path, goldstein: bool) -> Path:
    frame = signal_panel(12, goldstein=goldstein)
    out = pd.DataFrame({
        "i_iso3c": frame["source"], "j_iso3c": frame["target"],
        "year": frame["period"].dt.year.astype(float),
        "verbCoop": frame["verbal_coop"], "matlCoop": frame["material_coop"],
        "verbConf": frame["verbal_conflict"], "matlConf": frame["material_conflict"],
    })
    if goldstein:
        out["goldstein"] = frame["goldstein_sum"]
    out["year"] = out["year"].map(lambda y: f"{y:.1f}")  # as the R conversion wrote them
    bad = pd.DataFrame([["ARN", "GON", "not a year", 1, 1, 1, 1] + ([0.0] if goldstein else [])],
                       columns=out.columns)
    pd.concat([out, bad], ignore_index=True).to_csv(path, index=False)
    return path


@pytest.mark.issue(17)
@pytest.mark.parametrize("goldstein", [False, True])
def test_forecast_import_panel_keeps_origin_apart(tmp_path: Path, goldstein: bool) -> None:
    source = _panel_csv(tmp_path / "panel.csv", goldstein)
    db = tmp_path / "p.duckdb"
    result = CliRunner().invoke(cli, ["import-panel", str(source), "--db", str(db),
                                      "--name", "ext"])
    assert result.exit_code == 0, result.output
    assert "1 rows refused" in result.output
    conn = open_db(db, read_only=True)
    frame = imported_panel(conn, "ext")
    assert conn.execute("SELECT count(*) FROM events").fetchone() == (0,)
    failures = conn.execute("SELECT code, input FROM failures").fetchall()
    conn.close()
    assert failures == [("E420", f"{source}:{len(frame) + 2}")]
    assert frame["goldstein_sum"].notna().all() == goldstein
    strict = CliRunner().invoke(cli, ["import-panel", str(source), "--db", str(db), "--strict"])
    assert strict.exit_code == 1


@pytest.mark.issue(17)
@pytest.mark.parametrize("args", [["--from", "2007-01-01", "--to", "2011-01-01"]])
def test_forecast_backtest_and_forecast_commands_on_a_panel(tmp_path: Path,
                                                            args: list[str]) -> None:
    db = tmp_path / "p.duckdb"
    conn = open_db(db)
    store_panel(conn, "ext", read_panel_file(_panel_csv(tmp_path / "x.csv", False)), "x.csv")
    conn.close()
    result = CliRunner().invoke(cli, ["backtest", "--db", str(db), "--panel", "ext", *args])
    assert result.exit_code == 0, result.output
    assert "origins 2007-01-01, 2008-01-01, 2009-01-01, 2010-01-01, 2011-01-01" in result.output
    assert "climatology" in result.output and "Reliability" in result.output
    forecast = CliRunner().invoke(cli, ["forecast", "ARN", "GON", "--db", str(db), "--panel",
                                        "ext", "--origins", "4"])
    assert forecast.exit_code == 0, forecast.output
    assert "P(material conflict)" in forecast.output
    assert "no net Goldstein forecast" in forecast.output
    assert "Track record" in forecast.output
    missing = CliRunner().invoke(cli, ["backtest", "--db", str(db), "--panel", "nope"])
    assert missing.exit_code == 1 and "E422" in missing.output


# ---- real event history (../shared/data/events) ----------------------------------------------


@pytest.mark.issue(17)
@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("countries", [40])
def test_forecast_icews_subset_beats_baselines(shared_data: Path, countries: int) -> None:
    """The ICEWS panel of the first 40 countries (alphabetically), origins 2012-2014: the
    model beats persistence and climatology on Brier and AUPR (the full run is make
    backtest; docs/forecasting.md)."""
    source = shared_data / "events" / "icews_dyad_year_2002_2014.csv.gz"
    if not source.is_file():
        pytest.skip(f"{source} is absent")
    frame = read_panel_file(source).frame
    keep = sorted(frame["source"].unique())[:countries]
    subset = frame[frame["source"].isin(keep) & frame["target"].isin(keep)]
    data = PanelData(complete_panel(subset), "year", "ICEWS subset")
    result = run_backtest(data, "any", 1, "2012-01-01", "2014-01-01")
    scores = result.scores.set_index("forecaster")
    for baseline in ("persistence", "climatology"):
        assert scores.loc["model", "brier"] < scores.loc[baseline, "brier"]
        assert scores.loc["model", "aupr"] > scores.loc[baseline, "aupr"]
