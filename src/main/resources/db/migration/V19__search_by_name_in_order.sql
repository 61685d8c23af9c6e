-- A prefix search reads each name's range in the order it answers in (the name, then the username) and stops at the
-- page: the name indexes carry the username, so neither database sorts a range to page it.
DROP INDEX ix_users_first_name;
DROP INDEX ix_users_last_name;
CREATE INDEX ix_users_first_name ON users (tenant_id, first_name_lc, username_lc);
CREATE INDEX ix_users_last_name ON users (tenant_id, last_name_lc, username_lc);
