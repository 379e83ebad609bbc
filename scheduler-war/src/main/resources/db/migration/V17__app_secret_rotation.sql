-- App secrets rotate without downtime: the secret replaced stays valid, hashed like the current one (salted
-- SHA-256), until previous_secret_until (the database's time); null columns when there is none.
ALTER TABLE app ADD COLUMN previous_secret_salt VARCHAR(64);
ALTER TABLE app ADD COLUMN previous_secret_hash VARCHAR(128);
ALTER TABLE app ADD COLUMN previous_secret_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE app ADD COLUMN secret_rotated_at TIMESTAMP WITH TIME ZONE;
