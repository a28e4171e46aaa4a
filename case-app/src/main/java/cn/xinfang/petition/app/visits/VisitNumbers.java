package cn.xinfang.petition.app.visits;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** 走访编号 – sequential per unit and year: {@code 2024-0007}; the counter row is locked while it is advanced. */
@Component
public class VisitNumbers {

    private final JdbcTemplate jdbc;

    public VisitNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(String unit, int year) {
        jdbc.update("insert into visit_number (unit, visit_year, last_no) values (?, ?, 0) on conflict do nothing", unit, year);
        Long last = jdbc.queryForObject("select last_no from visit_number where unit = ? and visit_year = ? for update", Long.class,
                unit, year);
        long n = (last == null ? 0 : last) + 1;
        jdbc.update("update visit_number set last_no = ? where unit = ? and visit_year = ?", n, unit, year);
        return String.format("%d-%04d", year, n);
    }
}
