-- Worker selection (issue 8): how a job's instances pick their worker (dispatch_strategy), which workers are
-- designated by id or tag (route_workers, route_tags: one per line; none: any worker), the minimum free heap and
-- disk and the maximum CPU load per core a worker must have (null: any), and how many workers may run the job's
-- instances at once (null: any number).
ALTER TABLE job ADD COLUMN dispatch_strategy VARCHAR(20) DEFAULT 'HEALTH_FIRST' NOT NULL;
ALTER TABLE job ADD COLUMN route_workers VARCHAR(4000);
ALTER TABLE job ADD COLUMN route_tags VARCHAR(2000);
ALTER TABLE job ADD COLUMN min_free_heap_mb BIGINT;
ALTER TABLE job ADD COLUMN max_cpu_load DOUBLE PRECISION;
ALTER TABLE job ADD COLUMN min_free_disk_mb BIGINT;
ALTER TABLE job ADD COLUMN max_workers INTEGER;
