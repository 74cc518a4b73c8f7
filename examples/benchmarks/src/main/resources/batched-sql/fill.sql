INSERT INTO s SELECT 's'||g, 'u'||(g%1000), '{"type":"noop"}', now() - interval '1 hour', null, null, null, null, null FROM generate_series(1, :schedules) g;
ANALYZE s;
