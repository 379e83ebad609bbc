-- Run logs (issue 8): the lines processors write to their attempt's log, sent by workers in batches. One row per
-- line, numbered per attempt (seq from 1; a line sent twice is stored once). stored_at is database time, for the
-- retention cleanup (campanile.logs.retention-hours), which deletes by it in small batches.
CREATE TABLE run_log (
    instance_id   BIGINT         NOT NULL,
    attempt       INTEGER        NOT NULL,
    seq           BIGINT         NOT NULL,
    logged_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    stored_at     TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
    level         VARCHAR(5)     NOT NULL,
    message       VARCHAR(4000)  NOT NULL,
    PRIMARY KEY (instance_id, attempt, seq)
);
CREATE INDEX run_log_stored ON run_log (stored_at);

-- A job can keep its run logs in the worker's own log only.
ALTER TABLE job ADD COLUMN logs_local BOOLEAN DEFAULT FALSE NOT NULL;
