"""The database schema as numbered migrations. Never edit a released step: add one."""

from __future__ import annotations

SCHEMA_VERSION = 1

# MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    0: (
        """CREATE TABLE IF NOT EXISTS schema_info (
            version INTEGER NOT NULL
        )""",
        "CREATE SEQUENCE IF NOT EXISTS run_ids START 1",
        """CREATE TABLE IF NOT EXISTS runs (
            run_id INTEGER PRIMARY KEY,
            command VARCHAR NOT NULL,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            status VARCHAR NOT NULL,
            config JSON,
            versions JSON,
            inputs JSON,
            articles_read INTEGER DEFAULT 0,
            articles_coded INTEGER DEFAULT 0,
            articles_skipped INTEGER DEFAULT 0,
            events_new INTEGER DEFAULT 0,
            failures INTEGER DEFAULT 0
        )""",
        """CREATE TABLE IF NOT EXISTS articles (
            article_id VARCHAR PRIMARY KEY,
            text_sha1 VARCHAR NOT NULL,
            published DATE,
            url VARCHAR,
            title VARCHAR,
            publisher VARCHAR,
            origin VARCHAR,
            n_chars INTEGER,
            n_sentences INTEGER,
            n_events INTEGER,
            status VARCHAR NOT NULL,
            duplicate_of VARCHAR,
            run_id INTEGER,
            text VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            date DATE,
            source VARCHAR,
            target VARCHAR,
            source_country VARCHAR,
            target_country VARCHAR,
            source_text VARCHAR,
            target_text VARCHAR,
            cameo VARCHAR NOT NULL,
            cameo_root VARCHAR NOT NULL,
            plover_type VARCHAR,
            plover_mode VARCHAR,
            goldstein DOUBLE,
            quad_class INTEGER NOT NULL,
            sentence VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            trigger VARCHAR NOT NULL,
            trigger_start INTEGER NOT NULL,
            negated BOOLEAN NOT NULL,
            modality VARCHAR NOT NULL,
            location_name VARCHAR,
            location_country VARCHAR,
            location_lat DOUBLE,
            location_lon DOUBLE,
            rule VARCHAR NOT NULL,
            dictionary_version VARCHAR NOT NULL,
            origin VARCHAR NOT NULL DEFAULT 'dyadwatch',
            run_id INTEGER
        )""",
        "CREATE INDEX IF NOT EXISTS events_dyad ON events (source, target, date)",
        "CREATE INDEX IF NOT EXISTS events_article ON events (article_id)",
        """CREATE TABLE IF NOT EXISTS failures (
            run_id INTEGER,
            code VARCHAR NOT NULL,
            input VARCHAR NOT NULL,
            message VARCHAR NOT NULL,
            article_id VARCHAR,
            recorded_at TIMESTAMP NOT NULL
        )""",
    ),
}
