-- Bot state v4: the shortlist's order (the order models were added in) as a column of its own. It came from
-- SQLite's rowid before, which PostgreSQL has no equivalent of. Rows already there are numbered by when they were
-- added; two added within the same second (commands are seconds apart in practice) fall back to their ids.
ALTER TABLE shortlist ADD COLUMN seq INTEGER;
UPDATE shortlist SET seq = (
    SELECT COUNT(*) FROM shortlist AS earlier
    WHERE earlier.guild_id = shortlist.guild_id
      AND (earlier.added_at < shortlist.added_at
           OR (earlier.added_at = shortlist.added_at AND earlier.model_id <= shortlist.model_id))
);
