WITH c AS (SELECT id FROM s WHERE next_run_at <= now() AND lease_owner IS NULL ORDER BY next_run_at LIMIT 50 FOR UPDATE SKIP LOCKED),
u AS (UPDATE s SET lease_owner = 'n' || :client_id, lease_token = md5(random()::text), lease_expires_at = now() + interval '5 min' FROM c WHERE s.id = c.id RETURNING s.id, s.user_id)
INSERT INTO e SELECT 'e-' || u.id || '-' || txid_current(), u.id, u.user_id, now(), null, 'running', 0, null FROM u
