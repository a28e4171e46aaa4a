package cn.xinfang.petition.app.privacy;

import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.app.crypto.DataKeys;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.AdminAuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * 删除个人信息 (crypto-shredding): deletes a person's data keys, so every event holding their
 * name, ID number, phone and address reads {@code 已删除} from then on, while the stored bytes, and so
 * the hash chain and every digest, stay as they were. The clear copies the ledger kept (name,
 * address), the person registry, the visit and reception lists and the backlog ledger are erased in the same
 * transaction; the act is recorded in {@code admin_audit}
 * ({@code shred-person}). And the retention list: persons all of whose cases closed more than
 * {@code cases.retention.years} (30) years ago.
 */
@Service
public class PersonShredding {

    private static final Logger log = LoggerFactory.getLogger(PersonShredding.class);

    /** The answer to a shred: the person, when, which cases' data is now erased, and whether it was shredded before. */
    public record Shredded(String personId, Instant shreddedAt, List<String> cases, boolean alreadyShredded) {
    }

    /** A person due for shredding: their cases, when the last of them closed, and when the retention period ended. */
    public record Due(String personId, List<String> caseNos, Instant lastClosedAt, Instant dueAt) {
    }

    /** The retention list as of an instant. */
    public record Retention(int retentionYears, Instant asOf, List<Due> persons) {
    }

    private final JdbcTemplate jdbc;
    private final DataKeys keys;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final int retentionYears;

    private final cn.xinfang.petition.app.persons.PersonIdentity identity;
    private final AdminAuditLog auditLog;

    public PersonShredding(JdbcTemplate jdbc, DataKeys keys, Clock clock, PlatformTransactionManager tm,
                           @Value("${cases.retention.years:30}") int retentionYears,
                           cn.xinfang.petition.app.persons.PersonIdentity identity, AdminAuditLog auditLog) {
        this.identity = identity;
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.keys = keys;
        this.clock = clock;
        this.transactions = new TransactionTemplate(tm);
        this.retentionYears = retentionYears;
    }

    public Shredded shred(Account admin, String personId, String reason) {
        requireAdmin(admin);
        List<String> cases = jdbc.queryForList("select case_id from ledger_case where person_id = ? order by case_id", String.class, personId);
        if (!keys.known(personId) && cases.isEmpty()) {
            throw ServiceException.notFound("person-not-found", "no personal data is stored for person " + personId + "; check the id "
                    + "(petitioner.personId of a case)", "未找到该人员（" + personId + "）的个人信息，请核对编号（信访事项的 petitioner.personId）");
        }
        Instant now = clock.instant();
        return transactions.execute(status -> {
            int shredded = keys.shred(personId, admin.username(), reason, now);
            jdbc.update("update ledger_case set petitioner_name = ?, id_number = ?, phone = ?, address = ? where person_id = ?",
                    Petitioner.ERASED, Petitioner.ERASED, Petitioner.ERASED, Petitioner.ERASED, personId);
            eraseCopies(personId);
            eraseBacklog(personId, cases);
            auditLog.record(now, admin.username(), "shred-person", personId, "reason: " + reason + "; cases: " + String.join(",", cases));
            log.info("personal data shredded personId={} cases={} keys={}", personId, cases.size(), shredded);
            return new Shredded(personId, now, cases, shredded == 0);
        });
    }

    /**
     * The other read models that keep personal data in clear for their lists: the person registry
     * (by person id) and the visit, reception and coverage tables of 大走访/大接访, by their rows' person
     * id; a row written before those tables had one (null) is this person's when its fields derive
     * this person's id ({@link PersonIdentity#personIdOf}).
     */
    private void eraseCopies(String personId) {
        String e = Petitioner.ERASED;
        jdbc.update("update person set name = ?, id_number = ?, phone = ?, id_hash = null where person_id = ?", e, e, e, personId);
        eraseRows("visit_entry", "visit_id", "person_name", true, personId);
        eraseRows("reception_entry", "reception_id", "person_name", true, personId);
        eraseRows("visit_case_person", "case_id", "petitioner_name", false, personId);
    }

