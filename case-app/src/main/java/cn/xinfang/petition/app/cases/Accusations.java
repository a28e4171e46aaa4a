package cn.xinfang.petition.app.cases;

import cn.xinfang.petition.app.security.Account;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which cases are accusations (检举控告类) and which unit each accuses: recorded with the registration,
 * read by {@link CaseAccessPolicy} before any step on a case, so that the accused unit never learns the
 * case exists (条例 第三十条).
 */
@Component
public class Accusations {

    private final JdbcTemplate jdbc;
    private final CaseAccessPolicy access;

    public Accusations(JdbcTemplate jdbc, CaseAccessPolicy access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    void record(String caseId, String accusedUnit) {
        if (accusedUnit != null && jdbc.update("update accusation set accused_unit = ? where case_id = ?", accusedUnit, caseId) == 0) {
            jdbc.update("insert into accusation (case_id, accused_unit) values (?, ?)", caseId, accusedUnit);
        }
    }

    /** The unit the case accuses, if it is an accusation. */
    public Optional<String> accusedUnit(String caseId) {
        return jdbc.queryForList("select accused_unit from accusation where case_id = ?", String.class, caseId).stream().findFirst();
    }

    /**
     * Whether the case is an accusation kept from {@code who} ({@link CaseAccessPolicy#hiddenFrom}): a user of the accused
     * unit or of a unit under it. Asks nothing of the database for a user of no unit (they see every accusation).
     */
    public boolean keptFrom(Account who, String caseId) {
        return who.unit() != null && accusedUnit(caseId).filter(accused -> access.hiddenFrom(who, accused)).isPresent();
    }
}
