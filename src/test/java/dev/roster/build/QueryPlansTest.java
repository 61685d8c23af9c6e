package dev.roster.build;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reading auto_explain's log as PostgreSQL 15 writes it. */
class QueryPlansTest {

    static final String LISTING = "SELECT u.id FROM users u WHERE u.tenant_id = $1 AND u.listed_from <= $2 AND"
            + " u.listed_until > $3 ORDER BY u.username_lc, u.id OFFSET $4 ROWS FETCH NEXT $5 ROWS ONLY";

    static final List<String> LOG = List.of(
            "2026-11-30 03:40:01.123 UTC [311] LOG:  duration: 0.041 ms  plan:",
            "\tQuery Text: SELECT id FROM users WHERE tenant_id = $1",
            "\t  AND username_lc = $2",
            "\tIndex Scan using uq_users_username on users  (cost=0.42..8.44 rows=1 width=37)",
            "\t  Index Cond: ((tenant_id = $1) AND ((username_lc)::text = $2))",
            "2026-11-30 03:40:01.200 UTC [311] LOG:  duration: 3.000 ms  plan:",
            "\tQuery Text: SELECT * FROM audit_events WHERE actor = $1",
            "\tSeq Scan on audit_events  (cost=10000000000.00..10000000001.10 rows=1 width=900)",
            "\t  Filter: ((actor)::text = $1)",
            "2026-11-30 03:40:02.000 UTC [312] LOG:  duration: 9.000 ms  plan:",
            "\tQuery Text: SELECT DISTINCT name FROM counter_deltas",
            "\tHashAggregate  (cost=10000000001.00..10000000002.00 rows=10 width=32)",
            "\t  ->  Seq Scan on counter_deltas  (cost=10000000000.00..10000000001.00 rows=100 width=32)",
            "2026-11-30 03:40:02.500 UTC [312] LOG:  duration: 9.000 ms  plan:",
            "\tQuery Text: SELECT id FROM tenants ORDER BY label",
            "\tIndex Scan using uq_tenants_label on tenants  (cost=0.15..60.00 rows=1000 width=40)",
            "2026-11-30 03:40:02.600 UTC [312] LOG:  duration: 9.000 ms  plan:",
            "\tQuery Text: SELECT u.id FROM users u WHERE u.tenant_id = $1 ORDER BY u.username_lc LIMIT 5",
            "\tLimit  (cost=0.42..9.00 rows=5 width=37)",
            "\t  ->  Index Only Scan using ix_users_listing on users u  (cost=0.42..9000.00 rows=5000 width=37)",
            "\t        Index Cond: (tenant_id = $1)",
            "2026-11-30 03:40:02.700 UTC [312] LOG:  duration: 0.030 ms  plan:",
            "\tQuery Text: SELECT t0.ID FROM users t0 WHERE t0.ID = $1",
            "\tIndex Scan using ix_users_mgmt_path on users t0  (cost=0.12..8.14 rows=1 width=812)",
            "\t  Filter: (id = $1)",
            "2026-11-30 03:40:02.800 UTC [312] LOG:  duration: 0.900 ms  plan:",
            "\tQuery Text: " + LISTING,
            "\tLimit  (cost=0.29..60.10 rows=20 width=37)",
            "\t  ->  Incremental Sort  (cost=0.29..2980.00 rows=9000 width=37)",
            "\t        Sort Key: username_lc COLLATE \"C\", id",
            "\t        Presorted Key: username_lc",
            "\t        ->  Index Scan using ix_users_any_username on users u  (cost=0.29..2500.00 rows=9000 width=37)",
            "\t              Filter: ((tenant_id = $1) AND (listed_from <= $2) AND (listed_until > $3))",
            "2026-11-30 03:40:02.900 UTC [312] LOG:  duration: 0.900 ms  plan:",
            "\tQuery Text: " + LISTING,
            "\tLimit  (cost=0.29..60.10 rows=20 width=37)",
            "\t  ->  Sort  (cost=0.29..2980.00 rows=9000 width=37)",
            "\t        Sort Key: username_lc COLLATE \"C\", id",
            "\t        ->  Index Scan using ix_users_external_id on users u  (cost=0.29..2500.00 rows=9000 width=37)",
            "\t              Filter: ((tenant_id = $1) AND (listed_from <= $2) AND (listed_until > $3))",
            "2026-11-30 03:40:02.950 UTC [312] LOG:  duration: 0.200 ms  plan:",
            "\tQuery Text: SELECT t1.ID, t0.ID FROM users t1 LEFT OUTER JOIN users t0 ON (t0.ID = t1.manager_id)"
                    + " WHERE (t1.ID IN ($1))",
            "\tMerge Left Join  (cost=8.81..9.04 rows=1 width=15182)",
            "\t  Merge Cond: (t1.manager_id = t0.id)",
            "\t  ->  Sort  (cost=8.31..8.32 rows=1 width=7591)",
            "\t        Sort Key: t1.manager_id",
            "\t        ->  Index Scan using users_pkey on users t1  (cost=0.28..8.30 rows=1 width=7591)",
            "\t              Index Cond: (id = ($1)::bpchar)",
            "\t  ->  Index Scan using users_pkey on users t0  (cost=0.28..734.65 rows=7008 width=7591)",
            "2026-11-30 03:40:03.000 UTC [313] LOG:  statement: BEGIN");

