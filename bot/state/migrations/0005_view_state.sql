-- Bot state v5: what a message's buttons and selects need to rebuild it (a /compare's models and traffic, a
-- picker's command and arguments), keyed by a short hash that the controls' custom ids carry, so they keep working
-- after a restart and on any shard. Rows not saved again within the keep window are pruned (the controls then say
-- to run the command again).
CREATE TABLE view_state (
    view_key TEXT PRIMARY KEY,
    state    TEXT NOT NULL,          -- JSON, as the flow that made the controls wrote it
    at       REAL NOT NULL           -- unix time it was last saved
);
CREATE INDEX view_state_at ON view_state (at);
