"""The database schema as numbered migrations. Never edit a released step: add one."""

from __future__ import annotations

SCHEMA_VERSION = 6

# ``dyadic`` of an event stored or written without one (a database or a Parquet dataset
# from before schema 6), from its codes as migration 5 → 6 sets it: each side has a
# country or is an international body, NGO, armed group or company.
DYADIC_FROM_CODES = (
    "coalesce((source_country IS NOT NULL OR substr(source, 1, 3) IN "
    "('IGO', 'NGO', 'IMG', 'MNC')) AND (target_country IS NOT NULL OR "
    "substr(target, 1, 3) IN ('IGO', 'NGO', 'IMG', 'MNC')), false)")

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
    # 1 → 2: GDELT columns that the events table does not hold, kept so that an imported
    # GDELT 2.0 export writes back unchanged (see docs/formats.md).
    1: (
        """CREATE TABLE IF NOT EXISTS gdelt_extra (
            event_id VARCHAR PRIMARY KEY,
            GLOBALEVENTID BIGINT NOT NULL,
            MonthYear INTEGER,
            "Year" INTEGER,
            FractionDate DOUBLE,
            Actor1KnownGroupCode VARCHAR,
            Actor1EthnicCode VARCHAR,
            Actor1Religion1Code VARCHAR,
            Actor1Religion2Code VARCHAR,
            Actor1Type1Code VARCHAR,
            Actor1Type2Code VARCHAR,
            Actor1Type3Code VARCHAR,
            Actor2KnownGroupCode VARCHAR,
            Actor2EthnicCode VARCHAR,
            Actor2Religion1Code VARCHAR,
            Actor2Religion2Code VARCHAR,
            Actor2Type1Code VARCHAR,
            Actor2Type2Code VARCHAR,
            Actor2Type3Code VARCHAR,
            IsRootEvent INTEGER,
            EventBaseCode VARCHAR,
            NumMentions INTEGER,
            NumSources INTEGER,
            NumArticles INTEGER,
            AvgTone DOUBLE,
            Actor1Geo_Type INTEGER,
            Actor1Geo_FullName VARCHAR,
            Actor1Geo_CountryCode VARCHAR,
            Actor1Geo_ADM1Code VARCHAR,
            Actor1Geo_ADM2Code VARCHAR,
            Actor1Geo_Lat DOUBLE,
            Actor1Geo_Long DOUBLE,
            Actor1Geo_FeatureID VARCHAR,
            Actor2Geo_Type INTEGER,
            Actor2Geo_FullName VARCHAR,
            Actor2Geo_CountryCode VARCHAR,
            Actor2Geo_ADM1Code VARCHAR,
            Actor2Geo_ADM2Code VARCHAR,
            Actor2Geo_Lat DOUBLE,
            Actor2Geo_Long DOUBLE,
            Actor2Geo_FeatureID VARCHAR,
            ActionGeo_Type INTEGER,
            ActionGeo_FullName VARCHAR,
            ActionGeo_CountryCode VARCHAR,
            ActionGeo_ADM1Code VARCHAR,
            ActionGeo_ADM2Code VARCHAR,
            ActionGeo_Lat DOUBLE,
            ActionGeo_Long DOUBLE,
            ActionGeo_FeatureID VARCHAR,
            DATEADDED BIGINT,
            SOURCEURL VARCHAR
        )""",
    ),
    # 2 → 3: the process that runs (so a killed run shows as interrupted), and one row per
    # distinct failure of a run (a failure recorded twice in one run is kept once).
    2: (
        "ALTER TABLE runs ADD COLUMN pid INTEGER",
        "ALTER TABLE runs ADD COLUMN host VARCHAR",
        """CREATE TABLE failures_v3 (
            run_id INTEGER,
            code VARCHAR NOT NULL,
            input VARCHAR NOT NULL,
            message VARCHAR NOT NULL,
            article_id VARCHAR,
            recorded_at TIMESTAMP NOT NULL,
            UNIQUE (run_id, code, input, message)
        )""",
        """INSERT INTO failures_v3
            SELECT run_id, code, input, message, any_value(article_id), min(recorded_at)
            FROM failures GROUP BY run_id, code, input, message""",
        "DROP TABLE failures",
        "ALTER TABLE failures_v3 RENAME TO failures",
    ),
    # 3 → 4: dyad-period panels imported from elsewhere (ICEWS or GDELT aggregates), kept
    # apart from coded events: they are read only when a command names them (--panel).
    3: (
        """CREATE TABLE IF NOT EXISTS panels (
            panel VARCHAR PRIMARY KEY,
            freq VARCHAR NOT NULL,
            source_file VARCHAR NOT NULL,
            imported_at TIMESTAMP NOT NULL,
            n_rows INTEGER NOT NULL,
            has_goldstein BOOLEAN NOT NULL,
            run_id INTEGER
        )""",
        """CREATE TABLE IF NOT EXISTS panel_counts (
            panel VARCHAR NOT NULL,
            source VARCHAR NOT NULL,
            target VARCHAR NOT NULL,
            period DATE NOT NULL,
            verbal_coop DOUBLE NOT NULL,
            material_coop DOUBLE NOT NULL,
            verbal_conflict DOUBLE NOT NULL,
            material_conflict DOUBLE NOT NULL,
            goldstein_sum DOUBLE,
            PRIMARY KEY (panel, source, target, period)
        )""",
    ),
    # 4 → 5: which knowledge coded each article (dictionary_version, with the content hash
    # of every dictionary file) and the key of everything that decides its events (text
    # aside): a rerun skips an article whose text and coding key are unchanged.
    4: (
        "ALTER TABLE articles ADD COLUMN dictionary_version VARCHAR",
        "ALTER TABLE articles ADD COLUMN coding_key VARCHAR",
    ),
    # 5 → 6: each event's confidence (0-1) and whether it is dyadic (docs/events.md). Rows
    # stored before keep confidence NULL (unknown: a --min-confidence filter leaves them
    # out) and get dyadic from their stored codes: each side has a country or is an
    # international body, NGO, armed group or company (IGO, NGO, IMG, MNC codes).
    5: (
        "ALTER TABLE events ADD COLUMN confidence DOUBLE",
        "ALTER TABLE events ADD COLUMN dyadic BOOLEAN DEFAULT false",
        """UPDATE events SET dyadic = coalesce(
            (source_country IS NOT NULL OR substr(source, 1, 3) IN ('IGO', 'NGO', 'IMG', 'MNC'))
            AND (target_country IS NOT NULL
                 OR substr(target, 1, 3) IN ('IGO', 'NGO', 'IMG', 'MNC')), false)""",
    ),
}
