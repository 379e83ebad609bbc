-- DAILY_TIME_INTERVAL (19 characters) did not fit job.schedule_type VARCHAR(16): PostgreSQL refused every such job
-- (found by the chaos soak once it defined one). The standard form of the change, for H2 and PostgreSQL alike.
ALTER TABLE job ALTER COLUMN schedule_type SET DATA TYPE VARCHAR(32);
