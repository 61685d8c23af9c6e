-- Nothing reads users by e-mail across tenants (the operator's search matches four columns at once, which no
-- single index serves, and the per-tenant uniqueness check uses uq_users_email); the index only slowed every
-- write of a user.
DROP INDEX ix_users_any_email;
