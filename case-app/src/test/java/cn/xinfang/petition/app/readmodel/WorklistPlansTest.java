package cn.xinfang.petition.app.readmodel;

import cn.xinfang.petition.projection.worklist.WorklistQueries;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

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

    @Test
    @DisplayName("全部单位的工作台：按状态分别从 (status, current_due, case_no, case_id) 索引按序读取并归并，只读一页所需")
    void theOpenCasesOfAllUnitsAreReadFromTheIndex() throws Exception {
        jdbc.execute("delete from ledger_stage");
        jdbc.execute("delete from ledger_case");
        // 20,000 cases of 40 units, one in 40 still open (accepted, its stage due), the others resolved
        jdbc.execute("""
                insert into ledger_case (case_id, case_no, petitioner_name, subject, content, channel, category, track, unit,
                                         first_unit, status, headcount, collective, escalated, registered_at, recorded_at,
                                         current_stage, current_due)
                select 'c-' || i, '2026-' || lpad(i::text, 6, '0'), '王五', '道路维修', '来访登记', 'VISIT', 'COMPLAINT', 'SIMPLE',
                       'u-' || (i % 40), 'u-' || (i % 40), case when i % 40 = 0 then 'ACCEPTED' else 'RESOLVED' end, 1, false,
                       false, timestamptz '2026-03-02 09:00+08', timestamptz '2026-03-02 09:00+08',
                       case when i % 40 = 0 then 'OPINION' end,
                       case when i % 40 = 0 then timestamptz '2026-03-09 09:00+08' + i * interval '1 minute' end
                from generate_series(1, 20000) i""");
        jdbc.execute("analyze ledger_case");

        // the statement as the service sends it, for the open statuses and the first page of 20
        String sql = WorklistQueries.allUnitsPageStatement();
        for (String status : WorklistQueries.OPEN_STATUSES) {
            sql = sql.replaceFirst("\\?", "'" + status + "'").replaceFirst("\\?", "20");
        }
        sql = sql.replaceFirst("\\?", "20").replaceFirst("\\?", "0");
        List<String> plan = jdbc.queryForList("explain " + sql, String.class);
        String text = plan.stream().collect(Collectors.joining("\n"));
        // one ordered read of the index per status, as far as the page goes: the page's entries, not all 500 open cases sorted
        assertThat(text).as(text).contains("ledger_case_open_due").doesNotContain("Seq Scan").doesNotContain("Bitmap");
        List<Map<String, Object>> page = jdbc.queryForList(sql);
        assertThat(page).as("the first page: the open cases due first").hasSize(20);
        assertThat(page.get(0)).containsEntry("case_id", "c-40");
        assertThat(page.get(19)).containsEntry("case_id", "c-800");
        // run: no step of the plan handles more than the page and the one entry after it (the old statement sorted all 500)
        String analysed = jdbc.queryForObject("explain (analyze, format json) " + sql, String.class);
        List<Integer> rows = new ArrayList<>();
        new ObjectMapper().readTree(analysed).findValues("Actual Rows").forEach(n -> rows.add(n.asInt()));
        assertThat(rows).as(analysed).isNotEmpty().allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(21));
    }
}
