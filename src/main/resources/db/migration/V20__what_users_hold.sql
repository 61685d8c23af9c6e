-- Whether a key was ever issued to the user, and whether it ever joined a group or organization. Most users have
-- neither, and a user's representation then needs no query of api_keys or memberships (docs/benchmarks.md, issue
-- 20). Each flag turns true with the first key or membership and stays so: a user whose keys and memberships have
-- all ended is queried as before, and finds none.
ALTER TABLE users ADD COLUMN keys_issued BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN containers_joined BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE users SET keys_issued = TRUE WHERE id IN (SELECT k.user_id FROM api_keys k);
UPDATE users SET containers_joined = TRUE WHERE id IN (SELECT m.user_id FROM memberships m);
