-- Handing an instance out to a worker no longer writes: the owner keeps hand-outs in memory and the
-- worker's claim (WAITING -> RUNNING, conditional on the app's epoch) is the first write.
-- Instances left DISPATCHED by an older server were never claimed: they wait again.
UPDATE job_instance SET state = 'WAITING', worker_id = NULL WHERE state = 'DISPATCHED';
ALTER TABLE job_instance DROP COLUMN dispatched_at;

-- The dispatch query reads the oldest due WAITING instances in index order (fire_time, id) and stops at its
-- limit, instead of sorting the whole backlog.
DROP INDEX job_instance_by_state;
CREATE INDEX job_instance_due ON job_instance (app_name, state, fire_time, id);
