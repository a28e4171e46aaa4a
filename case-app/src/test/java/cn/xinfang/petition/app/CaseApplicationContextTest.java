package cn.xinfang.petition.app;

import cn.xinfang.petition.time.BusinessTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
class CaseApplicationContextTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BusinessTime time;

    @Test
    void startsWithTheSchemaAndTheShippedCalendar() {
        assertThat(jdbc.queryForObject("select count(*) from domainevententry", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from scheduled_tasks", Long.class)).isZero();
        assertThat(time.calendar().knownYears()).contains(2022, 2023, 2024, 2025, 2026);
    }
}
