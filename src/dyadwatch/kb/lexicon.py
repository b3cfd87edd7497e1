"""The coder's word lists and rules as data: ``data/coding/words.yaml`` and ``rules.yaml``.

Every list a dictionary maintainer would edit lives in those two files (format in
docs/dictionaries.md): the word lists the rules look for (``held_nouns``,
``object_control``, ...), the definite descriptions that point back to a country, the
CAMEO code sets the coder's stages test, the code rewrites (1823→186 for a named
official, 174→166 for an organisation) and where a target is looked for when a pattern
names none. Parser labels (dependency and entity names) and calendar words stay in code.

:class:`Lexicon` is what the coder reads; every list is required, so a misspelt or
missing list id is an error naming the file, not a rule that silently stops firing.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from dyadwatch.errors import DictionaryEntryError
from dyadwatch.ontology import is_cameo

WORDS_FILE = "coding/words.yaml"
RULES_FILE = "coding/rules.yaml"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WordListModel(_Model):
    """One named word list (lower-case lemmas or word forms, as the rules compare them)."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    words: list[str]
    note: str = ""


class AnaphorModel(_Model):
    """Definite descriptions ("the government") that point back to the last country named,
    with the role they give it ("" for the state itself)."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    role: str = Field(pattern=r"^(?:[A-Z]{3})*$")
    words: list[str] = Field(min_length=1)
    note: str = ""


class PeopleHomeModel(_Model):
    """Where a people without a state of its own is read as an actor: the country, the code
    its phrases take there ("" for the country and the phrase's own role), and the actor
    entries ("group:sdf") whose mention in an article places the people there."""

    country: str = Field(pattern=r"^[A-Z]{3}$")
    code: str = Field(pattern=r"^(?:[A-Z]{3})*$")
    signs: list[str] = Field(default_factory=list)
    # read here only where the phrase names this home or its sentence names one of its
    # signs: the Kurds of a Syria article are not the PKK a later paragraph names
    sign_in_sentence: bool = False


class PeopleModel(_Model):
    """A people living in several states ("Kurds", "Kurdish forces"), read by the article."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    words: list[str] = Field(min_length=1)
    homes: list[PeopleHomeModel] = Field(min_length=1)
    note: str = ""


class WordsFile(_Model):
    version: str
    lists: list[WordListModel]
    anaphors: list[AnaphorModel] = Field(default_factory=list)
    peoples: list[PeopleModel] = Field(default_factory=list)


class CodeSetModel(_Model):
    """CAMEO roots or codes; a code is in the set when its root or the code itself is listed."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    codes: list[str]
    note: str = ""

    @field_validator("codes")
    @classmethod
    def _cameo(cls, codes: list[str]) -> list[str]:
        return [_check_cameo(code) for code in codes]


class RewriteModel(_Model):
    """Recode ``code`` as ``to`` when the target meets the ``when`` condition."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    code: str
    to: str
    when: Literal["target_named_official", "target_code_prefix", "target_sector"]
    # target_named_official: role codes; target_sector: the target's first sector (or,
    # for a transnational actor, its code's first three letters)
    roles: list[str] = Field(default_factory=list)
    prefixes: list[str] = Field(default_factory=list)  # target_code_prefix: code prefixes
    patterns: list[str] = Field(default_factory=list)  # only events of these patterns
    rule_suffix: str
    note: str = ""

    @field_validator("code", "to")
    @classmethod
    def _cameo(cls, code: str) -> str:
        return _check_cameo(code)

    @model_validator(mode="after")
    def _condition_has_values(self) -> RewriteModel:
        needed = "prefixes" if self.when == "target_code_prefix" else "roles"
        if not getattr(self, needed):
            raise ValueError(f"'when: {self.when}' needs a non-empty '{needed}' list")
        return self


class FallbackModel(_Model):
    """Where a target is looked for, for codes of these roots, when a pattern names none."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    roots: list[str] = Field(min_length=1)
    slots: list[str] = Field(min_length=1)
    note: str = ""

    @field_validator("roots")
    @classmethod
    def _cameo(cls, roots: list[str]) -> list[str]:
        return [_check_cameo(root) for root in roots]


class RulesFile(_Model):
    version: str
    code_sets: list[CodeSetModel]
    rewrites: list[RewriteModel] = Field(default_factory=list)
    fallback_targets: list[FallbackModel] = Field(default_factory=list)
    default_targets: list[str] = Field(default_factory=lambda: ["dobj"])


def _check_cameo(code: str) -> str:
    if not is_cameo(code):
        raise ValueError(f"{code!r} is not a CAMEO event code")
    return code


@dataclass(frozen=True, slots=True)
class CodeSet:
    codes: frozenset[str]

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and (code in self.codes or code[:2] in self.codes)


@dataclass(frozen=True, slots=True)
class Rewrite:
    id: str
    code: str
    to: str
    when: str
    values: frozenset[str]  # roles or prefixes, by ``when``
    rule_suffix: str
    patterns: frozenset[str] = frozenset()  # empty: events of any pattern


@dataclass(frozen=True, slots=True)
class PeopleHome:
    """One home of a people (see :class:`PeopleHomeModel`)."""

    people: str  # the entry id ("kurds")
    country: str
    code: str
    signs: frozenset[str]
    sign_in_sentence: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list and rule table of the coder (field names are the list ids)."""

    # predicates
    patient_nouns: frozenset[str]
    statement_nouns: frozenset[str]
    announce_verbs: frozenset[str]
    deciding_words: frozenset[str]
    goal_nouns: frozenset[str]
    narrative_adverbs: frozenset[str]
    risking_verbs: frozenset[str]
    dependence_words: frozenset[str]
    way_nouns: frozenset[str]
    opening_verbs: frozenset[str]
    allowing_verbs: frozenset[str]
    enabling_things: frozenset[str]
    hedging_verbs: frozenset[str]
    pundit_nouns: frozenset[str]
    belief_verbs: frozenset[str]
    object_support_verbs: frozenset[str]
    support_verbs: frozenset[str]
    support_verb_preps: frozenset[str]
    frame_noun_preps: frozenset[str]
    obligation_verbs: frozenset[str]
    obligation_blockers: frozenset[str]
    knowing_verbs: frozenset[str]
    necessity_words: frozenset[str]
    acquiring_verbs: frozenset[str]
    weapon_nouns: frozenset[str]
    measure_nouns: frozenset[str]
    states_of: frozenset[str]
    stative_passives: frozenset[str]
    figurative_objects: frozenset[str]
    caution_verbs: frozenset[str]
    caution_preps: frozenset[str]
    causing_verbs: frozenset[str]
    admonition_preps: frozenset[str]
    conceding_verbs: frozenset[str]
    naming_verbs: frozenset[str]
    as_naming_verbs: frozenset[str]
    blacklist_words: frozenset[str]
    calling_verbs: frozenset[str]
    opinion_verbs: frozenset[str]
    showing_verbs: frozenset[str]
    state_nouns: frozenset[str]
    relation_nouns: frozenset[str]
    side_preps: frozenset[str]
    endangered_objects: frozenset[str]
    danger_to_preps: frozenset[str]
    bracing_preps: frozenset[str]
    danger_nouns: frozenset[str]
    enlisting_preps: frozenset[str]
    enlisted_people: frozenset[str]
    death_verbs: frozenset[str]
    contributing_verbs: frozenset[str]
    aid_deeds: frozenset[str]
    bracing_heads: frozenset[str]
    label_participles: frozenset[str]
    retreat_particles: frozenset[str]
    name_anaphors: frozenset[str]
    speaker_pronouns: frozenset[str]
    decision_verbs: frozenset[str]
    plural_people: frozenset[str]
    policy_instruments: frozenset[str]
    civil_launch_words: frozenset[str]
    reaction_idioms: frozenset[str]
    force_nouns: frozenset[str]
    # arguments
    personal_nouns: frozenset[str]
    held_nouns: frozenset[str]
    restating_nouns: frozenset[str]
    border_nouns: frozenset[str]
    patient_of_nouns: frozenset[str]
    author_preps: frozenset[str]
    situation_nouns: frozenset[str]
    proxy_words: frozenset[str]
    doer_participles: frozenset[str]
    targeting_verbs: frozenset[str]
    air_power_words: frozenset[str]
    campaign_nouns: frozenset[str]
    foe_first_nouns: frozenset[str]
    object_control: frozenset[str]
    person_pronouns: frozenset[str]
    first_person_pronouns: frozenset[str]
    speaker_verbs: frozenset[str]
    group_pronouns: frozenset[str]
    group_anaphors: frozenset[str]
    joining_verbs: frozenset[str]
    membership_words: frozenset[str]
    suspicion_preps: frozenset[str]
    counterpart_nouns: frozenset[str]
    people_heads: frozenset[str]
    counted_sides: frozenset[str]
    relative_pronouns: frozenset[str]
    absolute_marks: frozenset[str]
    object_pronouns: frozenset[str]
    generic_party_words: frozenset[str]
    dispute_party_marks: frozenset[str]
    quantity_heads: frozenset[str]
    speaker_heads: frozenset[str]
    title_preps: frozenset[str]
    private_people: frozenset[str]
    lone_person_nouns: frozenset[str]
    state_qualifiers: frozenset[str]
    private_sectors: frozenset[str]
    quarrel_sectors: frozenset[str]
    compass_names: frozenset[str]
    person_roles: frozenset[str]
    male_titles: frozenset[str]
    female_titles: frozenset[str]
    armed_attacker_nouns: frozenset[str]
    armed_attack_verbs: frozenset[str]
    foreign_modifiers: frozenset[str]
    clause_placed_roles: frozenset[str]
    article_placed_roles: frozenset[str]
    state_offices: frozenset[str]
    # mood, dates, places
    future_aux: frozenset[str]
    hypothetical_aux: frozenset[str]
    forecast_aux: frozenset[str]
    indefinite_articles: frozenset[str]
    conditional_marks: frozenset[str]
    wishing_verbs: frozenset[str]
    forecasting_verbs: frozenset[str]
    seeking_verbs: frozenset[str]
    guessing_verbs: frozenset[str]
    guess_adverbs: frozenset[str]
    hearsay_verbs: frozenset[str]
    boasting_verbs: frozenset[str]
    unconfirmed_words: frozenset[str]
    disowned_reports: frozenset[str]
    alleging_verbs: frozenset[str]
    claim_nouns: frozenset[str]
    imagining_verbs: frozenset[str]
    disowning_verbs: frozenset[str]
    confirming_verbs: frozenset[str]
    pledging_frames: frozenset[str]
    readiness_frames: frozenset[str]
    mocking_adverbs: frozenset[str]
    welcoming_verbs: frozenset[str]
    arriving_people: frozenset[str]
    rushing_verbs: frozenset[str]
    entering_preps: frozenset[str]
    evacuating_verbs: frozenset[str]
    budget_modifiers: frozenset[str]
    allure_verbs: frozenset[str]
    chance_nouns: frozenset[str]
    allure_modifiers: frozenset[str]
    negators: frozenset[str]
    negating_heads: frozenset[str]
    refusing_heads: frozenset[str]
    unreal_modifiers: frozenset[str]
    near_miss_adverbs: frozenset[str]
    unreal_heads: frozenset[str]
    disposition_participles: frozenset[str]
    reluctance_heads: frozenset[str]
    striving_heads: frozenset[str]
    reciprocal_verbs: frozenset[str]
    journey_nouns: frozenset[str]
    visit_nouns: frozenset[str]
    visit_preps: frozenset[str]
    world_regions: frozenset[str]
    reciprocal_markers: frozenset[str]
    allied_preps: frozenset[str]
    listing_words: frozenset[str]
    gerund_preps: frozenset[str]
    release_nouns: frozenset[str]
    captor_participles: frozenset[str]
    state_detention_participles: frozenset[str]
    decision_nouns: frozenset[str]
    potential_nouns: frozenset[str]
    supposing_nouns: frozenset[str]
    averting_words: frozenset[str]
    aspect_verbs: frozenset[str]
    standing_nouns: frozenset[str]
    toward_preps: frozenset[str]
    condemned_deeds: frozenset[str]
    struck_things: frozenset[str]
    struck_place_preps: frozenset[str]
    entry_nouns: frozenset[str]
    water_places: frozenset[str]
    launched_deeds: frozenset[str]
    launched_weapons: frozenset[str]
    armed_deeds: frozenset[str]
    coercive_deeds: frozenset[str]
    deed_words: frozenset[str]
    ally_nouns: frozenset[str]
    sought_help_nouns: frozenset[str]
    naming_participles: frozenset[str]
    garrison_nouns: frozenset[str]
    stationing_participles: frozenset[str]
    carrying_participles: frozenset[str]
    answer_nouns: frozenset[str]
    restated_claims: frozenset[str]
    claiming_verbs: frozenset[str]
    named_anaphors: frozenset[str]
    salient_anaphors: frozenset[str]
    monarchy_nouns: frozenset[str]
    monarchies: frozenset[str]
    selecting_modifiers: frozenset[str]
    government_nouns: frozenset[str]
    continuing_group_nouns: frozenset[str]
    retaliation_verbs: frozenset[str]
    penalty_verbs: frozenset[str]
    penalty_nouns: frozenset[str]
    scene_preps: frozenset[str]
    instrument_heads: frozenset[str]
    dispatch_heads: frozenset[str]
    enemy_aim_verbs: frozenset[str]
    freeing_aim_verbs: frozenset[str]
    shielding_verbs: frozenset[str]
    warding_verbs: frozenset[str]
    fighting_verbs: frozenset[str]
    aim_nouns: frozenset[str]
    war_nouns: frozenset[str]
    sovereign_places: frozenset[str]
    first_words: frozenset[str]
    reporting_verbs: frozenset[str]
    criticism_words: frozenset[str]
    label_words: frozenset[str]
    label_heads: frozenset[str]
    scorn_verbs: frozenset[str]
    lapse_adverbs: frozenset[str]
    scorned_heads: frozenset[str]
    blame_words: frozenset[str]
    duty_words: frozenset[str]
    stance_words: frozenset[str]
    evidence_verbs: frozenset[str]
    topic_preps: frozenset[str]
    topic_nouns: frozenset[str]
    topic_on_verbs: frozenset[str]
    reaction_verbs: frozenset[str]
    disapproval_words: frozenset[str]
    approval_words: frozenset[str]
    partnership_nouns: frozenset[str]
    success_words: frozenset[str]
    concern_words: frozenset[str]
    optimism_words: frozenset[str]
    sympathy_nouns: frozenset[str]
    disapproval_preps: frozenset[str]
    period_preps: frozenset[str]
    prospective_heads: frozenset[str]
    background_adverbs: frozenset[str]
    earlier_adverbs: frozenset[str]
    earlier_adjectives: frozenset[str]
    ongoing_adjectives: frozenset[str]
    occasion_nouns: frozenset[str]
    repetition_adverbs: frozenset[str]
    continuing_verbs: frozenset[str]
    fresh_adverbs: frozenset[str]
    during_preps: frozenset[str]
    aftermath_nouns: frozenset[str]
    duration_nouns: frozenset[str]
    background_phrases: frozenset[str]
    sequence_adverbs: frozenset[str]
    place_prepositions: frozenset[str]
    place_wrappers: frozenset[str]
    # actor dictionary
    case_sensitive_names: frozenset[str]
    non_state_prefixes: frozenset[str]
    # tables
    anaphors: dict[str, str]  # lower-case noun → role ("" for the state)
    peoples: dict[str, tuple[PeopleHome, ...]]  # lower-case word → the people's homes
    conflict_roots: CodeSet
    cooperation_roots: CodeSet
    reporting_codes: CodeSet
    place_target_roots: CodeSet
    deployment_codes: CodeSet
    withdrawal_codes: CodeSet
    refusable_roots: CodeSet
    statement_roots: CodeSet
    claim_roots: CodeSet
    repeated_roots: CodeSet
    tie_roots: CodeSet
    violent_roots: CodeSet
    figurative_roots: CodeSet
    reciprocal_codes: CodeSet
    accord_codes: CodeSet
    toward_place_roots: CodeSet
    struck_place_codes: CodeSet
    civilian_target_roots: CodeSet
    aim_roots: CodeSet
    dispatched_roots: CodeSet
    promised_codes: CodeSet
    deed_reaction_roots: CodeSet
    deed_answer_roots: CodeSet
    launched_deed_codes: CodeSet
    coercive_deed_codes: CodeSet
    deed_codes: CodeSet
    rewrites: tuple[Rewrite, ...]
    fallback_targets: tuple[tuple[frozenset[str], tuple[str, ...]], ...]
    default_targets: tuple[str, ...]

    def targets_for(self, code: str) -> tuple[str, ...]:
        """The fallback target slots for ``code`` (first entry listing the code or its
        root)."""
        for roots, slots in self.fallback_targets:
            if code in roots or code[:2] in roots:
                return slots
        return self.default_targets


_TABLES = frozenset({"anaphors", "peoples", "rewrites", "fallback_targets", "default_targets"})
_CODE_SETS = frozenset({"conflict_roots", "cooperation_roots", "reporting_codes",
                        "place_target_roots", "deployment_codes", "withdrawal_codes",
                        "refusable_roots",
                        "statement_roots", "claim_roots", "repeated_roots", "tie_roots",
                        "violent_roots",
                        "figurative_roots",
                        "reciprocal_codes", "accord_codes", "toward_place_roots",
                        "struck_place_codes",
                        "civilian_target_roots", "aim_roots",
                        "dispatched_roots", "promised_codes", "deed_reaction_roots",
                        "deed_answer_roots", "launched_deed_codes", "coercive_deed_codes",
                        "deed_codes"})
WORD_LIST_IDS: tuple[str, ...] = tuple(
    f.name for f in fields(Lexicon) if f.name not in _TABLES | _CODE_SETS)
CODE_SET_IDS: tuple[str, ...] = tuple(sorted(_CODE_SETS))


def _with_curly_apostrophes(words: list[str]) -> frozenset[str]:
    """The words, and each one with a straight apostrophe also with the typographic one
    news text sets ("they’ll attack" has the future auxiliary "’ll" like "'ll")."""
    return frozenset(words) | {w.replace("'", "’") for w in words if "'" in w}


def build_lexicon(words: WordsFile, rules: RulesFile, origin: str) -> Lexicon:
    """The Lexicon of two validated files; a missing or unknown list id is an E506 naming it."""
    lists: dict[str, Any] = {w.id: _with_curly_apostrophes(w.words) for w in words.lists}
    _check_ids(lists, WORD_LIST_IDS, f"{origin}/{WORDS_FILE}", "lists")
    sets: dict[str, Any] = {c.id: CodeSet(frozenset(c.codes)) for c in rules.code_sets}
    _check_ids(sets, CODE_SET_IDS, f"{origin}/{RULES_FILE}", "code_sets")
    anaphors = {word: a.role for a in words.anaphors for word in a.words}
    rewrites = tuple(Rewrite(r.id, r.code, r.to, r.when, frozenset(r.roles or r.prefixes),
                             r.rule_suffix, frozenset(r.patterns)) for r in rules.rewrites)
    fallback = tuple((frozenset(f.roots), tuple(f.slots)) for f in rules.fallback_targets)
    peoples = {word.lower(): tuple(PeopleHome(p.id, h.country, h.code, frozenset(h.signs),
                                              h.sign_in_sentence)
                                   for h in p.homes) for p in words.peoples for word in p.words}
    tables: dict[str, Any] = {"anaphors": anaphors, "peoples": peoples, "rewrites": rewrites,
                              "fallback_targets": fallback,
                              "default_targets": tuple(rules.default_targets)}
    return Lexicon(**lists, **sets, **tables)


def _check_ids(found: dict[str, Any], required: tuple[str, ...], path: str,
               section: str) -> None:
    missing = sorted(set(required) - set(found))
    unknown = sorted(set(found) - set(required))
    if missing or unknown:
        detail = "; ".join(part for part in (
            f"missing {missing}" if missing else "",
            f"unknown {unknown} (the coder reads only {sorted(required)})" if unknown else "",
        ) if part)
        raise DictionaryEntryError(path=path, entry=section, field="id", detail=detail)
