package cn.xinfang.petition.app.cases;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code Idempotency-Key} of registrations, per user: the first request with a key claims it for the
 * case it creates; a repeat gets that case, never a second one. A key reused for a different request
 * is refused.
 */
@Component
public class IdempotencyKeys {

    /** A key already claimed: the case it belongs to and the hash of the request that claimed it. */
    public record Claim(String caseId, String requestHash) {
    }

    private final JdbcTemplate jdbc;

    public IdempotencyKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for {@code caseId}; empty if claimed now, else the earlier claim. */
    public Optional<Claim> claim(String key, String username, String requestHash, String caseId, Instant now) {
        try {
            jdbc.update("insert into idempotency_key (idem_key, username, request_hash, case_id, created_at) values (?, ?, ?, ?, ?)",
                    key, username, requestHash, caseId, Timestamp.from(now));
            return Optional.empty();
        } catch (DuplicateKeyException e) {
            return find(username, key);
        }
    }

    public Optional<Claim> find(String username, String key) {
        List<Claim> found = jdbc.query("select case_id, request_hash from idempotency_key where username = ? and idem_key = ?",
                (rs, i) -> new Claim(rs.getString(1), rs.getString(2)), username, key);
        return found.stream().findFirst();
    }

    /** Gives a key back when the registration it was claimed for failed, so that a corrected retry can use it. */
    public void release(String username, String key, String caseId) {
        jdbc.update("delete from idempotency_key where username = ? and idem_key = ? and case_id = ?", username, key, caseId);
    }
}
