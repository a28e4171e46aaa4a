package cn.xinfang.petition.app.readmodel;

import cn.xinfang.petition.projection.worklist.WorklistQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How PostgreSQL plans the work list (工作台) of all units (issue 18, Flyway V96): the open cases are read from
 * {@code ledger_case_open_due} alone, in its order, one status after another merged, as far as the page goes; not
 * by a scan of every case, nor of every open one.
 */
@SpringBootTest
@EnabledIfSystemProperty(named = "test.db", matches = "postgres", disabledReason = "plans are PostgreSQL's (run with -Ppostgres)")
class WorklistPlansTest {

    @Autowired
    JdbcTemplate jdbc;

    /** The open statuses in turn: the n-th open case (n from 0) has the status n % 4. */
    static final List<String> OPEN = WorklistQueries.OPEN_STATUSES;

    @Test
    @DisplayName("全部单位的工作台：按状态分别从 (status, current_due, case_no, case_id) 索引按序读取并归并，只读一页所需；各页与逐行排序相同")
    void theOpenCasesOfAllUnitsAreReadFromTheIndex() throws Exception {
        jdbc.execute("delete from ledger_stage");
        jdbc.execute("delete from ledger_case");
        // 20,000 cases of 40 units, one in 40 still open (i = 40, 80, …), the others resolved; the open ones take the four
        // open statuses in turn, their stages due a minute apart in the order of i, except every seventh open case, which
        // has no running stage (no due instant: last in the list)
        jdbc.execute("""
                insert into ledger_case (case_id, case_no, petitioner_name, subject, content, channel, category, track, unit,
                                         first_unit, status, headcount, collective, escalated, registered_at, recorded_at,
                                         current_stage, current_due)
                select 'c-' || i, '2026-' || lpad(i::text, 6, '0'), '王五', '道路维修', '来访登记', 'VISIT', 'COMPLAINT', 'SIMPLE',
                       'u-' || (i % 40), 'u-' || (i % 40),
                       case when i % 40 = 0 then (array['REGISTERED', 'SIGNED', 'ACCEPTED', 'OPINION_GIVEN'])[(i / 40) % 4 + 1]
                            else 'RESOLVED' end,
                       1, false, false, timestamptz '2026-03-02 09:00+08', timestamptz '2026-03-02 09:00+08',
                       case when i % 40 = 0 and (i / 40) % 7 <> 0 then 'OPINION' end,
                       case when i % 40 = 0 and (i / 40) % 7 <> 0 then timestamptz '2026-03-09 09:00+08' + i * interval '1 minute' end
                from generate_series(1, 20000) i""");
        jdbc.execute("analyze ledger_case");
        assertThat(OPEN).containsExactly("REGISTERED", "SIGNED", "ACCEPTED", "OPINION_GIVEN");

        // the statement as the service sends it, for the open statuses and the first page of 20
        String sql = literal(0, 20);
        List<String> plan = jdbc.queryForList("explain " + sql, String.class);
        String text = plan.stream().collect(Collectors.joining("\n"));
        // one ordered read of the index per status, as far as the page goes: not all 500 open cases sorted
        assertThat(text).as(text).contains("ledger_case_open_due").doesNotContain("Seq Scan").doesNotContain("Bitmap");
        // run: no step of the plan handles more than the page's end of each of the four statuses (the old statement: 500)
        assertThat(actualRows(jdbc.queryForObject("explain (analyze, format json) " + sql, String.class))).allSatisfy(n ->
                assertThat(n).isLessThanOrEqualTo(4 * 20));

        // the pages, by hand: the open cases are i = 40n (n = 1…500); the ones with a due instant first, in the order of i
        // (n not a multiple of 7), then the 71 without one (n = 7, 14, …, 497) by case number, i.e. again in the order of i
        List<String> expected = new ArrayList<>();
        for (int n = 1; n <= 500; n++) {
            if (n % 7 != 0) {
                expected.add("c-" + 40 * n);
            }
        }
        for (int n = 7; n <= 500; n += 7) {
            expected.add("c-" + 40 * n);
        }
        assertThat(expected).hasSize(500).startsWith("c-40", "c-80").endsWith("c-19880");
        for (int offset : new int[] {0, 20, 420, 480, 490, 500, 520}) {
            List<String> page = jdbc.queryForList(WorklistQueries.allUnitsPageStatement(), String.class, arguments(offset, 20));
            assertThat(page).as("offset %d", offset).isEqualTo(expected.subList(Math.min(500, offset), Math.min(500, offset + 20)));
        }

        // kept as a generic plan (a prepared statement after its fifth run may be): the same reads, as far as the page goes
        List<Integer> generic = jdbc.execute((ConnectionCallback<List<Integer>>) c -> {
            try (Statement st = c.createStatement()) {
                String numbered = WorklistQueries.allUnitsPageStatement();
                for (int i = 1; numbered.contains("?"); i++) {
                    numbered = numbered.replaceFirst("\\?", "\\$" + i);
                }
                st.execute("prepare worklist_page (text, bigint, text, bigint, text, bigint, text, bigint, bigint, bigint) as "
                        + numbered);
                st.execute("set plan_cache_mode = force_generic_plan");
                try (ResultSet rs = st.executeQuery("explain (analyze, format json) execute worklist_page ('REGISTERED', 20, "
                        + "'SIGNED', 20, 'ACCEPTED', 20, 'OPINION_GIVEN', 20, 20, 0)")) {
                    rs.next();
                    String json = rs.getString(1);
                    assertThat(json).as(json).contains("ledger_case_open_due").doesNotContain("Seq Scan").doesNotContain("Bitmap");
                    return actualRows(json);
                } finally {
                    st.execute("reset plan_cache_mode");
                    st.execute("deallocate worklist_page");
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(generic).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(4 * 20));
    }

    /** The page statement's arguments: each open status with the page's end, then the size and the offset. */
    static Object[] arguments(long offset, int size) {
        List<Object> args = new ArrayList<>();
        for (String status : OPEN) {
            args.add(status);
            args.add(offset + size);
        }
        args.add(size);
        args.add(offset);
        return args.toArray();
    }

    /** The page statement with its arguments written in. */
    static String literal(long offset, int size) {
        String sql = WorklistQueries.allUnitsPageStatement();
        for (Object arg : arguments(offset, size)) {
            sql = sql.replaceFirst("\\?", arg instanceof String ? "'" + arg + "'" : String.valueOf(arg));
        }
        return sql;
    }

    /** The rows each step of an analysed plan (JSON) handled. */
    static List<Integer> actualRows(String json) {
        List<Integer> rows = new ArrayList<>();
        try {
            new ObjectMapper().readTree(json).findValues("Actual Rows").forEach(n -> rows.add(n.asInt()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        assertThat(rows).as(json).isNotEmpty();
        return rows;
    }
}
