-- Retries (issue 8). A job's retry policy: how many attempts an instance gets in all, the backoff between them
-- (doubling from retry_backoff_ms up to retry_max_backoff_ms, spread by retry_jitter), and how long after the fire
-- time an attempt may still start (null: before the job's next fire time).
ALTER TABLE job ADD COLUMN max_attempts INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE job ADD COLUMN retry_backoff_ms BIGINT DEFAULT 1000 NOT NULL;
ALTER TABLE job ADD COLUMN retry_max_backoff_ms BIGINT DEFAULT 300000 NOT NULL;
ALTER TABLE job ADD COLUMN retry_jitter DOUBLE PRECISION DEFAULT 0.1 NOT NULL;
ALTER TABLE job ADD COLUMN retry_within_ms BIGINT;

-- When an instance's current attempt may be handed out: its fire time, or a retry's time after its backoff. The
-- dispatch query reads the due index in (due_at, id) order.
ALTER TABLE job_instance ADD COLUMN due_at TIMESTAMP WITH TIME ZONE;
UPDATE job_instance SET due_at = fire_time;
ALTER TABLE job_instance ALTER COLUMN due_at SET NOT NULL;
DROP INDEX job_instance_due;
CREATE INDEX job_instance_due ON job_instance (app_name, state, due_at, id);

-- The attempts of an instance before its current one, each written when it ended and the instance was retried
-- (the current attempt is the instance row itself): who ran it, under which epoch, when, and how it ended.
CREATE TABLE job_attempt (
    instance_id   BIGINT        NOT NULL REFERENCES job_instance (id),
    attempt       INTEGER       NOT NULL,
    worker_id     VARCHAR(200),
    epoch         BIGINT        NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome       VARCHAR(16)   NOT NULL,
    result        VARCHAR(2000),
    retried_by    VARCHAR(64)   NOT NULL,
    PRIMARY KEY (instance_id, attempt)
);
