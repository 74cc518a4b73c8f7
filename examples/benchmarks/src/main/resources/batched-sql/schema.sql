CREATE TABLE s (id varchar(200) primary key, user_id varchar(200), job_json text, next_run_at timestamptz, lease_owner varchar(200), lease_token varchar(300), lease_expires_at timestamptz, last_status varchar(30), last_run_at timestamptz);
CREATE INDEX s_due ON s (next_run_at);
CREATE TABLE e (id varchar(200) primary key, schedule_id varchar(200), user_id varchar(200), started_at timestamptz, completed_at timestamptz, status varchar(30), tracks_added int, details_json text);
CREATE INDEX e_s ON e (schedule_id, started_at);
CREATE TABLE a (seq bigserial primary key, id varchar(200) unique, user_id varchar(200), description text, created_at timestamptz);
