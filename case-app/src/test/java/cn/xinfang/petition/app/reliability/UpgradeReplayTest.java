package cn.xinfang.petition.app.reliability;

import cn.xinfang.petition.app.config.CaseConfiguration;
import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Upgrade safety: the event-store rows written by a released version (a committed fixture,
 * {@code src/test/resources/upgrade/}, every event type) are loaded into a fresh store, and today's
 * code must answer every case exactly as the release did (every field the release answered, with
 * the same value; new fields may appear), find every hash chain intact, and build the ledger from
 * them. When an event's shape changes, this test fails until a {@code @Revision} and an upcaster
 * read the old rows again. The saga's processor is stopped first: on a real upgrade its token is
 * already past these events, here it would take them for new ones.
 */
// closed after the class: a cached context keeps its connection pool open, and PostgreSQL's connections are few
@org.springframework.test.annotation.DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UpgradeReplayTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"release-0.1.0"})
    @DisplayName("旧版本写入的事件在新代码下逐案回放不变")
    void everyCaseWrittenByTheReleaseReadsAsTheReleaseAnsweredIt(String fixture) throws IOException {
        processing.eventProcessor(CaseConfiguration.SAGA_PROCESSOR).ifPresent(EventProcessor::shutDown);
        JsonNode events = read(fixture, "domainevententry.json");
        JsonNode chain = read(fixture, "event_hash.json");
        JsonNode views = read(fixture, "views.json");
        TreeSet<String> types = new TreeSet<>();
        for (JsonNode e : events) {
            jdbc.update("""
                    insert into domainevententry (globalindex, aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                                                  payload, payloadrevision, payloadtype, timestamp) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    e.get("globalIndex").asLong(), e.get("aggregateIdentifier").asText(), e.get("sequenceNumber").asLong(),
                    e.get("type").asText(), e.get("eventIdentifier").asText(), bytes(e.get("metaData")), bytes(e.get("payload")),
                    e.get("payloadRevision").isNull() ? null : e.get("payloadRevision").asText(), e.get("payloadType").asText(),
                    e.get("timestamp").asText());
            types.add(e.get("payloadType").asText());
        }
        for (JsonNode h : chain) {
            jdbc.update("insert into event_hash (aggregate_id, seq, event_id, global_index, hash, prev_hash) values (?, ?, ?, ?, ?, ?)",
                    h.get("aggregateId").asText(), h.get("seq").asLong(), h.get("eventId").asText(), h.get("globalIndex").asLong(),
                    h.get("hash").asText(), h.get("prevHash").asText());
        }
        assertThat(types).as("the fixture holds every event type").hasSize(19);

        Api api = new Api(port);
        List<String> differences = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = views.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> recorded = it.next();
            Api.Res now = api.get("supervisor", "/api/cases/" + recorded.getKey() + "?reveal=true");
            assertThat(now.status()).as("case %s: %s", recorded.getKey(), now).isEqualTo(200);
            compare("case " + recorded.getKey(), recorded.getValue(), now.body(), differences);
            Api.Res verify = api.get("auditor", "/api/cases/" + recorded.getKey() + "/verify");
            assertThat(verify.body().path("intact").asBoolean()).as("hash chain of %s: %s", recorded.getKey(), verify).isTrue();
        }
        assertThat(differences).as("fields answered differently than the release answered them").isEmpty();
        Figures.report("upgrade-replay", "fixture=" + fixture + " cases=" + views.size() + " events=" + events.size()
                + " eventTypes=" + types.size() + " viewsUnchanged=" + views.size());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Api.Res ledger = api.get("supervisor", "/api/ledger?size=50");
            assertThat(ledger.body().get("total").asInt()).as("ledger built from the release's events").isEqualTo(views.size());
            for (JsonNode row : ledger.body().get("items")) {
                assertThat(row.get("status").asText()).as("ledger status of %s", row.get("caseId"))
                        .isEqualTo(views.get(row.get("caseId").asText()).get("status").asText());
            }
        });
    }

    /** Every field of {@code recorded} must be in {@code now} with the same value; {@code now} may have more. */
    static void compare(String path, JsonNode recorded, JsonNode now, List<String> differences) {
        if (recorded.isObject()) {
            if (!now.isObject()) {
                differences.add(path + ": was an object, now " + now);
                return;
            }
            recorded.fields().forEachRemaining(f -> {
                if (!now.has(f.getKey())) {
                    differences.add(path + "." + f.getKey() + ": missing (was " + f.getValue() + ")");
                } else {
                    compare(path + "." + f.getKey(), f.getValue(), now.get(f.getKey()), differences);
                }
            });
        } else if (recorded.isArray()) {
            if (!now.isArray() || now.size() != recorded.size()) {
                differences.add(path + ": was " + recorded + ", now " + now);
                return;
            }
            for (int i = 0; i < recorded.size(); i++) {
                compare(path + "[" + i + "]", recorded.get(i), now.get(i), differences);
            }
        } else if (!recorded.equals(now)) {
            differences.add(path + ": was " + recorded + ", now " + now);
        }
    }

    private static byte[] bytes(JsonNode text) {
        return text == null || text.isNull() ? null : text.asText().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode read(String fixture, String file) throws IOException {
        try (InputStream in = UpgradeReplayTest.class.getResourceAsStream("/upgrade/" + fixture + "/" + file)) {
            assertThat(in).as("fixture file %s/%s", fixture, file).isNotNull();
            return JSON.readTree(in);
        }
    }
}
