package cn.xinfang.petition.app.readmodel;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.xinfang.petition.projection.overdue.FindOverdueQuery;
import cn.xinfang.petition.projection.overdue.FindTimeLimitPageQuery;
import cn.xinfang.petition.projection.overdue.OverdueQueries;

import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How PostgreSQL plans the overdue view's statements (issue 18, Flyway V94). A connection keeps the
 * plan it prepared for a statement. With V93's indexes, which led with {@code stopped_at}, a
 * benchmark's rebuild showed (auto_explain) the stop of a stage planned on {@code stopped_at is null}
 * alone, reading every open run for each stop; the table's state that made the planner choose it was
 * not rebuilt here. These tests hold what V94 makes structural: with the table empty and analysed and
 * the generic plan forced, the statements that find a case's running stage use
 * {@code time_limit_run_open} and none of the unit-led indexes; a unit's overdue list starts from the
 * unit's runs that can still be open (for the values of a request: the list's instants decide).
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "test.db", matches = "postgres", disabledReason = "plans are PostgreSQL's (run with -Ppostgres)")
class OverduePlansTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager tm;
    @Autowired
    OverdueQueries overdue;

    /** A statement of the overdue view as its handlers send it, with the types of its parameters. */
    record Probe(String sql, String types) {
        String nulls() {
            return String.join(", ", Collections.nCopies(types.split(",").length, "null"));
        }
    }

    static final List<Probe> RUNNING_STAGE_STATEMENTS = List.of(
            new Probe("update time_limit_run set stopped_at = $1, stopped_recorded_at = $2, met = $3, stop_reason = $4 "
                    + "where case_id = $5 and stage = $6 and stopped_at is null", "timestamptz, timestamptz, boolean, text, text, text"),
            new Probe("update time_limit_run set warned_recorded_at = $1 where case_id = $2 and stage = $3 and stopped_at is null",
                    "timestamptz, text, text"),
            new Probe("update time_limit_run set breached_recorded_at = $1 where case_id = $2 and stage = $3 and stopped_at is null",
                    "timestamptz, text, text"),
            new Probe("update time_limit_run set due_version = $1, due_at = $2, warning_at = $3, due_effective_at = $4, "
                    + "due_recorded_at = $5 where case_id = $6 and stage = $7 and stopped_at is null and (due_version is null or due_version <= $8)",
                    "bigint, timestamptz, timestamptz, timestamptz, timestamptz, text, text, bigint"),
            new Probe("delete from time_limit_due where version_no = $1 and run_id in "
                    + "(select r.run_id from time_limit_run r where r.case_id = $2 and r.stage = $3 and r.stopped_at is null)",
                    "bigint, text, text"));

    /** Each test starts from an empty overdue view. */
    @BeforeEach
    void emptyView() {
        jdbc.execute("delete from time_limit_due");
        jdbc.execute("delete from time_limit_run");
    }

    /** The plan of {@code sql} (parameters $1…) as a connection would keep it, the table as it is now; rolled back. */
    List<String> genericPlan(String sql, String types, String args) {
        return plan("force_generic_plan", sql, types, args);
    }

    /** The plan of {@code sql} for the values {@code args}; rolled back. */
    List<String> customPlan(String sql, String types, String args) {
        return plan("force_custom_plan", sql, types, args);
    }

    private List<String> plan(String mode, String sql, String types, String args) {
        return new TransactionTemplate(tm).execute(status -> jdbc.execute((Statement s) -> {
            s.execute("set local plan_cache_mode = " + mode);
            s.execute("prepare probe(" + types + ") as " + sql);
            List<String> lines = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("explain execute probe(" + args + ")")) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
            s.execute("deallocate probe");
            status.setRollbackOnly();
            return lines;
        }));
    }

    @Test
    @DisplayName("表为空时准备的语句：查在办环节仍走 (case_id, stage, stopped_at) 索引，不扫描全部在办记录")
    void aRunningStageIsFoundByItsCaseEvenWhenPlannedOnAnEmptyTable() {
        jdbc.execute("analyze time_limit_run, time_limit_due");

        for (Probe p : RUNNING_STAGE_STATEMENTS) {
            String text = String.join("\n", genericPlan(p.sql(), p.types(), p.nulls()));
            assertThat(text).as(p.sql() + "\n" + text).contains("time_limit_run_open");
            assertThat(text).as(p.sql() + "\n" + text).doesNotContain("time_limit_run_unit_stopped", "time_limit_run_unit_stop_recorded");
        }
    }

    @Test
    @DisplayName("某单位的超期清单只读该单位可能在办的记录（按单位的索引，位图 OR）")
    void aUnitsListStartsFromItsRunsThatCanStillBeOpen() {
        // 40 units × 500 runs, of which 5 per unit still running: the history a town builds up
        jdbc.execute("""
                insert into time_limit_run (run_id, case_id, unit, stage, started_at, started_recorded_at, stopped_at, stopped_recorded_at)
                select 'plan-' || g, 'case-' || g, 'u-' || (g % 40), 'ACCEPT', timestamptz '2026-01-05 09:00+08' + g * interval '1 minute',
                       timestamptz '2026-01-05 09:00+08' + g * interval '1 minute',
                       case when g < 200 then null else timestamptz '2026-01-05 10:00+08' + g * interval '1 minute' end,
                       case when g < 200 then null else timestamptz '2026-01-05 10:00+08' + g * interval '1 minute' end
                  from generate_series(0, 19999) g""");
        jdbc.execute("analyze time_limit_run");

        List<String> plan = customPlan("select r.run_id from time_limit_run r where r.unit = $1 and r.started_at <= $2 "
                        + "and (r.stopped_at is null or r.stopped_at > $2 or r.stopped_recorded_at > $3)",
                "text, timestamptz, timestamptz", "'u-7', timestamptz '2026-03-02 09:00+08', timestamptz '2026-03-02 09:00+08'");
        String text = String.join("\n", plan);
        assertThat(text).as(text).contains("BitmapOr", "time_limit_run_unit_stopped", "time_limit_run_unit_stop_recorded");
        assertThat(text).as(text).doesNotContain("Seq Scan");
    }

    /**
     * 40 units × 500 runs, of which 5 per unit still running, each due two days after its start (one due version, as
     * the run's copy keeps it): at 2026-03-02 every run is past due, and the stopped ones (495 per unit) must not be read.
     */
    void runsPastDue() {
        jdbc.execute("""
                insert into time_limit_run (run_id, case_id, unit, stage, started_at, started_recorded_at, stopped_at, stopped_recorded_at,
                                            due_version, due_at, warning_at, due_effective_at, due_recorded_at)
                select 'plan-' || g, 'case-' || g, 'u-' || (g % 40), 'ACCEPT', timestamptz '2026-01-05 09:00+08' + g * interval '1 minute',
                       timestamptz '2026-01-05 09:00+08' + g * interval '1 minute',
                       case when g < 200 then null else timestamptz '2026-01-05 10:00+08' + g * interval '1 minute' end,
                       case when g < 200 then null else timestamptz '2026-01-05 10:00+08' + g * interval '1 minute' end,
                       g, timestamptz '2026-01-07 09:00+08' + g * interval '1 minute', timestamptz '2026-01-07 08:00+08' + g * interval '1 minute',
                       timestamptz '2026-01-05 09:00+08' + g * interval '1 minute', timestamptz '2026-01-05 09:00+08' + g * interval '1 minute'
                  from generate_series(0, 19999) g""");
    }

    @Test
    @DisplayName("某单位“当前”的超期清单：在办记录按到期时间从 (unit, stopped_at, due_at) 索引读取，未到期的不读（V95）")
    void aUnitsOverdueRunsAreFoundByTheirDueInstant() {
        runsPastDue();
        jdbc.execute("analyze time_limit_run");

        List<String> plan = customPlan("select r.run_id from time_limit_run r where r.unit = $1 and r.started_at <= $2 "
                        + "and (r.stopped_at is null or r.stopped_at > $2 or r.stopped_recorded_at > $3) "
                        + "and r.due_effective_at <= $2 and r.due_recorded_at <= $3 and r.due_at < $2",
                "text, timestamptz, timestamptz", "'u-7', timestamptz '2026-03-02 09:00+08', timestamptz '2026-03-02 09:00+08'");
        String text = String.join("\n", plan);
        // the running ones: unit, stopped_at is null and the due instant, all three from the index
        assertThat(plan).as(text).anyMatch(line -> line.contains("Index Cond") && line.contains("stopped_at IS NULL")
                && line.contains("due_at <"));
        assertThat(text).as(text).contains("time_limit_run_unit_stopped_due").doesNotContain("Seq Scan");
    }

    @Test
    @DisplayName("超期清单的语句每次按所查时刻规划：同一连接上查多次也不成为服务器端预备语句（其通用计划慢约17倍）")
    void theListsStatementIsNeverAServerPreparedStatement() {
        String prepared = "select count(*) from pg_prepared_statements where not from_sql and statement like '%from time_limit_run r where%' "
                + "and statement not like '%pg_prepared_statements%'";
        Instant now = Instant.parse("2026-03-02T01:00:00Z");
        List<Object> args = new ArrayList<>(Collections.nCopies(15, Timestamp.from(now)));
        args.addAll(List.of("u-7", 50, 0L));
        // one connection throughout: the transaction's
        long[] counts = new TransactionTemplate(tm).execute(status -> {
            long before = jdbc.queryForObject(prepared, Long.class);
            for (int i = 0; i < 8; i++) {
                overdue.find(new FindTimeLimitPageQuery(new FindOverdueQuery("u-7", now, now), 0, 50));
            }
            long asTheServiceSendsIt = jdbc.queryForObject(prepared, Long.class);
            // the same statement as JdbcTemplate sends any: the driver, which counts the statement's runs on the connection
            // (the service's included), makes it a prepared statement from the fifth
            for (int i = 0; i < 8; i++) {
                jdbc.queryForList(OverdueQueries.unitOverduePageStatement(), args.toArray());
            }
            return new long[] {before, asTheServiceSendsIt, jdbc.queryForObject(prepared, Long.class)};
        });
        assertThat(counts[1]).as("prepared by the service's runs").isEqualTo(counts[0]);
        assertThat(counts[2]).as("prepared by the same statement sent as any other").isEqualTo(counts[0] + 1);
    }

    @Test
    @DisplayName("超期清单的实际语句（按单位、当前、第一页）：在办记录按到期时间读索引，已停止的不读")
    void theStatementOfAUnitsOverduePageReadsItsRunsPastDueFromTheIndex() {
        runsPastDue();
        jdbc.execute("""
                insert into time_limit_due (run_id, version_no, due_at, warning_at, effective_at, recorded_at)
                select run_id, due_version, due_at, warning_at, due_effective_at, due_recorded_at from time_limit_run""");
        jdbc.execute("analyze time_limit_run, time_limit_due");

        // the statement as the service sends it, its ? numbered for PREPARE
        String sql = OverdueQueries.unitOverduePageStatement();
        StringBuilder numbered = new StringBuilder();
        int n = 0;
        for (char ch : sql.toCharArray()) {
            numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
        }
        assertThat(n).isEqualTo(18);
        List<String> types = new ArrayList<>(Collections.nCopies(15, "timestamptz"));
        types.addAll(List.of("text", "integer", "bigint"));
        String now = "timestamptz '2026-03-02 09:00+08'";
        List<String> args = new ArrayList<>(Collections.nCopies(15, now));
        args.addAll(List.of("'u-7'", "50", "0"));
        List<String> plan = customPlan(numbered.toString(), String.join(", ", types), String.join(", ", args));
        String text = String.join("\n", plan);
        // the first part: the unit's running stages past due, from the index, with the due instant in its condition
        assertThat(plan).as(text).anyMatch(line -> line.contains("Index Cond") && line.contains("stopped_at IS NULL")
                && line.contains("due_at <"));
        assertThat(text).as(text).contains("time_limit_run_unit_stopped_due").doesNotContain("Seq Scan");
    }
}
