package cn.xinfang.petition.app.cases;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which units exist (for checking a registration's or a transfer's unit). */
@Component
public class Units {

    private final JdbcTemplate jdbc;

    public Units(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String id) {
        Integer n = jdbc.queryForObject("select count(*) from unit where id = ?", Integer.class, id);
        return n != null && n > 0;
    }
}
