-- The work profile of a user, as Kore.ai's bulk user creation names it (seed 002 userInfo, canCreateBot,
-- isDeveloper, assignBotTasks), and which service issued an invitation (issue 16).
--
-- org_user_id: the organization-assigned id; an exact one is searched, so it has an index of its own. Not one that
-- leads with tenant_id: PostgreSQL took such an index for the tenant's other queries; and not (org_user_id,
-- tenant_id) either: while org_user_id is mostly null that index is tiny, and PostgreSQL scanned all of it for
-- every query of a tenant's users. A search by id reads the few users holding it, whatever their tenant.
-- bot_tasks: the agents assigned to the user, their ids separated by U+001F (ids hold no control characters).
ALTER TABLE users ADD COLUMN org_user_id VARCHAR(128);
ALTER TABLE users ADD COLUMN company_name VARCHAR(255);
ALTER TABLE users ADD COLUMN dept VARCHAR(255);
ALTER TABLE users ADD COLUMN company_contact_phone VARCHAR(64);
ALTER TABLE users ADD COLUMN worknumber VARCHAR(64);
ALTER TABLE users ADD COLUMN street VARCHAR(255);
ALTER TABLE users ADD COLUMN suite_no VARCHAR(64);
ALTER TABLE users ADD COLUMN city VARCHAR(128);
ALTER TABLE users ADD COLUMN zip VARCHAR(20);
ALTER TABLE users ADD COLUMN state VARCHAR(128);
ALTER TABLE users ADD COLUMN can_create_bot BOOLEAN;
ALTER TABLE users ADD COLUMN is_developer BOOLEAN;
ALTER TABLE users ADD COLUMN bot_tasks VARCHAR(4000);
CREATE INDEX ix_users_org_user_id ON users (org_user_id);

-- invitations.service: the service whose switch governs accepting it (invitations, or kore for the activation
-- e-mail of a user Kore.ai's API created).
ALTER TABLE invitations ADD COLUMN service VARCHAR(32) DEFAULT 'invitations' NOT NULL;
