"""The evaluation gate runs in the suite: no score may fall below its floor."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def _gate():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("eval_gate", HERE / "eval_gate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.model
@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("baseline_file", ["baseline.json"])
def test_eval_gate_no_regression(shared_data: Path, baseline_file: str) -> None:
    gate = _gate()
    baseline = json.loads((HERE / baseline_file).read_text(encoding="utf-8"))
    scores = gate.measure()
    assert set(scores) >= {"conflibert", "plover", "golden"}
    assert gate.regressions(scores, baseline) == []


@pytest.mark.parametrize(
    ("score", "floor", "regressed"),
    [(0.70, 0.71, False), (0.69, 0.71, True), (0.75, 0.71, False)],
)
def test_eval_gate_epsilon(score: float, floor: float, regressed: bool) -> None:
    gate = _gate()
    baseline = {"epsilon": 0.01, "conflibert": {"macro_f1": floor}}
    assert bool(gate.regressions({"conflibert": {"macro_f1": score}}, baseline)) is regressed


@pytest.mark.parametrize(("score", "regressed"), [(0.7495, True), (0.7500, False)])
def test_eval_gate_required_minimum_has_no_epsilon(score: float, regressed: bool) -> None:
    gate = _gate()
    baseline = {"epsilon": 0.01, "plover": {"accuracy": 0.7578},
                "required": {"plover": {"accuracy": 0.75}}}
    assert bool(gate.regressions({"plover": {"accuracy": score}}, baseline)) is regressed


@pytest.mark.parametrize(("old", "new", "allow", "kept"), [(0.7, 0.6, False, 0.7),
                                                          (0.7, 0.6, True, 0.6),
                                                          (0.7, 0.8, False, 0.8)])
def test_eval_gate_update_never_lowers(old: float, new: float, allow: bool, kept: float) -> None:
    gate = _gate()
    baseline = {"epsilon": 0.01, "plover": {"accuracy": old}}
    result = gate.updated({"plover": {"accuracy": new}}, baseline, allow)
    assert result["plover"]["accuracy"] == kept
