"""Registered coder components, chosen and stacked through configuration.

A component has a versioned name (``dyadwatch.event_coder.v1``); when its behaviour
changes, a ``v2`` is added instead of editing ``v1``. ``coding.coders`` lists the coders
of a run in layer order, and ``--dictionaries`` (or ``coding.dictionaries``) adds what
they read:

- ``dyadwatch:DIR``: a folder of dyadwatch YAML layered over the shipped dictionaries
  (read by ``dyadwatch.event_coder.v1``);
- ``petrarch:PATH``: PETRARCH2/TABARI/Phoenix dictionaries, coded by
  ``dyadwatch.petrarch_coder.v1``; alone they replace the built-in coder, with
  ``builtin`` (or a ``dyadwatch:`` folder) they are layered before it.

DOCS: docs/coding.md#components-and-user-dictionaries
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from dyadwatch.errors import UnknownComponentError, UnknownDictionaryError

if TYPE_CHECKING:
    from dyadwatch.coding import DocCoder
    from dyadwatch.config import Config

EVENT_CODER = "dyadwatch.event_coder.v1"
PETRARCH_CODER = "dyadwatch.petrarch_coder.v1"
CoderFactory = Callable[["Config", tuple[Path, ...]], "DocCoder"]
_CODERS: dict[str, CoderFactory] = {}


def register_coder(name: str) -> Callable[[CoderFactory], CoderFactory]:
    """Register a coder factory under a versioned name (``package.component.vN``)."""
    def decorate(factory: CoderFactory) -> CoderFactory:
        _CODERS[name] = factory
        return factory
    return decorate


def registered_coders() -> list[str]:
    return sorted(_CODERS)


def make_coder(name: str, cfg: Config, sources: tuple[Path, ...] = (),
               setting: str = "coding.coders") -> DocCoder:
    """The coder registered as ``name``, reading ``sources``; E302 when none is."""
    factory = _CODERS.get(name)
    if factory is None:
        raise UnknownComponentError(setting=setting, name=name,
                                    available=", ".join(registered_coders()))
    return factory(cfg, sources)


@dataclass(frozen=True, slots=True)
class Layer:
    """One coder of a run and what it reads."""

    component: str
    sources: tuple[Path, ...] = ()


def coder_plan(coders: Sequence[str], specs: Sequence[str]) -> list[Layer]:
    """The coders of a run, in layer order, from ``coding.coders`` and the dictionary specs.

    E507 for a spec of an unknown kind, a ``petrarch:`` spec without a path, or a
    ``dyadwatch:`` folder that does not exist (it is never silently ignored).
    """
    imported: list[Layer] = []
    layers: list[Path] = []
    builtin = False
    for spec in specs:
        kind, _, path = spec.partition(":")
        if kind == "petrarch" and path:
            imported.append(Layer(PETRARCH_CODER, (Path(path),)))
        elif kind == "dyadwatch" and path:
            if not Path(path).is_dir():
                raise UnknownDictionaryError(spec=spec, detail=(
                    f"{path} is not a folder; give the folder that holds your dyadwatch "
                    "YAML (verbs.yaml, actors/*.yaml, coding/*.yaml)"))
            layers.append(Path(path))
        elif kind in {"builtin", "dyadwatch"} and not path:
            builtin = True
        else:
            raise UnknownDictionaryError(spec=spec, detail=(
                "expected petrarch:PATH (a PETR_config.ini, TABARI .project or folder), "
                "dyadwatch:DIR (a folder of dyadwatch YAML) or builtin"))
    if imported and not (builtin or layers):
        return imported
    own = [Layer(name, tuple(layers) if name == EVENT_CODER else ()) for name in coders]
    return [*imported, *own]


def build_coder(cfg: Config, specs: Sequence[str] = ()) -> DocCoder:
    """The (layered) coder of ``cfg`` with the dictionary ``specs`` of the command line."""
    from dyadwatch.coding.combined import LayeredCoder

    plan = coder_plan(cfg.coding.coders, [*cfg.coding.dictionaries, *specs])
    coders = [make_coder(layer.component, cfg, layer.sources) for layer in plan]
    return coders[0] if len(coders) == 1 else LayeredCoder(coders)


@register_coder(EVENT_CODER)
def make_event_coder(cfg: Config, sources: tuple[Path, ...]) -> DocCoder:
    """dyadwatch's own coder over the shipped dictionaries with ``sources`` layered on."""
    from dyadwatch.coding.events import CoderOptions, EventCoder
    from dyadwatch.kb.resources import load_resources
    from dyadwatch.resource_cache import load_cached_resources

    options = CoderOptions(keep_negated=cfg.coding.keep_negated,
                           keep_untargeted=cfg.coding.keep_untargeted,
                           keep_targetless_statements=cfg.coding.keep_targetless_statements,
                           keep_unknown_actors=cfg.coding.keep_unknown_actors,
                           screen_off_topic=cfg.coding.screen_off_topic)
    resources = load_resources(sources) if sources else load_cached_resources()
    return EventCoder(resources, options)


@register_coder(PETRARCH_CODER)
def make_petrarch_coder(cfg: Config, sources: tuple[Path, ...]) -> DocCoder:
    """The PETRARCH/TABARI dictionary coder; one source: config file, project or folder."""
    from dyadwatch.coding.combined import LayeredCoder
    from dyadwatch.petrarch import load_petrarch_coder

    coders = [load_petrarch_coder(path) for path in sources]
    if not coders:
        raise UnknownDictionaryError(spec=PETRARCH_CODER, detail="needs petrarch:PATH")
    return coders[0] if len(coders) == 1 else LayeredCoder(coders)
