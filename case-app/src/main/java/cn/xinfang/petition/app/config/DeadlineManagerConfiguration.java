package cn.xinfang.petition.app.config;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler deadline manager as Axon's auto-configuration builds it, except that cancelling a
 * deadline that is firing at that moment (db-scheduler: "currently executing") or that is already gone
 * is not an error (issue 18). Axon cancels in the unit of work's prepare-commit phase, after the
 * saga's handler has returned, so the saga cannot catch it: the saga's whole batch failed and its
 * processor went into retry with back-off, again and again while the deadline ran. The firing
 * deadline does no harm: the case records a warning or breach only for a stage still running under
 * that due instant.
 */
@Configuration(proxyBeanMethods = false)
public class DeadlineManagerConfiguration {

    /** Lock-and-fetch polling on PostgreSQL ({@link DeadlinePolling}); static, as a post-processor must be. */
    @Bean
    static DeadlinePolling deadlinePolling(org.springframework.core.env.Environment environment) {
        return new DeadlinePolling(environment);
    }

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration configuration, Serializer serializer,
                                    TransactionManager transactionManager, DeadlineManagerSpanFactory spanFactory) {
        return new TolerantCancel(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(configuration))
                .serializer(serializer)
                .transactionManager(transactionManager)
                .spanFactory(spanFactory)
                .startScheduler(false)
                .stopScheduler(false), scheduler);
    }

    static final class TolerantCancel extends DbSchedulerDeadlineManager {

        private static final Logger log = LoggerFactory.getLogger(TolerantCancel.class);
        private final Scheduler scheduler;

        TolerantCancel(Builder builder, Scheduler scheduler) {
            super(builder);
            this.scheduler = scheduler;
        }

        @Override
        public void cancelSchedule(String deadlineName, String scheduleId) {
            runOnPrepareCommitOrNow(() -> {
                try {
                    scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
                } catch (TaskInstanceException e) {
                    // firing right now, or already fired and removed: nothing left to cancel
                    log.debug("deadline {} {} not cancelled: {}", deadlineName, scheduleId, e.getMessage());
                }
            });
        }
    }
}
