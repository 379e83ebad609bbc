-- the admin API lists an app's instances by fire time, page by page (keyset on fire_time, id)
CREATE INDEX job_instance_by_app_fire ON job_instance (app_name, fire_time, id);
