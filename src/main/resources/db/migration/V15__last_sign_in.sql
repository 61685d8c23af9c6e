-- When each user last signed in with its password at the token endpoint (AppXite's users list shows it).
ALTER TABLE users ADD COLUMN last_sign_in_at TIMESTAMP;
