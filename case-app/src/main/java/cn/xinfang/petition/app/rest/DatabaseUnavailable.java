package cn.xinfang.petition.app.rest;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * A request that failed because the database could not be reached (stopped, restarting, the network
 * cut) is answered {@code 503 database-unavailable} with {@code Retry-After}, never 500: nothing was
 * recorded (the transaction never committed), and the same request may be sent again once the
 * database is back. The pool gives up on a connection after {@code spring.datasource.hikari.connection-timeout}
 * (5 s), so such an answer never takes longer than that.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before retrying. */
    public static final int RETRY_AFTER_SECONDS = 10;

    private DatabaseUnavailable() {
    }

    /** Whether {@code e}, or one of its causes, says that the database could not be reached. */
    public static boolean causedBy(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: the server is shutting down or starting
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable",
                "the database cannot be reached at the moment; nothing was recorded by this request. "
                        + "Send it again in a few seconds (an Idempotency-Key makes a repeated registration safe)",
                "数据库暂时无法连接，本次请求未作任何记录；请数秒后重新提交（登记时携带 Idempotency-Key 可避免重复登记）");
    }

    public static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                .body(problem());
    }
}
