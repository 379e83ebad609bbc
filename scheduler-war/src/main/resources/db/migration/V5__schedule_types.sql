-- Schedule types beyond CRON and API (fixed rate, one-off, daily time interval), a job's lifecycle window and its
-- daylight-saving gap rule. last_fire_at is the latest fire time accounted for (run or recorded as skipped): the
-- next fire time and the times skipped before it are computed from it.
ALTER TABLE job ADD COLUMN interval_ms BIGINT;
ALTER TABLE job ADD COLUMN start_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE job ADD COLUMN end_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE job ADD COLUMN run_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE job ADD COLUMN day_start VARCHAR(8);
ALTER TABLE job ADD COLUMN day_end VARCHAR(8);
ALTER TABLE job ADD COLUMN days_of_week VARCHAR(80);
ALTER TABLE job ADD COLUMN gap_rule VARCHAR(16) DEFAULT 'FIRE_AFTER_GAP' NOT NULL;
ALTER TABLE job ADD COLUMN last_fire_at TIMESTAMP WITH TIME ZONE;
