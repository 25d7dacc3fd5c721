"""The store's schema, as an ordered list of migrations.

The schema version lives in ``meta``; ``migrate`` applies every migration after it, each in
its own transaction, so a store written by an older sitrep is upgraded on open and a store
written by a newer one is refused (E302) instead of being misread.

Tables, by stage:
    articles, article_revisions, minhash_bands   extract + dedup (one row per URL; raw_hash
                                                 lets an unchanged input skip extraction)
    http_cache                                   fetch (validators for conditional GET)
    mentions                                     events: one coded event per sentence
    events, stories                              link: the same real event across mentions;
                                                 articles about the same developing story
    link_queue                                   articles whose events and story are still to
                                                 be linked (written with the article)
    alerts_sent, briefings                       brief: what was already delivered
    teams, users, api_tokens, sessions           access: who may use a served store
    jobs                                         web: background ingest and briefing work
    team_profiles, team_documents                web: each team's profiles, briefings, memos
    event_actors                                 link: what the answers read, derived from
                                                 ``events`` in the transaction that writes them
"""

from __future__ import annotations

import duckdb

from sitrep.store.rows import ORIGINAL_SITE

EVENT_ACTORS_OF = f"""
WITH sources AS (
    SELECT m.event_id,
           list_sort(list(DISTINCT struct_pack(root := coalesce(a.canonical_id, a.id),
                                               site := {ORIGINAL_SITE}, url := r.url)))
               AS sources
    FROM mentions m JOIN articles a ON a.id = m.article_id
    JOIN articles r ON r.id = coalesce(a.canonical_id, a.id)
    WHERE m.event_id IN (SELECT e.id FROM events e WHERE {{where}})
    GROUP BY m.event_id
)
SELECT k.key, o.other, e.id, e.type, e.mode, e.modality, e.date, e.date_precision,
       coalesce(e.date, e.first_reported), len(e.actor_keys),
       CASE WHEN k.key = o.other THEN e.summary END,
       CASE WHEN k.key = o.other THEN json_extract_string(e.actors, '$[*].name') END,
       CASE WHEN k.key = o.other THEN e.n_articles END,
       CASE WHEN k.key = o.other THEN list_sort(list_distinct(list_filter(
           json_extract_string(e.details, '$.sources[*].url'), lambda u: u <> ''))) END,
       s.sources
FROM events e LEFT JOIN sources s ON s.event_id = e.id,
     unnest(list_distinct(e.actor_keys)) AS k(key),
     unnest(list_distinct(e.actor_keys)) AS o(other)
WHERE {{where}}
ORDER BY k.key, o.other, coalesce(e.date, e.first_reported), e.id
"""
"""SQL: the ``event_actors`` rows of the events ``{where}`` keeps (over ``e``), clustered by
actor so one actor's rows sit together and DuckDB's zone maps skip everyone else's. An
event's sources are its mentions' articles, a copy folded into its original (``root``)."""

