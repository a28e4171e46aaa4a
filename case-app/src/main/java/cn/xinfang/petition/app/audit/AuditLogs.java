package cn.xinfang.petition.app.audit;

import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.api.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The two logs an auditor reads (issue 17): every reading of unmasked personal data
 * ({@code personal_data_access}) and every administrative action ({@code admin_audit}: users,
 * units, calendars, projections, shredding a person's data). Newest first, filtered, paged.
 * AUDITOR and ADMIN only.
 */
@Service
public class AuditLogs {

    /** One reading of unmasked personal data. */
    public record Reveal(long id, Instant at, String username, String role, String caseId, String purpose) {
    }

    /** One administrative action. */
    public record AdminAction(long id, Instant at, String actor, String action, String target, String detail) {
    }

    /** A page of a log: the rows, how many match in all, the page and its size. */
    public record Page<T>(List<T> items, long total, int page, int size) {
    }

    private final JdbcTemplate jdbc;

    public AuditLogs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static void requireReader(Account who) {
        if (who.role() != Role.AUDITOR && who.role() != Role.ADMIN) {
            throw ServiceException.forbidden("only auditors and administrators may read the audit logs", "只有审计人员和系统管理员可以查看审计日志");
        }
    }

    public Page<Reveal> reveals(Account who, Instant from, Instant to, String username, String caseId, int page, int size) {
        requireReader(who);
        Where w = new Where().range(from, to).eq("username", username).eq("case_id", caseId);
        long total = jdbc.queryForObject("select count(*) from personal_data_access" + w.sql, Long.class, w.args.toArray());
        List<Object> args = new ArrayList<>(w.args);
        args.add(size);
        args.add((long) page * size);
        List<Reveal> items = jdbc.query("select id, at, username, role, case_id, purpose from personal_data_access" + w.sql
                        + " order by id desc limit ? offset ?",
                (rs, i) -> new Reveal(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("username"), rs.getString("role"),
                        rs.getString("case_id"), rs.getString("purpose")), args.toArray());
        return new Page<>(items, total, page, size);
    }

    public Page<AdminAction> adminActions(Account who, Instant from, Instant to, String actor, String action, String target, int page, int size) {
        requireReader(who);
        Where w = new Where().range(from, to).eq("actor", actor).eq("action", action).eq("target", target);
        long total = jdbc.queryForObject("select count(*) from admin_audit" + w.sql, Long.class, w.args.toArray());
        List<Object> args = new ArrayList<>(w.args);
        args.add(size);
        args.add((long) page * size);
        List<AdminAction> items = jdbc.query("select id, at, actor, action, target, detail from admin_audit" + w.sql
                        + " order by id desc limit ? offset ?",
                (rs, i) -> new AdminAction(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("action"),
                        rs.getString("target"), rs.getString("detail")), args.toArray());
        return new Page<>(items, total, page, size);
    }

    private static final class Where {
        String sql = "";
        final List<Object> args = new ArrayList<>();

        Where range(Instant from, Instant to) {
            if (from != null) {
                add("at >= ?", Timestamp.from(from));
            }
            if (to != null) {
                add("at < ?", Timestamp.from(to));
            }
            return this;
        }

        Where eq(String column, String value) {
            if (value != null && !value.isBlank()) {
                add(column + " = ?", value.trim());
            }
            return this;
        }

        private void add(String condition, Object arg) {
            sql += (sql.isEmpty() ? " where " : " and ") + condition;
            args.add(arg);
        }
    }
}
