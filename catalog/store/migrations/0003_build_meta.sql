-- What built the derived tables: e.g. the identity rules version, so a catalog merged by older rules is
-- re-merged from its kept source files on the next start (no download needed).
CREATE TABLE build_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
