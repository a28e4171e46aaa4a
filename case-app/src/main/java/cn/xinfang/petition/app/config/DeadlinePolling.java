package cn.xinfang.petition.app.config;

import com.github.kagkarlsson.scheduler.PollingStrategyConfig;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;

import java.util.Locale;

/**
 * How db-scheduler looks for due deadlines (issue 18). On PostgreSQL it locks and fetches the due
 * rows in one statement ({@code FOR UPDATE SKIP LOCKED}; several nodes never pick the same row), one
 * round trip per batch instead of a SELECT and then one UPDATE per deadline: at 1,000 deadlines due
 * per second this fired more per second with a lower lateness (docs/performance.md). The embedded H2
 * database has no such statement in db-scheduler, so it keeps the default fetch-then-pick.
 * {@code db-scheduler.polling-strategy} set explicitly always wins.
 */
final class DeadlinePolling implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(DeadlinePolling.class);

    private final Environment environment;

    DeadlinePolling(Environment environment) {
        this.environment = environment;
    }

    /** The strategy for this database: lock-and-fetch on PostgreSQL, fetch elsewhere; null when configured explicitly. */
    static PollingStrategyConfig.Type chosen(String explicitStrategy, String datasourceUrl) {
        if (explicitStrategy != null && !explicitStrategy.isBlank()) {
            return null;
        }
        boolean postgres = datasourceUrl != null && datasourceUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
        return postgres ? PollingStrategyConfig.Type.LOCK_AND_FETCH : PollingStrategyConfig.Type.FETCH;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DbSchedulerProperties properties) {
            PollingStrategyConfig.Type type = chosen(environment.getProperty("db-scheduler.polling-strategy"),
                    environment.getProperty("spring.datasource.url"));
            if (type != null) {
                properties.setPollingStrategy(type);
                log.info("deadline polling strategy: {}", type);
            }
        }
        return bean;
    }
}
