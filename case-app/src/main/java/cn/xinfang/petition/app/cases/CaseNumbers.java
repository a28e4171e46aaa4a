package cn.xinfang.petition.app.cases;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** 案件编号 – sequential per year: {@code 2024-000123}. The counter row is locked while it is advanced. */
@Component
public class CaseNumbers {

    private final JdbcTemplate jdbc;

    public CaseNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public String next(int year) {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Long> last = jdbc.queryForList("select last_no from case_number where case_year = ? for update", Long.class, year);
            if (!last.isEmpty()) {
                long n = last.get(0) + 1;
                jdbc.update("update case_number set last_no = ? where case_year = ?", n, year);
                return format(year, n);
            }
            try {
                jdbc.update("insert into case_number (case_year, last_no) values (?, 1)", year);
                return format(year, 1);
            } catch (DuplicateKeyException raced) {
                // another registration created the year's row first: take the next number from it
            }
        }
        throw new IllegalStateException("could not allocate a case number for " + year);
    }

    static String format(int year, long n) {
        return String.format("%d-%06d", year, n);
    }
}
