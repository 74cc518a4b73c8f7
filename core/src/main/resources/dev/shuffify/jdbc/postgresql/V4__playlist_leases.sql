-- Shuffify schema version 4 (PostgreSQL): the leases of playlists that runs write, shared by every node, so
-- two nodes never write one playlist (a target, an archive, a staging playlist) at once.

CREATE TABLE IF NOT EXISTS shuffify_playlist_leases (
    playlist_id VARCHAR(200) NOT NULL PRIMARY KEY,
    -- the execution that holds it
    holder VARCHAR(200) NOT NULL,
    expires_at TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
