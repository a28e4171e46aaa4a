package cn.xinfang.petition.projection.escalation;

import cn.xinfang.petition.app.support.ReadModelSchema;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway V98 on rows the escalations and backlog views wrote before they handled the delivery that closes a review
 * case (复查 / 复核): such a row takes the ledger's closing status; every other row keeps its own.
 */
class ClosedReviewsMigrationTest {

    @Test
    @DisplayName("V98：已送达的复查事项在督办清单与积案台账中随台账改为已办结，其余不变")
    void aDeliveredReviewLeftOpenTakesTheLedgersStatus() {
        JdbcTemplate jdbc = ReadModelSchema.migrated();
        // review: closed in the ledger, left OPEN by both views; open: open everywhere; declined: closed everywhere
        ledger(jdbc, "review", "RESOLVED");
        ledger(jdbc, "open", "ACCEPTED");
        ledger(jdbc, "declined", "DECLINED");
        views(jdbc, "review", "OPEN");
        views(jdbc, "open", "OPEN");
        views(jdbc, "declined", "DECLINED");
        // a view row whose case the ledger does not have (yet): left as it is
        views(jdbc, "unknown", "OPEN");

        new ResourceDatabasePopulator(new ClassPathResource("db/migration/projections/V98__closed_reviews.sql"))
                .execute(jdbc.getDataSource());

        for (String table : new String[]{"escalation_case", "backlog_case"}) {
            assertThat(jdbc.queryForList("select case_id || '=' || status from " + table + " order by case_id", String.class))
                    .as(table).containsExactly("declined=DECLINED", "open=OPEN", "review=RESOLVED", "unknown=OPEN");
        }
    }

    static void ledger(JdbcTemplate jdbc, String caseId, String status) {
        jdbc.update("""
                insert into ledger_case (case_id, case_no, petitioner_name, subject, content, channel, category, track, unit, first_unit,
                                         status, headcount, collective, escalated, registered_at, recorded_at)
                values (?, ?, '王五', '复查', '内容', 'VISIT', 'COMPLAINT', 'GENERAL', 'town', 'town', ?, 1, false, true,
                        timestamp '2024-03-02 09:00:00', timestamp '2024-03-02 09:00:00')""", caseId, "2024-" + caseId, status);
    }

    static void views(JdbcTemplate jdbc, String caseId, String status) {
        jdbc.update("insert into escalation_case (case_id, case_no, subject, unit, status) values (?, ?, '复查', 'town', ?)", caseId,
                "2024-" + caseId, status);
        jdbc.update("""
                insert into backlog_case (case_id, case_no, subject, category, unit, petitioner_name, status, registered_at, escalated)
                values (?, ?, '复查', 'COMPLAINT', 'town', '王五', ?, timestamp '2024-03-02 09:00:00', true)""", caseId, "2024-" + caseId,
                status);
    }
}
