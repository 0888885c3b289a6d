-- Price history: every change to a route's prices, and routes appearing or disappearing, with dates.
-- Written in the same transaction as the import that caused it; never deleted by a rebuild.
CREATE TABLE price_history (
    id                INTEGER PRIMARY KEY,
    changed_at        TEXT NOT NULL,      -- when the import that saw the change ran (UTC, ISO)
    source            TEXT NOT NULL,      -- the source of the new value
    source_date       TEXT,               -- the date the source data describes
    provider_id       TEXT NOT NULL,
    provider_name     TEXT NOT NULL,
    provider_model_id TEXT NOT NULL,
    model_id          TEXT NOT NULL,
    model_name        TEXT NOT NULL,
    field             TEXT NOT NULL,      -- input, output, cache_read, cache_write, route
    old_value         TEXT,               -- USD per 1M tokens as text; NULL when unknown / route added
    new_value         TEXT                -- NULL when unknown / route removed
);
CREATE INDEX price_history_when ON price_history (changed_at);
CREATE INDEX price_history_model ON price_history (model_id);
