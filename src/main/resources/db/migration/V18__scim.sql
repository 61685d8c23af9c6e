-- SCIM 2.0 (issue 18): the core and enterprise User attributes (RFC 7643 sections 4.1 and 4.3) that no field of
-- the other APIs holds. The enterprise organization and department are Kore.ai's company_name and dept; a work
-- phone is worknumber; a work address is street, city, state, zip and country.
--
-- external_id: the identity provider's own id of the user; Entra ID and Okta look users up by it, so an exact one is
-- one index probe. Its own index, as org_user_id's (V16): while most users have none, an index that leads with
-- tenant_id would be chosen for the tenant's other queries.
-- updated_at: SCIM's meta.lastModified; identity providers ask for what changed since a moment.
ALTER TABLE users ADD COLUMN external_id VARCHAR(255);
ALTER TABLE users ADD COLUMN display_name VARCHAR(255);
ALTER TABLE users ADD COLUMN nick_name VARCHAR(255);
ALTER TABLE users ADD COLUMN middle_name VARCHAR(255);
ALTER TABLE users ADD COLUMN honorific_prefix VARCHAR(64);
ALTER TABLE users ADD COLUMN honorific_suffix VARCHAR(64);
ALTER TABLE users ADD COLUMN title VARCHAR(255);
ALTER TABLE users ADD COLUMN user_type VARCHAR(64);
ALTER TABLE users ADD COLUMN preferred_language VARCHAR(35);
ALTER TABLE users ADD COLUMN locale VARCHAR(35);
ALTER TABLE users ADD COLUMN employee_number VARCHAR(64);
ALTER TABLE users ADD COLUMN cost_center VARCHAR(128);
ALTER TABLE users ADD COLUMN division VARCHAR(255);
ALTER TABLE users ADD COLUMN mobile VARCHAR(64);
ALTER TABLE users ADD COLUMN fax VARCHAR(64);
CREATE INDEX ix_users_external_id ON users (external_id);
CREATE INDEX ix_users_updated ON users (tenant_id, updated_at);
