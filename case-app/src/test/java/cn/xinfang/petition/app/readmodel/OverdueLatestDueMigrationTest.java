package cn.xinfang.petition.app.readmodel;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flyway V95 on a database that already has runs: each run's row gets a copy of its latest due
 * version (the highest version_no), which the lists read from then on (OverdueQueries).
 */
class OverdueLatestDueMigrationTest {

    static String local(OffsetDateTime t) {
        return t.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toLocalDateTime().toString();
    }

    @Test
    @DisplayName("V95：已有的期限记录补上其最新一版期限（版本号最大的一版）")
    void existingRunsGetTheirLatestDueVersion() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway before = Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/projections")
                .target("94").load();
        before.migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        // run-a: started (version 4), extended (version 9); run-b: started only (version 2), stopped
        jdbc.update("insert into time_limit_run (run_id, case_id, unit, stage, started_at, started_recorded_at, stopped_at, stopped_recorded_at) "
                + "values ('run-a', 'case-a', 'town', 'ACCEPT', timestamp with time zone '2024-03-04 09:00:00+08', "
                + "timestamp with time zone '2024-03-04 09:00:00+08', null, null), "
                + "('run-b', 'case-b', 'town', 'RESPOND', timestamp with time zone '2024-03-04 09:00:00+08', "
                + "timestamp with time zone '2024-03-04 09:00:00+08', timestamp with time zone '2024-03-05 10:00:00+08', "
                + "timestamp with time zone '2024-03-05 10:00:00+08')");
        jdbc.update("insert into time_limit_due (run_id, version_no, due_at, warning_at, effective_at, recorded_at) values "
                + "('run-a', 9, timestamp with time zone '2024-03-18 17:30:00+08', timestamp with time zone '2024-03-18 16:30:00+08', "
                + "timestamp with time zone '2024-03-05 09:00:00+08', timestamp with time zone '2024-03-05 09:05:00+08'), "
                + "('run-a', 4, timestamp with time zone '2024-03-11 17:30:00+08', timestamp with time zone '2024-03-11 16:30:00+08', "
                + "timestamp with time zone '2024-03-04 09:00:00+08', timestamp with time zone '2024-03-04 09:00:00+08'), "
                + "('run-b', 2, timestamp with time zone '2024-03-05 17:30:00+08', timestamp with time zone '2024-03-05 16:30:00+08', "
                + "timestamp with time zone '2024-03-04 09:00:00+08', timestamp with time zone '2024-03-04 09:00:00+08')");

        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/projections").load().migrate();

        assertThat(jdbc.query("select run_id, due_version, due_at, warning_at, due_effective_at, due_recorded_at from time_limit_run "
                + "order by run_id", (rs, i) -> rs.getString(1) + " " + rs.getLong(2) + " " + local(rs.getObject(3, OffsetDateTime.class))
                + " " + local(rs.getObject(4, OffsetDateTime.class)) + " " + local(rs.getObject(5, OffsetDateTime.class)) + " "
                + local(rs.getObject(6, OffsetDateTime.class))))
                .containsExactly("run-a 9 2024-03-18T17:30 2024-03-18T16:30 2024-03-05T09:00 2024-03-05T09:05",
                        "run-b 2 2024-03-05T17:30 2024-03-05T16:30 2024-03-04T09:00 2024-03-04T09:00");
    }
}
