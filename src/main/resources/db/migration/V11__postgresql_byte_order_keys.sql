-- PostgreSQL only: the text columns Roster ranges over, sorts by or prefixes compare byte by byte (collation "C"),
-- whatever collation the operator's database was created with. Roster reads a prefix as the range [p, p + U+FFFF)
-- and pages lists by username; under a linguistic collation (en_US, ICU) that range misses or adds values and the
-- order differs from Derby's, whose default collation is already by code point. "C" comparisons are also the
-- cheapest. Changing a column's collation rebuilds its indexes (on an empty database at first start, instantly).
--@postgresql
ALTER TABLE users ALTER COLUMN username_lc TYPE VARCHAR(128) COLLATE "C",
    ALTER COLUMN email_lc TYPE VARCHAR(254) COLLATE "C",
    ALTER COLUMN first_name_lc TYPE VARCHAR(100) COLLATE "C",
    ALTER COLUMN last_name_lc TYPE VARCHAR(100) COLLATE "C",
    ALTER COLUMN mgmt_path TYPE VARCHAR(1900) COLLATE "C";
--@postgresql
ALTER TABLE counter_deltas ALTER COLUMN name TYPE VARCHAR(100) COLLATE "C",
    ALTER COLUMN sort_key TYPE VARCHAR(128) COLLATE "C";
--@postgresql
ALTER TABLE counters ALTER COLUMN name TYPE VARCHAR(100) COLLATE "C";
--@postgresql
ALTER TABLE tenants ALTER COLUMN label TYPE VARCHAR(63) COLLATE "C";
--@postgresql
ALTER TABLE tenant_roles ALTER COLUMN name_lc TYPE VARCHAR(100) COLLATE "C";
--@postgresql
ALTER TABLE user_privileges ALTER COLUMN slot TYPE VARCHAR(200) COLLATE "C",
    ALTER COLUMN role TYPE VARCHAR(64) COLLATE "C",
    ALTER COLUMN scope TYPE VARCHAR(200) COLLATE "C";
--@postgresql
ALTER TABLE domain_mappings ALTER COLUMN domain TYPE VARCHAR(253) COLLATE "C";
--@postgresql
ALTER TABLE operators ALTER COLUMN username TYPE VARCHAR(128) COLLATE "C";
