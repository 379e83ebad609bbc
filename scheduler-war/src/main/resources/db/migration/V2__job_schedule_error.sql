-- Why a job was taken out of firing on its own (its schedule could not be computed); null while it fires.
ALTER TABLE job ADD COLUMN schedule_error VARCHAR(1000);
