WITH d AS (SELECT id FROM s WHERE lease_owner = 'n' || :client_id LIMIT 50 FOR UPDATE SKIP LOCKED),
u AS (UPDATE s SET next_run_at = now() + interval '1 hour', lease_owner = null, lease_token = null, last_status = 'success', last_run_at = now() FROM d WHERE s.id = d.id RETURNING s.id),
x AS (UPDATE e SET status = 'success', completed_at = now() WHERE e.schedule_id IN (SELECT id FROM u) AND e.status = 'running' RETURNING 1)
INSERT INTO a (id, user_id, description, created_at) SELECT md5(random()::text || u.id), 'u', 'run succeeded', now() FROM u
