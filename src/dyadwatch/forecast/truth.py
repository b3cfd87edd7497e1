"""Conflict ground truth for backtests: militarized interstate dispute onsets by directed
dyad and year (Gibler–Miller–Little MID data, as in peacesciencer's ``gml_dirdisp``).

State codes are Correlates of War (COW) numbers. They are converted to ISO 3166 alpha-3
with country-converter's Gleditsch–Ward table (COW and GW numbers agree for most states)
and four explicit COW codes whose GW number differs or is missing there (post-1990 states
only: Germany 255, Serbia/Yugoslavia 345, Yemen 679, Vietnam 816). See docs/forecasting.md.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.errors import PanelFileError

if TYPE_CHECKING:
    import pandas as pd

COW_OVERRIDES: dict[int, str] = {255: "DEU", 345: "SRB", 679: "YEM", 816: "VNM"}
MID_COLUMNS: tuple[str, ...] = ("ccode1", "ccode2", "year", "midonset")


def _converter() -> object:
    """country-converter over its own table read with 'NA' kept as Namibia's ISO2 code (its
    loader turns 'NA' into a missing value under pandas 3)."""
    from importlib import resources

    import country_converter as coco
    import pandas as pd
    from pandas._libs.parsers import STR_NA_VALUES

    table = resources.files("country_converter") / "country_data.tsv"
    with table.open("rb") as handle:
        data = pd.read_csv(handle, sep="\t", encoding="utf-8", dtype=str,
                           keep_default_na=False, na_values=sorted(STR_NA_VALUES - {"NA"}))
    return coco.CountryConverter(country_data=data)


def cow_to_iso3(codes: list[int]) -> dict[int, str | None]:
    """COW state number → ISO3 (None when neither table knows it)."""
    distinct = sorted(set(codes))
    logging.getLogger("country_converter").setLevel(logging.ERROR)
    converter = _converter()
    found = converter.convert([str(c) for c in distinct], src="GWcode",  # type: ignore[attr-defined]
                              to="ISO3", not_found=None)
    if isinstance(found, str):
        found = [found]
    out: dict[int, str | None] = dict(zip(distinct, found, strict=True))
    out.update({c: iso for c, iso in COW_OVERRIDES.items() if c in out})
    return out


def mid_onsets(path: str | Path, first_year: int, last_year: int) -> pd.DataFrame:
    """source, target (ISO3), year, onset (1.0) for every directed dyad-year with a dispute
    onset between ``first_year`` and ``last_year``; rows of unknown states dropped."""
    import pandas as pd

    try:
        raw = pd.read_csv(path, usecols=list(MID_COLUMNS))
    except (OSError, ValueError) as e:
        raise PanelFileError(path=str(path), detail=f"not a GML directed-dispute file ({e})"
                             ) from e
    rows = raw[(raw["year"] >= first_year) & (raw["year"] <= last_year) & (raw["midonset"] == 1)]
    codes = cow_to_iso3([int(c) for c in pd.concat([rows["ccode1"], rows["ccode2"]])])
    out = pd.DataFrame({"source": rows["ccode1"].astype(int).map(codes),
                        "target": rows["ccode2"].astype(int).map(codes),
                        "year": rows["year"].astype(int)}).dropna()
    out = out[out["source"] != out["target"]].drop_duplicates()
    return out.assign(onset=1.0).reset_index(drop=True)
