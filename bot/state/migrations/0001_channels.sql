-- Bot state v1: per-channel switch for passive answers (answers to ordinary chat). Default: on.
CREATE TABLE channel_settings (
    guild_id   INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    passive    INTEGER NOT NULL CHECK (passive IN (0, 1)),
    changed_by INTEGER NOT NULL,
    changed_at TEXT NOT NULL,
    PRIMARY KEY (guild_id, channel_id)
);
