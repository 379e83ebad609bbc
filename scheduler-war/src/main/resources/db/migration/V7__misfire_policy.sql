-- What a job does with missed fire times (issue 7): FIRE_ALL (every one, within an optional catch-up window),
-- FIRE_ONCE or SKIP; the ones that do not run are recorded as SKIPPED instances.
ALTER TABLE job ADD COLUMN misfire_policy VARCHAR(16) DEFAULT 'FIRE_ALL' NOT NULL;
ALTER TABLE job ADD COLUMN catch_up_ms BIGINT;
