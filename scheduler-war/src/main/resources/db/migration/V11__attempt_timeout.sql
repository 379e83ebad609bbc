-- The time limit of a job's attempts (issue 8): past it the worker interrupts the processor and reports the attempt
-- TIMED_OUT (job_instance.state and job_attempt.outcome are wide enough for it). Null: no limit.
ALTER TABLE job ADD COLUMN attempt_timeout_ms BIGINT;
