-- Shuffify schema version 2 (H2): scheduler leases, pending retries, and the due-detection index.

ALTER TABLE shuffify_schedules ADD COLUMN IF NOT EXISTS lease_owner VARCHAR(200);
ALTER TABLE shuffify_schedules ADD COLUMN IF NOT EXISTS lease_token VARCHAR(300);
ALTER TABLE shuffify_schedules ADD COLUMN IF NOT EXISTS lease_acquired_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE shuffify_schedules ADD COLUMN IF NOT EXISTS lease_expires_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE shuffify_schedules ADD COLUMN IF NOT EXISTS lease_slot TIMESTAMP(6) WITH TIME ZONE;
-- the target playlist while leased: unique, so two schedules on one playlist are never leased at once
ALTER TABLE shuffify_schedules ADD COLUMN IF NOT EXISTS lease_target VARCHAR(200);
ALTER TABLE shuffify_schedules ADD COLUMN IF NOT EXISTS retry_attempt INT DEFAULT 0 NOT NULL;

-- due detection reads only the due rows: enabled = TRUE AND next_run_at <= now
CREATE INDEX IF NOT EXISTS shuffify_schedules_due ON shuffify_schedules (enabled, next_run_at);
CREATE UNIQUE INDEX IF NOT EXISTS shuffify_schedules_lease_target ON shuffify_schedules (lease_target);
CREATE INDEX IF NOT EXISTS shuffify_schedules_lease_token ON shuffify_schedules (lease_token);
CREATE INDEX IF NOT EXISTS shuffify_schedules_lease_expiry ON shuffify_schedules (lease_expires_at);