MIGRATIONS: tuple[str, ...] = (
    # 1: articles, revisions, near-duplicate index, HTTP validators, coded mentions
    """
    CREATE TABLE articles (
        id VARCHAR PRIMARY KEY,
        url VARCHAR NOT NULL,
        canonical_url VARCHAR,
        title VARCHAR,
        text VARCHAR,
        origin VARCHAR,
        published DATE,
        published_source VARCHAR,
        published_evidence VARCHAR,
        authors VARCHAR[],
        site VARCHAR,
        language VARCHAR,
        content_hash VARCHAR NOT NULL,
        revision INTEGER NOT NULL,
        canonical_id VARCHAR,
        similarity DOUBLE,
        extra JSON,
        ingested_at TIMESTAMP NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        coded_at TIMESTAMP,
        coder_version VARCHAR,
        story_id VARCHAR
    );
    CREATE TABLE article_revisions (
        article_id VARCHAR NOT NULL,
        revision INTEGER NOT NULL,
        content_hash VARCHAR NOT NULL,
        title VARCHAR,
        text VARCHAR,
        published DATE,
        ingested_at TIMESTAMP NOT NULL,
        PRIMARY KEY (article_id, revision)
    );
    CREATE TABLE minhash_bands (
        bucket UBIGINT NOT NULL,
        article_id VARCHAR NOT NULL
    );
    CREATE INDEX minhash_bands_lookup ON minhash_bands (bucket);
    CREATE TABLE http_cache (
        url VARCHAR PRIMARY KEY,
        etag VARCHAR,
        last_modified VARCHAR,
        checked_at TIMESTAMP
    );
    CREATE TABLE mentions (
        id VARCHAR PRIMARY KEY,
        article_id VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        mode VARCHAR,
        actors JSON NOT NULL,
        actor_keys VARCHAR[] NOT NULL,
        source JSON,
        target JSON,
        source_key VARCHAR,
        target_key VARCHAR,
        date DATE,
        date_precision VARCHAR,
        date_text VARCHAR,
        location JSON,
        topics VARCHAR[],
        modality VARCHAR NOT NULL,
        sentence VARCHAR NOT NULL,
        start INTEGER NOT NULL,
        "end" INTEGER NOT NULL,
        confidence DOUBLE,
        rule VARCHAR,
        trigger VARCHAR,
        trigger_start INTEGER,
        trigger_end INTEGER,
        date_start INTEGER,
        date_end INTEGER,
        coder_version VARCHAR,
        event_id VARCHAR
    );
    CREATE INDEX mentions_article ON mentions (article_id);
    CREATE TABLE actors (
        key VARCHAR PRIMARY KEY,
        name VARCHAR NOT NULL,
        kind VARCHAR,
        country VARCHAR,
        sector VARCHAR
    );
    """,
    # 2: linked events and stories (link stage); deliveries (brief stage)
    """
    CREATE TABLE events (
        id VARCHAR PRIMARY KEY,
        type VARCHAR NOT NULL,
        mode VARCHAR,
        date DATE,
        date_precision VARCHAR,
        actors JSON NOT NULL,
        actor_keys VARCHAR[] NOT NULL,
        source_key VARCHAR,
        target_key VARCHAR,
        location JSON,
        topics VARCHAR[],
        modality VARCHAR NOT NULL,
        confidence DOUBLE,
        n_mentions INTEGER NOT NULL,
        n_articles INTEGER NOT NULL,
        n_sources INTEGER NOT NULL,
        first_reported DATE,
        last_reported DATE,
        summary VARCHAR,
        details JSON
    );
    CREATE TABLE stories (
        id VARCHAR PRIMARY KEY,
        title VARCHAR,
        first_published DATE,
        last_published DATE,
        n_articles INTEGER NOT NULL,
        centroid FLOAT[384],
        updated_at TIMESTAMP
    );
    CREATE TABLE article_embeddings (
        article_id VARCHAR PRIMARY KEY,
        vector FLOAT[384] NOT NULL
    );
    CREATE TABLE alerts_sent (
        profile VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        channel VARCHAR NOT NULL,
        sent_at TIMESTAMP NOT NULL,
        PRIMARY KEY (profile, event_id, channel)
    );
    CREATE TABLE briefings (
        id VARCHAR PRIMARY KEY,
        profile VARCHAR NOT NULL,
        period_start DATE NOT NULL,
        period_end DATE NOT NULL,
        created_at TIMESTAMP NOT NULL,
        event_ids VARCHAR[],
        path VARCHAR
    );
    """,
    # 3: the hash of the raw input, so an unchanged page is recognised before extraction
    """
    ALTER TABLE articles ADD COLUMN raw_hash VARCHAR;
    """,
    # 4: a date that stands in for an unstated one (the publication date of a readout)
    """
    ALTER TABLE mentions ADD COLUMN date_inferred BOOLEAN DEFAULT false;
    ALTER TABLE events ADD COLUMN date_inferred BOOLEAN DEFAULT false;
    """,
    # 5: teams, users and their logins; background jobs; each team's profiles and documents
    """
    CREATE TABLE teams (
        name VARCHAR PRIMARY KEY,
        created_at TIMESTAMP NOT NULL
    );
    CREATE TABLE users (
        name VARCHAR PRIMARY KEY,
        role VARCHAR NOT NULL,
        team VARCHAR NOT NULL,
        password_hash VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL
    );
    CREATE TABLE api_tokens (
        token_hash VARCHAR PRIMARY KEY,
        user_name VARCHAR NOT NULL,
        label VARCHAR,
        created_at TIMESTAMP NOT NULL
    );
    CREATE TABLE sessions (
        id_hash VARCHAR PRIMARY KEY,
        user_name VARCHAR NOT NULL,
        csrf VARCHAR NOT NULL,
        created_at TIMESTAMP NOT NULL,
        expires_at TIMESTAMP NOT NULL
    );
    CREATE TABLE jobs (
        id VARCHAR PRIMARY KEY,
        kind VARCHAR NOT NULL,
        team VARCHAR NOT NULL,
        user_name VARCHAR NOT NULL,
        params JSON,
        status VARCHAR NOT NULL,
        done INTEGER NOT NULL DEFAULT 0,
        total INTEGER,
        message VARCHAR,
        result JSON,
        error VARCHAR,
        created_at TIMESTAMP NOT NULL,
        finished_at TIMESTAMP
    );
    CREATE TABLE team_profiles (
        team VARCHAR NOT NULL,
        slug VARCHAR NOT NULL,
        yaml VARCHAR NOT NULL,
        updated_at TIMESTAMP NOT NULL,
        updated_by VARCHAR,
        PRIMARY KEY (team, slug)
    );
    CREATE TABLE team_documents (
        id VARCHAR PRIMARY KEY,
        team VARCHAR NOT NULL,
        kind VARCHAR NOT NULL,
        title VARCHAR NOT NULL,
        subject VARCHAR,
        period_start DATE,
        period_end DATE,
        markdown VARCHAR NOT NULL,
        html VARCHAR,
        created_at TIMESTAMP NOT NULL,
        created_by VARCHAR
    );
    """,
    # 6: the durable "needs linking" mark, written with the article or its mentions and
    # cleared once its events and story are linked; a store an older sitrep left half linked
    # (an article without a story, a mention without an event) is marked on upgrade
    """
    CREATE TABLE link_queue (
        article_id VARCHAR PRIMARY KEY,
        queued_at TIMESTAMP NOT NULL
    );
    INSERT INTO link_queue
    SELECT id, now() FROM articles
    WHERE story_id IS NULL OR id IN (SELECT article_id FROM mentions WHERE event_id IS NULL);
    """,
    # 7: what the answers read, kept by the link stage in the transaction that writes the
    # events: one row per (event, actor key, counterpart key), the actor itself included, with
    # the event's source articles; the actor's own row (key = other) also carries what a
    # timeline shows. A store linked by an older sitrep is filled from its events on upgrade.
    f"""
    CREATE TABLE event_actors (
        key VARCHAR NOT NULL,
        other VARCHAR NOT NULL,
        event_id VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        mode VARCHAR,
        modality VARCHAR NOT NULL,
        date DATE,
        date_precision VARCHAR,
        placed DATE,
        n_keys INTEGER NOT NULL,
        summary VARCHAR,
        names VARCHAR[],
        n_articles INTEGER,
        urls VARCHAR[],
        sources STRUCT(root VARCHAR, site VARCHAR, url VARCHAR)[]
    );
    INSERT INTO event_actors {EVENT_ACTORS_OF.format(where="TRUE")};
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The schema version of an open store; 0 for an empty file."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Bring the schema up to ``SCHEMA_VERSION``; returns the version found before.

    Raises:
        ValueError: the store is newer than this sitrep (the caller turns it into E302).
    """
    found = current_version(con)
    if found > SCHEMA_VERSION:
        raise ValueError(f"store schema {found} > supported {SCHEMA_VERSION}")
    if found == 0:
        con.execute("CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    for version in range(found + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        con.execute(MIGRATIONS[version - 1])
        con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [str(version)],
        )
        con.execute("COMMIT")
    return found
