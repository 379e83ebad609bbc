-- Jobs that change live: a revision that only edits through the API move (the If-Match of an update; the JPA
-- version also moves with every fire), a note on a paused job, and deletion that keeps the job's history: a deleted
-- job keeps its row (its instances refer to it) and frees its name, since the name is unique among live jobs only
-- (live_key is 0 for a live job and the job's id once it is deleted).
ALTER TABLE job ADD COLUMN revision BIGINT DEFAULT 1 NOT NULL;
ALTER TABLE job ADD COLUMN paused_note VARCHAR(1000);
ALTER TABLE job ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE job ADD COLUMN live_key BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE job DROP CONSTRAINT job_name_unique;
ALTER TABLE job ADD CONSTRAINT job_name_unique UNIQUE (app_name, name, live_key);