    @Test
    void aStatementThatScansOneOfRostersTablesIsFoundUnlessItDoesSoByDesignTheTableIsBelievedEmptyOrTheReadStops() {
        QueryPlans.Result result = QueryPlans.check(LOG);
        assertEquals(9, result.planned());
        assertEquals(8, result.distinct());
        assertEquals(Map.of("SELECT * FROM audit_events WHERE actor = $1", Set.of("audit_events"),
                "SELECT id FROM tenants ORDER BY label", Set.of("tenants (its whole index)"),
                LISTING, Set.of("users (its whole index)")), result.scans());
    }

    @Test
    void aStatementMayReadWholeOnlyTheIndexItsReasonNames() {
        QueryPlans.Result result = QueryPlans.check(LOG.subList(0, LOG.size() - 17));
        assertEquals(7, result.planned());
        assertEquals(Set.of("SELECT * FROM audit_events WHERE actor = $1", "SELECT id FROM tenants ORDER BY label"),
                result.scans().keySet());
    }

    @Test
    void aLimitAboveAWholeIndexReadIsNotTakenOnTrust() {
        QueryPlans.Result result = QueryPlans.check(List.of(
                "2026-12-01 03:40:02.600 UTC [312] LOG:  duration: 9.000 ms  plan:",
                "\tQuery Text: SELECT u.id FROM users u WHERE u.email_lc = $1 ORDER BY u.username_lc LIMIT 5",
                "\tLimit  (cost=0.42..700.00 rows=5 width=37)",
                "\t  ->  Index Scan using ix_users_any_username on users u  (cost=0.42..734.00 rows=5 width=37)",
                "\t        Filter: ((email_lc)::text = $1)"));
        assertEquals(Set.of("users (its whole index)"), result.scans().values().iterator().next());
    }

    @Test
    void eachScanningStatementKeepsItsFirstPlanToShow() {
        assertEquals(List.of("Limit  (cost=0.29..60.10 rows=20 width=37)",
                "  ->  Sort  (cost=0.29..2980.00 rows=9000 width=37)",
                "        Sort Key: username_lc COLLATE \"C\", id",
                "        ->  Index Scan using ix_users_external_id on users u  (cost=0.29..2500.00 rows=9000 width=37)",
                "              Filter: ((tenant_id = $1) AND (listed_from <= $2) AND (listed_until > $3))"),
                QueryPlans.check(LOG).plans().get(LISTING));
    }
}
