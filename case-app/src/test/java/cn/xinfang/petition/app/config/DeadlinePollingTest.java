package cn.xinfang.petition.app.config;

import com.github.kagkarlsson.scheduler.PollingStrategyConfig;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinePollingTest {

    @Test
    @DisplayName("PostgreSQL 上到期任务以 lock-and-fetch 取出；H2 保持 fetch；显式配置优先")
    void lockAndFetchOnPostgresOnly() {
        assertThat(DeadlinePolling.chosen(null, "jdbc:postgresql://db.example:5432/petition"))
                .isEqualTo(PollingStrategyConfig.Type.LOCK_AND_FETCH);
        assertThat(DeadlinePolling.chosen("", "JDBC:PostgreSQL://127.0.0.1/petition")).isEqualTo(PollingStrategyConfig.Type.LOCK_AND_FETCH);
        assertThat(DeadlinePolling.chosen(null, "jdbc:h2:file:./data/petition;MODE=PostgreSQL")).isEqualTo(PollingStrategyConfig.Type.FETCH);
        assertThat(DeadlinePolling.chosen(null, null)).isEqualTo(PollingStrategyConfig.Type.FETCH);
        assertThat(DeadlinePolling.chosen("fetch", "jdbc:postgresql://db.example:5432/petition")).isNull();
    }

    @Test
    @DisplayName("后处理器按数据库设置 db-scheduler 的轮询策略")
    void thePostProcessorSetsTheProperties() {
        DbSchedulerProperties onPostgres = new DbSchedulerProperties();
        new DeadlinePolling(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/petition"))
                .postProcessBeforeInitialization(onPostgres, "db-scheduler-properties");
        assertThat(onPostgres.getPollingStrategy()).isEqualTo(PollingStrategyConfig.Type.LOCK_AND_FETCH);

        DbSchedulerProperties explicit = new DbSchedulerProperties();
        explicit.setPollingStrategy(PollingStrategyConfig.Type.FETCH);
        new DeadlinePolling(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/petition")
                .withProperty("db-scheduler.polling-strategy", "fetch"))
                .postProcessBeforeInitialization(explicit, "db-scheduler-properties");
        assertThat(explicit.getPollingStrategy()).isEqualTo(PollingStrategyConfig.Type.FETCH);
    }
}