    /**
     * The backlog ledger (积案台账) keeps the petitioner of each case in clear for its list and export; its rows have no
     * person id, so they are found by the person's cases: in the person registry (written with each registration, so it
     * is never behind) and in the ledger.
     */
    private void eraseBacklog(String personId, List<String> ledgerCases) {
        String e = Petitioner.ERASED;
        Set<String> cases = new TreeSet<>(ledgerCases);
        cases.addAll(jdbc.queryForList("select case_id from person_case where person_id = ?", String.class, personId));
        for (String caseId : cases) {
            jdbc.update("update backlog_case set petitioner_name = ?, id_number = ?, phone = ? where case_id = ?", e, e, e, caseId);
        }
    }

    private void eraseRows(String table, String key, String nameColumn, boolean withAddress, String personId) {
        String e = Petitioner.ERASED;
        List<String> ids = new ArrayList<>();
        ids.addAll(jdbc.queryForList("select " + key + " from " + table + " where person_id = ?", String.class, personId));
        jdbc.query("select " + key + ", " + nameColumn + ", id_number, phone from " + table + " where person_id is null and "
                + nameColumn + " <> ?", rs -> {
            String idNumber = rs.getString(3);
            String phone = rs.getString(4);
            try {
                Petitioner p = new Petitioner(rs.getString(2), idNumber, phone, null);
                if (personId.equals(identity.personIdOf(p))) {
                    ids.add(rs.getString(1));
                }
            } catch (IllegalArgumentException notAPerson) {
                // a row whose fields are masked or erased is no clear copy
            }
        }, e);
        for (String id : ids) {
            if (withAddress) {
                jdbc.update("update " + table + " set " + nameColumn + " = ?, id_number = ?, phone = ?, address = ? where " + key + " = ?",
                        e, e, e, e, id);
            } else {
                jdbc.update("update " + table + " set " + nameColumn + " = ?, id_number = ?, phone = ? where " + key + " = ?", e, e, e, id);
            }
        }
    }

    public Retention retention(Account admin, Instant asOf) {
        requireAdmin(admin);
        Instant at = asOf != null ? asOf : clock.instant();
        record Row(String personId, String caseNo, String status, Timestamp resolvedAt, Timestamp declinedAt) {
        }
        List<Row> rows = jdbc.query("select person_id, case_no, status, resolved_at, declined_at from ledger_case "
                        + "where person_id is not null and petitioner_name <> ? order by person_id, case_no",
                (rs, i) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4), rs.getTimestamp(5)),
                Petitioner.ERASED);
        Map<String, List<Row>> byPerson = new LinkedHashMap<>();
        rows.forEach(r -> byPerson.computeIfAbsent(r.personId(), k -> new ArrayList<>()).add(r));
        List<Due> due = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byPerson.entrySet()) {
            Instant last = null;
            boolean allClosed = true;
            for (Row r : e.getValue()) {
                Timestamp closed = r.resolvedAt() != null ? r.resolvedAt() : r.declinedAt();
                if (!("RESOLVED".equals(r.status()) || "DECLINED".equals(r.status())) || closed == null) {
                    allClosed = false;
                    break;
                }
                last = last == null || closed.toInstant().isAfter(last) ? closed.toInstant() : last;
            }
            if (!allClosed || last == null) {
                continue;
            }
            Instant dueAt = last.atOffset(ZoneOffset.UTC).plusYears(retentionYears).toInstant();
            if (!dueAt.isAfter(at)) {
                due.add(new Due(e.getKey(), e.getValue().stream().map(Row::caseNo).toList(), last, dueAt));
            }
        }
        return new Retention(retentionYears, at, due);
    }

    private static void requireAdmin(Account who) {
        if (who.role() != Role.ADMIN) {
            throw ServiceException.forbidden("only administrators may shred personal data", "只有系统管理员可以删除个人信息");
        }
    }

}
