-- What the owner of an app last saw of its workers, so that the admin API on any server can say why an instance
-- waits and warn about a job whose processor no live worker has. processors: one name per line; NULL when unknown
-- (a worker that does not report its processors, or more names than the column holds).
CREATE TABLE app_workers (
    app_name     VARCHAR(64)    PRIMARY KEY REFERENCES app (name),
    epoch        BIGINT         NOT NULL,
    live_workers INTEGER        NOT NULL,
    processors   VARCHAR(20000),
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
