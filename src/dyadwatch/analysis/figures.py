"""Report figures as inline SVG strings (matplotlib object API; no pyplot, no display)."""

from __future__ import annotations

import io

import matplotlib
import pandas as pd
from matplotlib.figure import Figure

from dyadwatch.analysis.escalation import Episode
from dyadwatch.analysis.reciprocity import Reciprocity
from dyadwatch.analysis.series import directed

# Colour means hostility only, as on the dashboard (dyadwatch/api/static/app.css): red
# conflict, blue cooperation; the two directions differ by line style, never by colour.
PALETTE = {"conflict": "#b3261e", "cooperation": "#1f5fa8", "neutral": "#8a8f98",
           "escalation": "#f2c4bf", "de-escalation": "#c5d7ef", "ink": "#1d2430",
           "muted": "#5c6573", "light": "#b8bec8"}
LINESTYLES = {"AB": "-", "BA": "--"}


def _svg(fig: Figure, salt: str) -> str:
    """The figure as an <svg> element (no XML prolog), with stable ids."""
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": salt, "svg.fonttype": "path"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def series_svg(series: pd.DataFrame, episodes: list[Episode], labels: tuple[str, str],
               freq: str) -> str:
    """Goldstein sum per period for both directions, episodes shaded, counts below."""
    fig = Figure(figsize=(10, 5.2))
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.3]})
    names = {"AB": f"{labels[0]} → {labels[1]}", "BA": f"{labels[1]} → {labels[0]}"}
    for episode in episodes:
        for ax in (top, bottom):
            ax.axvspan(episode.start, episode.end, color=PALETTE[episode.direction], alpha=0.7,
                       lw=0)
    for direction in ("AB", "BA"):
        gold = directed(series, direction, "goldstein_sum")
        top.plot(gold.index, gold.to_numpy(), color=PALETTE["ink"], lw=1.4,
                 ls=LINESTYLES[direction], label=names[direction], drawstyle="steps-post")
        count = directed(series, direction, "events")
        bottom.plot(count.index, count.to_numpy(), color=PALETTE["ink"], lw=1.1,
                    ls=LINESTYLES[direction], drawstyle="steps-post")
    top.axhline(0, color=PALETTE["muted"], lw=0.6)
    top.set_ylabel(f"Goldstein sum per {freq}")
    bottom.set_ylabel("events")
    top.legend(loc="upper left", frameon=False)
    top.set_title("shaded red: escalation episodes, blue: de-escalation", fontsize=9,
                  loc="right")
    fig.autofmt_xdate()
    return _svg(fig, "dyadwatch-series")


def reciprocity_svg(results: list[Reciprocity]) -> str:
    """r(k) bars per lag for each (responder, channel), with the 95% permutation threshold."""
    channels = sorted({item.channel for item in results})
    fig = Figure(figsize=(10, 2.6 * 2))
    axes = fig.subplots(2, len(channels), squeeze=False, sharey=True)
    leaders = list(dict.fromkeys(item.leader for item in results))
    for item in results:
        ax = axes[leaders.index(item.leader)][channels.index(item.channel)]
        lags = list(range(len(item.ccf)))
        colours = [PALETTE["ink"] if k == item.best_lag else PALETTE["light"] for k in lags]
        ax.bar(lags, item.ccf, color=colours)
        ax.axhline(item.threshold, color=PALETTE["muted"], lw=0.8, ls="--")
        ax.axhline(0, color=PALETTE["muted"], lw=0.5)
        ax.set_title(f"{item.responder} answers {item.leader}: {item.channel}\n"
                     f"lag {item.best_lag}, r={item.r:.2f}, p={item.p_value:.3f}", fontsize=8)
        ax.set_xlabel("lag (periods)", fontsize=8)
    axes[0][0].set_ylabel("cross-correlation r(k)")
    axes[1][0].set_ylabel("cross-correlation r(k)")
    fig.tight_layout()
    return _svg(fig, "dyadwatch-reciprocity")
