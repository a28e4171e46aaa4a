package cn.xinfang.petition.app.problem;

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
 * cut) is answered {@code 503 database-unavailable} with {@code Retry-After}, never 500. Its
 * transaction did not commit, except in the one case no client of any database escapes: the
 * connection broke while the commit itself was under way. So the client sends the same request
 * again once the database is back, made safe to repeat by its Idempotency-Key (registration) or
 * If-Match (a step). The pool gives up on a connection after {@code spring.datasource.hikari.connection-timeout}
 * (3 s), so such an answer comes within seconds (health, which asks the database twice, within about 6 s).
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
                    // the commit or rollback itself failed: the connection went away under the transaction
                    || t instanceof org.springframework.transaction.TransactionSystemException
                    || t instanceof org.springframework.dao.TransientDataAccessResourceException
                    || t instanceof org.springframework.dao.RecoverableDataAccessException
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
                "the database cannot be reached at the moment, so this request was not carried out. Send it again in a few "
                        + "seconds, with the same Idempotency-Key (registration) or If-Match (a step) so that it cannot be recorded twice",
                "数据库暂时无法连接，本次请求未能办理。请数秒后重新提交，并携带相同的 Idempotency-Key（登记）或 If-Match（办理步骤），以免重复记录");
    }

    public static ResponseEntity<ProblemDetail> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Integer.toString(RETRY_AFTER_SECONDS))
                .body(problem());
    }
}
