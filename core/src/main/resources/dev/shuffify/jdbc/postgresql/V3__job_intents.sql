-- Shuffify schema version 3 (PostgreSQL): the intents of running jobs, kept until the run's outcome is recorded or
-- its abandoned run is repaired (never pruned by age or count).

CREATE TABLE IF NOT EXISTS shuffify_job_intents (
    execution_id VARCHAR(200) NOT NULL PRIMARY KEY,
    schedule_id VARCHAR(200) NOT NULL,
    user_id VARCHAR(200) NOT NULL,
    job_type VARCHAR(200) NOT NULL,
    recorded_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- {"playlists": [ids the job may write], "before": [{"playlistId", "name", "uris": [...]}, ...]}
    intent_json TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS shuffify_job_intents_schedule ON shuffify_job_intents (schedule_id, recorded_at);
