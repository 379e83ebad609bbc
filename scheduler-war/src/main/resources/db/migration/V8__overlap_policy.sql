-- What a fire that comes while earlier fires of its job are going does (issue 7): ALLOW, SKIP, BUFFER_ONE,
-- BUFFER_ALL or CANCEL_RUNNING, once max_concurrent earlier fires are going. Instances gain the states BUFFERED
-- (held back until earlier fires end) and CANCELLED; job_instance.state is wide enough for both.
ALTER TABLE job ADD COLUMN overlap_policy VARCHAR(16) DEFAULT 'ALLOW' NOT NULL;
ALTER TABLE job ADD COLUMN max_concurrent INTEGER DEFAULT 1 NOT NULL;
