package cn.xinfang.petition.app.config;

import cn.xinfang.petition.app.ops.Timers;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Two nodes on one database may append to the same case at the same moment (a handler's step on
 * one, the time-limit saga's warning on the other): the case's events are unique by (case, sequence
 * number), so the second append fails. That failure is recognised as a concurrent change, not an
 * error of the store (Axon's default resolver reads vendor error codes, and PostgreSQL reports
 * duplicates by SQLSTATE 23505 only, so it used to end as a 500), and the command is sent again on
 * the case as it now is, up to three times. A step sent with If-Match is then refused 412 if the
 * other append changed the version it names, as it must be; without If-Match it succeeds.
 */
@Configuration(proxyBeanMethods = false)
public class ConcurrentAppends {

    private static final Logger log = LoggerFactory.getLogger(ConcurrentAppends.class);
    /** SQLSTATE of a unique constraint violation, on PostgreSQL and H2 alike. */
    static final String UNIQUE_VIOLATION = "23505";
    static final int MAX_RETRIES = 3;

    @Bean
    PersistenceExceptionResolver persistenceExceptionResolver() {
        return ConcurrentAppends::isDuplicateKey;
    }

    static boolean isDuplicateKey(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s) {
                for (SQLException next = s; next != null; next = next.getNextException() == next ? null : next.getNextException()) {
                    if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(new ConcurrencyRetry()).build();
    }

    /** Sends a command again, after a short pause, when it failed only because another node appended to the same case first. */
    static final class ConcurrencyRetry implements RetryScheduler {

        private final ScheduledExecutorService executor = Timers.daemon("command-retry");

        @Override
        public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                     List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
            if (failures.size() > MAX_RETRIES || !concurrentAppend(lastFailure)) {
                return false;
            }
            log.info("concurrent append, sending {} again (attempt {})", commandMessage.getPayloadType().getSimpleName(), failures.size() + 1);
            executor.schedule(commandDispatch, 20L * failures.size(), TimeUnit.MILLISECONDS);
            return true;
        }

        static boolean concurrentAppend(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                if (t instanceof ConcurrencyException) {
                    return true;
                }
            }
            return false;
        }
    }
}
