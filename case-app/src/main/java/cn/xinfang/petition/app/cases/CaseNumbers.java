package cn.xinfang.petition.app.cases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * 案件编号 – sequential per year: {@code 2024-000123}. The year's counter row is created if missing
 * without ever failing (ON CONFLICT DO NOTHING: a failed insert would abort the transaction on
 * PostgreSQL), then locked while it is advanced, so concurrent registrations get distinct numbers.
 */
@Component
public class CaseNumbers {

    private final JdbcTemplate jdbc;

    public CaseNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(int year) {
        jdbc.update("insert into case_number (case_year, last_no) values (?, 0) on conflict do nothing", year);
        Long last = jdbc.queryForObject("select last_no from case_number where case_year = ? for update", Long.class, year);
        long n = (last == null ? 0 : last) + 1;
        jdbc.update("update case_number set last_no = ? where case_year = ?", n, year);
        return format(year, n);
    }

    static String format(int year, long n) {
        return String.format("%d-%06d", year, n);
    }
}
