"""Choosing the period of a dyad series from the data, and saying plainly when data are too few.

``--freq auto`` (the default of escalation and reciprocity) looks at day, week and month:

1. a period is a candidate when the series has the analysis's minimum number of periods
   (see :func:`escalation_needs`, :func:`reciprocity_needs`);
2. of the candidates it takes the finest in which at least half of the periods hold an
   event (finer periods date a change more precisely; a series that is mostly empty
   periods has no measurable noise level, and change points and correlations on it
   answer to single events);
3. when no candidate is that dense, the coarsest candidate (the densest there is).

Only the dates of the events are looked at, never their values. See docs/analysis.md,
"Choosing the period".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from dyadwatch.analysis.series import FREQ_CODES, Freq
from dyadwatch.errors import SeriesTooShortError

FreqOption = Freq | Literal["auto"]
FREQ_ORDER: tuple[Freq, ...] = ("month", "week", "day")  # coarse to fine
FREQ_OPTIONS: tuple[str, ...] = ("auto", "day", "week", "month")
MIN_ESCALATION_PERIODS = 8  # periods a change-point search needs to tell a level from noise
MIN_ACTIVE_SHARE = 0.5  # share of periods with events that makes a series dense enough
_PLURAL = {"day": "days", "week": "weeks", "month": "months"}


@dataclass(frozen=True, slots=True)
class Coverage:
    """How a dyad's dated events fill the periods of one frequency."""

    freq: Freq
    periods: int  # periods from the first to the last (window bounds when given)
    active: int  # periods with at least one event

    def describe(self) -> str:
        return f"{self.periods} {_PLURAL[self.freq]}, {self.active} with events"

    @property
    def dense(self) -> bool:
        return self.active >= MIN_ACTIVE_SHARE * self.periods


@dataclass(frozen=True, slots=True)
class Need:
    """What an analysis needs of a series, in words and as a test."""

    what: str  # "Escalation", "Reciprocity with --max-lag 4"
    periods: int
    active: int

    def met(self, cov: Coverage) -> bool:
        return cov.periods >= self.periods and cov.active >= self.active

    def describe(self) -> str:
        return f"at least {self.periods} periods, {self.active} of them with events"


@dataclass(frozen=True, slots=True)
class FreqChoice:
    """The frequency used, whether it was chosen automatically, and why."""

    coverage: Coverage
    auto: bool
    need: Need

    @property
    def freq(self) -> Freq:
        return self.coverage.freq

    def describe(self) -> str:
        if not self.auto:
            how = "as asked"
        elif self.coverage.dense:
            how = (f"auto: the finest period with {self.need.describe()} and events in at "
                   "least half of them")
        else:
            how = (f"auto: no period has {self.need.describe()} and events in at least half "
                   f"of them, so the densest with {self.need.describe()}")
        return f"--freq {self.freq} ({how}; {self.coverage.describe()})"

    def caution(self) -> str:
        """A plain warning when most periods are empty, else ""."""
        if self.coverage.dense:
            return ""
        cov = self.coverage
        return (f"Few data: only {cov.active} of {cov.periods} {_PLURAL[cov.freq]} have events, "
                "so the result rests on a few events; read it with care.")


def escalation_needs(min_size: int) -> Need:
    return Need("Escalation", max(MIN_ESCALATION_PERIODS, 2 * min_size), 2 * min_size)


def reciprocity_needs(max_lag: int, min_overlap: int) -> Need:
    # the AR prewhitening drops up to 4 periods; min_overlap pairs must remain at max_lag
    return Need(f"Reciprocity with --max-lag {max_lag}", max_lag + 4 + min_overlap, 2)


def coverage(dates: pd.Series, freq: Freq, since: str | None = None,
             until: str | None = None) -> Coverage:
    """Periods spanned by ``dates`` (or the window) and periods holding at least one date."""
    dated = pd.to_datetime(dates).dropna()
    if dated.empty:
        return Coverage(freq, 0, 0)
    start = pd.Timestamp(since) if since else dated.min()
    end = pd.Timestamp(until) if until else dated.max()
    code = FREQ_CODES[freq]
    spanned = len(pd.period_range(start=start, end=end, freq=code))
    return Coverage(freq, spanned, int(dated.dt.to_period(code).nunique()))


def choose_freq(dates: pd.Series, freq: FreqOption, need: Need, since: str | None = None,
                until: str | None = None,
                smaller: Callable[[Coverage], str] | None = None) -> FreqChoice:
    """The frequency to analyse at: ``freq`` itself, or for "auto" the coarsest that meets
    ``need``. SeriesTooShortError (E703) when it is not met, with a hint naming only option
    values that exist and would work; ``smaller`` may add another (e.g. a smaller lag)."""
    covered = {f: coverage(dates, f, since, until) for f in FREQ_ORDER}
    if freq != "auto":
        if need.met(covered[freq]):
            return FreqChoice(covered[freq], False, need)
        chosen = covered[freq]
    else:
        fitting = [covered[f] for f in FREQ_ORDER if need.met(covered[f])]
        dense = [cov for cov in fitting if cov.dense]
        if fitting:
            return FreqChoice(dense[-1] if dense else fitting[0], True, need)
        chosen = covered["day"]
    raise SeriesTooShortError(what=need.what, needed=need.describe(), found=chosen.describe(),
                              freq=chosen.freq,
                              hint=too_short_hint(covered, chosen, need, smaller))


def too_short_hint(covered: dict[Freq, Coverage], chosen: Coverage, need: Need,
                   smaller: Callable[[Coverage], str] | None) -> str:
    """What would help, naming only values that exist and that meet the need."""
    finer = FREQ_ORDER[FREQ_ORDER.index(chosen.freq) + 1:]
    options = [f"--freq {f}" for f in finer if need.met(covered[f])][:1]
    extra = smaller(chosen) if smaller else ""
    if extra:
        options.append(extra)
    if options:
        return f"Try {' or '.join(options)}."
    return ("The data are too few for this analysis at any period: code more articles about "
            "the dyad or widen --since/--until.")
