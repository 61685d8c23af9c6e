-- Each counter gets a row at the end of time with delta 0, its sentinel. A reader sums a counter's rows from its
-- settled moment up to now; when no row of the counter lies after now, Derby's index scan walks on to the next
-- row of the index, which belongs to the next counter. Pruning deletes each counter's oldest rows, and Derby
-- keeps the emptied B-tree pages, so that walk crossed every page the next counter's pruning had emptied
-- (15,273 pages for each read of the audit log's total at a million users). The sentinel stops every scan of a
-- counter inside the counter's own rows. Counters created later get theirs when first settled.
-- (PostgreSQL writes a timestamp literal as TIMESTAMP '…', Derby as TIMESTAMP('…'); the variant for PostgreSQL was
-- added after this script shipped for Derby, whose statement and checksum are unchanged.)
--@derby
INSERT INTO counter_deltas (id, name, effective_at, delta)
    SELECT 0, name, TIMESTAMP('9999-12-31 23:59:59'), 0 FROM counters
    UNION SELECT 0, name, TIMESTAMP('9999-12-31 23:59:59'), 0 FROM counter_deltas;
--@postgresql
INSERT INTO counter_deltas (id, name, effective_at, delta)
    SELECT 0, name, TIMESTAMP '9999-12-31 23:59:59', 0 FROM counters
    UNION SELECT 0, name, TIMESTAMP '9999-12-31 23:59:59', 0 FROM counter_deltas;
