package cn.xinfang.petition.app.security;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * The administrative-action log ({@code admin_audit}), which auditors read at
 * {@code GET /api/audit/admin-actions}: who did what to which target, when, and a detail (cut to the
 * column's 2,000 characters). Every administrative action writes through here, in the caller's
 * transaction.
 */
@Component
public class AdminAuditLog {

    static final int DETAIL_LENGTH = 2000;

    private final JdbcTemplate jdbc;

    public AdminAuditLog(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Instant at, String actor, String action, String target, String detail) {
        jdbc.update("insert into admin_audit (at, actor, action, target, detail) values (?, ?, ?, ?, ?)",
                Timestamp.from(at), actor, action, target, cut(detail));
    }

    private static String cut(String detail) {
        return detail == null || detail.length() <= DETAIL_LENGTH ? detail : detail.substring(0, DETAIL_LENGTH - 3) + "...";
    }
}
