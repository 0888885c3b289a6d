-- Catalog schema v1. Derived tables (models, aliases, routes, providers) are rebuilt from `sources`
-- on every import, inside one transaction; `sources` keeps each imported file so a rebuild needs no download.
CREATE TABLE sources (
    name         TEXT PRIMARY KEY,
    file_name    TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    source_date  TEXT,
    record_count INTEGER NOT NULL,
    imported_at  TEXT NOT NULL,
    payload      BLOB NOT NULL            -- zlib-compressed file bytes
);
CREATE TABLE providers (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE models (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    context_window INTEGER,
    openness       TEXT NOT NULL,
    release_date   TEXT,
    data           TEXT NOT NULL          -- Model JSON without routes
);
CREATE TABLE aliases (
    alias    TEXT NOT NULL,
    model_id TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    PRIMARY KEY (alias, model_id)
);
CREATE INDEX aliases_lower ON aliases (lower(alias));
CREATE TABLE routes (
    provider_id       TEXT NOT NULL REFERENCES providers (id),
    provider_model_id TEXT NOT NULL,
    model_id          TEXT NOT NULL REFERENCES models (id) ON DELETE CASCADE,
    data              TEXT NOT NULL,      -- Route JSON
    PRIMARY KEY (provider_id, provider_model_id)
);
CREATE INDEX routes_model ON routes (model_id);
