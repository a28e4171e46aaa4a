package cn.xinfang.petition.app.cases;

import cn.xinfang.petition.app.security.Account;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** Records every reading of unmasked personal data: who, when, which case. */
@Component
public class PersonalDataAccessLog {

    private final JdbcTemplate jdbc;

    public PersonalDataAccessLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void revealed(Account who, String caseId, String purpose, Instant at) {
        jdbc.update("insert into personal_data_access (at, username, role, case_id, purpose) values (?, ?, ?, ?, ?)",
                Timestamp.from(at), who.username(), who.role().name(), caseId, purpose);
    }
}
