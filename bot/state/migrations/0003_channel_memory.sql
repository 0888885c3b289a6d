-- Bot state v3: each channel's last question (models, asks, traffic), so a follow-up reads as one. Short-lived:
-- a row older than the memory window is ignored and overwritten by the next answered question.
CREATE TABLE channel_memory (
    channel_id INTEGER PRIMARY KEY,
    memory     TEXT NOT NULL,            -- ChannelMemory JSON
    at         REAL NOT NULL             -- unix time of the question it remembers
);
