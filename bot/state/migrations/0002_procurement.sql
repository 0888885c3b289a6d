-- Bot state v2: per-server traffic profile, shortlist, and the channel that gets price-change digests.
CREATE TABLE guild_traffic (
    guild_id   INTEGER PRIMARY KEY,
    profile    TEXT NOT NULL,            -- TrafficProfile JSON
    changed_by INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);
CREATE TABLE shortlist (
    guild_id INTEGER NOT NULL,
    model_id TEXT NOT NULL,
    added_by INTEGER NOT NULL,
    added_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, model_id)
);
CREATE TABLE digest_channel (
    guild_id   INTEGER PRIMARY KEY,
    channel_id INTEGER NOT NULL,
    changed_by INTEGER NOT NULL,
    changed_at TEXT NOT NULL
);
