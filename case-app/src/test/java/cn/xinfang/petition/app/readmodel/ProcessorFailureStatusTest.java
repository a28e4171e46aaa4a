package cn.xinfang.petition.app.readmodel;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A view whose processor keeps failing on one event outside any rebuild: its status says error and
 * the health is DOWN for as long as it fails, also while the pooled processor has released the
 * failing segment between two tries (its other segment is then at the head of the store, which
 * alone would read as caught up); once the cause is gone the view catches up and both clear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessorFailureStatusTest {

    /** A subject the overdue view's table refuses while the test's constraint is there. */
    static final String REFUSED = "故障演练 视图写入被拒";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    JsonNode overdue(Api api) {
        return api.get("admin", "/api/admin/projections/overdue/rebuild").body();
    }

    @Test
    @DisplayName("视图处理器在某事件上反复失败：状态为错误、健康为 DOWN，直至越过该事件")
    void aViewStuckOnAnEventIsAnErrorUntilItIsPastIt() {
        Api api = new Api(port);
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(overdue(api).get("caughtUp").asBoolean()).as(overdue(api).toString()).isTrue());
        jdbc.execute("alter table overdue_case add constraint failure_drill check (subject <> '" + REFUSED + "')");
        String id;
        try {
            Api.Res created = api.post("handler", "/api/cases", """
                    {"track":"GENERAL","channel":"VISIT","category":"COMPLAINT",
                     "petitioner":{"name":"王五","idNumber":"11010519491231002X","phone":"13812345678","address":"一村五组"},
                     "subject":"%s","content":"来访登记","unit":"town"}
                    """.formatted(REFUSED));
            // the command is not a view's business: it is acknowledged whatever the view does with its events
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            id = created.body().path("id").asText();
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ofMillis(100))
                    .untilAsserted(() -> assertThat(overdue(api).get("error").asBoolean()).as(overdue(api).toString()).isTrue());
            // polled for several seconds, across the processor's tries and the pauses between them: never
            // caught up, always an error, and the health says so
            List<String> seen = new ArrayList<>();
            long until = System.nanoTime() + Duration.ofSeconds(6).toNanos();
            while (System.nanoTime() < until) {
                JsonNode st = overdue(api);
                if (!st.get("error").asBoolean() || st.get("caughtUp").asBoolean()) {
                    seen.add(st.toString());
                }
                sleep(50);
            }
            assertThat(seen).as("statuses that did not report the stuck view").isEmpty();
            Api.Res health = api.get("admin", "/actuator/health");
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            assertThat(health.body().at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
            assertThat(health.body().at("/components/eventProcessors/details/overdue/error").asBoolean()).isTrue();
            assertThat(health.body().at("/components/eventProcessors/details/time-limit-saga/error").asBoolean()).isFalse();
            assertThat(health.body().at("/components/eventProcessors/details/rectification-saga/error").asBoolean()).isFalse();
            assertThat(jdbc.queryForObject("select count(*) from overdue_case where case_id = ?", Integer.class, id)).isZero();
        } finally {
            jdbc.execute("alter table overdue_case drop constraint failure_drill");
        }
        // the cause gone, the processor's next try gets past the event (its back-off may reach a minute)
        await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ofMillis(200)).untilAsserted(() -> {
            JsonNode st = overdue(api);
            assertThat(st.get("error").asBoolean()).as(st.toString()).isFalse();
            assertThat(st.get("caughtUp").asBoolean()).as(st.toString()).isTrue();
        });
        assertThat(jdbc.queryForObject("select subject from overdue_case where case_id = ?", String.class, id)).isEqualTo(REFUSED);
        Api.Res health = api.get("admin", "/actuator/health");
        assertThat(health.body().at("/components/eventProcessors/status").asText()).as(health.toString()).isEqualTo("UP");
        assertThat(health.body().at("/components/eventProcessors/details/time-limit-saga/running").asBoolean()).isTrue();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
