"""One colour meaning per page: colour says hostility (red conflict, blue cooperation), never
direction, and the dashboard and the HTML report use the same colours."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from dyadwatch.analysis import figures
from dyadwatch.report import _TEMPLATE

STATIC = Path(__file__).resolve().parents[2] / "src" / "dyadwatch" / "api" / "static"
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
HIGHLIGHT = "#ffe58f"  # a selection or the evidence sentence, not a value


def _css_vars(text: str) -> dict[str, str]:
    return {name: value.lower() for name, value in
            re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})\s*;", text)}


def _long(colour: str) -> str:
    colour = colour.lower()
    return "#" + "".join(c * 2 for c in colour[1:]) if len(colour) == 4 else colour


def _is_grey(colour: str) -> bool:
    """Greys, slates and near-whites: little chroma, so no hue that could mean something."""
    channels = [int(_long(colour)[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return max(channels) - min(channels) < 0.15


DASHBOARD = _css_vars((STATIC / "app.css").read_text(encoding="utf-8"))
HOSTILITY = {DASHBOARD[name] for name in (
    "conflict", "cooperation", "conflict-bg", "cooperation-bg", "esc", "deesc",
    "quad1", "quad2", "quad3", "quad4")}


@pytest.mark.issue(15)
@pytest.mark.parametrize("name", sorted(p.name for p in STATIC.iterdir()
                                         if p.suffix in {".css", ".js", ".html"}))
def test_palette_dashboard_colours_mean_hostility_only(name: str) -> None:
    text = (STATIC / name).read_text(encoding="utf-8")
    odd = {_long(c) for c in HEX.findall(text)} - HOSTILITY - {HIGHLIGHT}
    assert {c for c in odd if not _is_grey(c)} == set(), name


@pytest.mark.issue(15)
@pytest.mark.parametrize("source", ["report", "figures"])
def test_palette_report_uses_the_dashboard_colours(source: str) -> None:
    text = _TEMPLATE if source == "report" else Path(figures.__file__).read_text("utf-8")
    odd = {_long(c) for c in HEX.findall(text)} - HOSTILITY
    assert {c for c in odd if not _is_grey(c)} == set()
    assert figures.PALETTE["conflict"] == DASHBOARD["conflict"]
    assert figures.PALETTE["cooperation"] == DASHBOARD["cooperation"]
    assert figures.PALETTE["escalation"] == DASHBOARD["esc"]
    assert figures.PALETTE["de-escalation"] == DASHBOARD["deesc"]


@pytest.mark.issue(15)
@pytest.mark.parametrize("name", ["charts.js"])
def test_palette_charts_and_css_agree(name: str) -> None:
    text = (STATIC / name).read_text(encoding="utf-8")
    palette = dict(re.findall(r"(conflict|cooperation|neutral):\s*\"(#[0-9a-f]{6})\"", text))
    assert palette == {"conflict": DASHBOARD["conflict"],
                       "cooperation": DASHBOARD["cooperation"],
                       "neutral": DASHBOARD["neutral"]}
    assert (".neg{color:" + DASHBOARD["conflict"]) in _TEMPLATE
    assert (".pos{color:" + DASHBOARD["cooperation"]) in _TEMPLATE


@pytest.mark.issue(15)
def test_palette_alert_evidence_colour_follows_goldstein_sign() -> None:
    """An alert's evidence quote is red only for conflict: a cooperative sentence (an apology,
    an aid offer) beside a hostile turn must not read as hostile."""
    css = (STATIC / "alerts.css").read_text(encoding="utf-8")
    base = re.search(r"\.alert-evidence\s*\{([^}]*)\}", css)
    assert base is not None and "--conflict" not in base.group(1)
    assert re.search(r"\.alert-evidence\.conflict\s*\{[^}]*--conflict", css)
    assert re.search(r"\.alert-evidence\.cooperation\s*\{[^}]*--cooperation", css)
    script = (STATIC / "alerts.js").read_text(encoding="utf-8")
    assert "e.goldstein < 0" in script and "e.goldstein > 0" in script
