-- Bulk jobs and Idempotency-Key (issue 17).
--
-- jobs: one per POST /bulk, written with all its items before the 202 is answered. The counts are updated in the
-- transaction of each chunk, so they never run ahead of the items they count.
CREATE TABLE jobs (
    id CHAR(36) NOT NULL PRIMARY KEY,
    tenant_id CHAR(36) NOT NULL,
    format VARCHAR(10) NOT NULL,
    status VARCHAR(20) NOT NULL,
    total INTEGER NOT NULL,
    processed INTEGER NOT NULL,
    succeeded INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    chunks INTEGER NOT NULL,
    chunks_done INTEGER NOT NULL,
    submitted_by_id VARCHAR(64) NOT NULL,
    submitted_by VARCHAR(300) NOT NULL,
    submitter_roles VARCHAR(300) NOT NULL,
    request_id VARCHAR(64),
    error VARCHAR(1000),
    created_at TIMESTAMP NOT NULL,
    started_at TIMESTAMP,
    finished_at TIMESTAMP,
    version BIGINT NOT NULL,
    CONSTRAINT fk_jobs_tenant FOREIGN KEY (tenant_id) REFERENCES tenants (id)
);
CREATE INDEX ix_jobs_tenant ON jobs (tenant_id, created_at);
CREATE INDEX ix_jobs_status ON jobs (status, created_at);

-- job_chunks: a job's items, a chunk of them to a row (items: a JSON array). Items are applied in runs, each run in one
-- transaction together with its results (job_results), the chunk's progress (done_items and its counts) and the job's
-- counts, so an item is applied exactly once whatever crashes; a chunk without failures is one run. claimed_by and
-- claimed_until are the lease of the instance applying it: when it dies, the lease runs out and another takes over.
--@derby
CREATE TABLE job_chunks (
    job_id CHAR(36) NOT NULL,
    seq INTEGER NOT NULL,
    first_item INTEGER NOT NULL,
    item_count INTEGER NOT NULL,
    items CLOB NOT NULL,
    done_items INTEGER NOT NULL,
    succeeded INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    status VARCHAR(20) NOT NULL,
    attempts INTEGER NOT NULL,
    claimed_by VARCHAR(100),
    claimed_until TIMESTAMP,
    PRIMARY KEY (job_id, seq),
    CONSTRAINT fk_job_chunks_job FOREIGN KEY (job_id) REFERENCES jobs (id)
);

--@postgresql
CREATE TABLE job_chunks (
    job_id CHAR(36) NOT NULL,
    seq INTEGER NOT NULL,
    first_item INTEGER NOT NULL,
    item_count INTEGER NOT NULL,
    items TEXT NOT NULL,
    done_items INTEGER NOT NULL,
    succeeded INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    status VARCHAR(20) NOT NULL,
    attempts INTEGER NOT NULL,
    claimed_by VARCHAR(100),
    claimed_until TIMESTAMP,
    PRIMARY KEY (job_id, seq),
    CONSTRAINT fk_job_chunks_job FOREIGN KEY (job_id) REFERENCES jobs (id)
);
CREATE INDEX ix_job_chunks_pending ON job_chunks (status, job_id, seq);

-- job_results: the results of one run of items (results: a JSON array, one per item, in order), from first_item on,
-- and the instance that applied them.
--@derby
CREATE TABLE job_results (
    job_id CHAR(36) NOT NULL,
    first_item INTEGER NOT NULL,
    item_count INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    applied_by VARCHAR(100) NOT NULL,
    results CLOB NOT NULL,
    PRIMARY KEY (job_id, first_item),
    CONSTRAINT fk_job_results_job FOREIGN KEY (job_id) REFERENCES jobs (id)
);
--@postgresql
CREATE TABLE job_results (
    job_id CHAR(36) NOT NULL,
    first_item INTEGER NOT NULL,
    item_count INTEGER NOT NULL,
    failed INTEGER NOT NULL,
    applied_by VARCHAR(100) NOT NULL,
    results TEXT NOT NULL,
    PRIMARY KEY (job_id, first_item),
    CONSTRAINT fk_job_results_job FOREIGN KEY (job_id) REFERENCES jobs (id)
);

-- idempotency_records: the answer to a write sent with an Idempotency-Key, per tenant ('-' for the platform's own
-- paths), caller and key; fingerprint is the SHA-256 of the method, path and body. A record is RUNNING from the
-- moment the request is let through until its answer is stored (COMPLETED); kept until expires_at.
--@derby
CREATE TABLE idempotency_records (
    tenant_id VARCHAR(36) NOT NULL,
    caller_id VARCHAR(64) NOT NULL,
    idem_key VARCHAR(255) NOT NULL,
    fingerprint CHAR(64) NOT NULL,
    state VARCHAR(20) NOT NULL,
    status INTEGER,
    headers VARCHAR(4000),
    body CLOB,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, caller_id, idem_key)
);
--@postgresql
CREATE TABLE idempotency_records (
    tenant_id VARCHAR(36) NOT NULL,
    caller_id VARCHAR(64) NOT NULL,
    idem_key VARCHAR(255) NOT NULL,
    fingerprint CHAR(64) NOT NULL,
    state VARCHAR(20) NOT NULL,
    status INTEGER,
    headers VARCHAR(4000),
    body TEXT,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    PRIMARY KEY (tenant_id, caller_id, idem_key)
);
CREATE INDEX ix_idempotency_records_expiry ON idempotency_records (expires_at);
