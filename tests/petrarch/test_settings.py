"""TABARI option commands folded into settings."""

from __future__ import annotations

import pytest

from dyadwatch.petrarch.settings import (
    CommaLimits,
    PetrarchSettings,
    TabariSettings,
    apply_configs,
    apply_options,
)


@pytest.mark.parametrize(("commands", "expected"), [
    (["SET: CODE BY SENTENCE"], TabariSettings(code_by="sentence")),
    (["OPTION: SET: CODE ALL"], TabariSettings(code_by="all")),
    (["DEFAULT: SOURCE [DEFSRC] PRIOR TARGET [DEFTAR] AFTER"],
     TabariSettings(default_source="DEFSRC", default_target="DEFTAR", default_prior=True,
                    default_after=True)),
    (["DEFAULT: SOURCE [DEFSRC] TARGET [DEFTAR]", "DEFAULT: OFF"], TabariSettings()),
    (["COMPLEX: VERBS[5] CONJ[4] NOACTPRIOR EXPLAIN"],
     TabariSettings(complex_verbs=5, complex_conj=4, no_actor_prior=True)),
    (["SET: CONVERT AGENT = TRUE"], TabariSettings(convert_agent=True)),
    (["SET: MINIMUM WORDS = 8"], TabariSettings(minimum_words=8)),
    (["FORWARD: ^^*****NNN*SSS", "FORWARD: ^^*****NNN*SSS OFF"], TabariSettings()),
    (["COMMA: MIN = 4 MAX = 6 EMIN = 3 EMAX = 6 BMIN = 3 BMAX = 8"],
     TabariSettings(comma=CommaLimits(4, 6, 3, 6, 3, 8))),
    (["COMMA: OFF"], TabariSettings(comma=None)),
    (["SET: VERB USAGE = FALSE", "LABEL: 010=YIELD"], TabariSettings()),
])
def test_settings_apply_options(commands: list[str], expected: TabariSettings) -> None:
    assert apply_options(TabariSettings(), commands) == expected


@pytest.mark.parametrize(("commands", "expected"), [
    (["require_dyad=false"], PetrarchSettings(require_dyad=False)),
    (["require_dyad=FALSE", "require_dyad=True"], PetrarchSettings()),
    (["new_actor_length=4"], PetrarchSettings(new_actor_length=4)),
    (["stop_on_error=True", "comma_min=4"], PetrarchSettings()),
])
def test_settings_apply_petrarch_configs(commands: list[str], expected: PetrarchSettings) -> None:
    assert apply_configs(PetrarchSettings(), commands) == expected
