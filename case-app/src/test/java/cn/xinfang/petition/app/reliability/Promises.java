package cn.xinfang.petition.app.reliability;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The promises the engine keeps whatever happened to it, checked from outside (over HTTP, and in
 * the database while no service runs on it): every case in the event store is in the ledger;
 * every time limit that ran out while its stage was open is warned and breached exactly once, and
 * its breach escalated once where the policy says so; every stage still running has exactly its
 * own pending deadlines, none lost, none doubled.
 */
final class Promises {

    /** Stages whose breach does not escalate (docs/deadlines.md). */
    private static final Set<String> NOT_ESCALATED = Set.of("SIGN");

    private Promises() {
    }

    static Instant instant(JsonNode n) {
        return n == null || n.isNull() ? null : OffsetDateTime.parse(n.asText()).toInstant();
    }

    /** The case ids in the event store, from an auditor's digest (one chain head per case). */
    static List<String> casesInStore(Api api) {
        Api.Res digest = api.get("auditor", "/api/audit/digest");
        assertThat(digest.status()).as("digest: %s", digest).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        digest.body().get("heads").forEach(h -> ids.add(h.get("caseId").asText()));
        return ids;
    }

    /** Waits until the ledger (台账) counts exactly the cases of the event store; returns that number. */
    static int ledgerConverges(Api api, Duration within) {
        int[] cases = {-1};
        await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            cases[0] = casesInStore(api).size();
            Api.Res ledger = api.get("supervisor", "/api/ledger?size=1");
            assertThat(ledger.status()).as("ledger: %s", ledger).isEqualTo(200);
            assertThat(ledger.body().get("total").asLong()).as("ledger total = cases in the event store").isEqualTo(cases[0]);
        });
        return cases[0];
    }

    /**
     * Waits until every time limit of {@code caseIds} that ran out before {@code before} while its
     * stage was running is warned and breached, then checks in each history that no warning, breach
     * or breach escalation is recorded twice. Returns the number of breaches checked.
     */
    static int deadlinesFiredOnce(Api api, List<String> caseIds, Instant before, Duration within) {
        int[] breaches = {0};
        await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            breaches[0] = 0;
            for (String id : caseIds) {
                Api.Res view = api.get("supervisor", "/api/cases/" + id);
                assertThat(view.status()).as("case %s: %s", id, view).isEqualTo(200);
                for (JsonNode limit : view.body().get("timeLimits")) {
                    Instant due = instant(limit.get("dueAt"));
                    Instant stopped = instant(limit.get("stoppedAt"));
                    boolean ranOutOpen = due.isBefore(before) && (stopped == null || stopped.isAfter(due));
                    Instant warning = instant(limit.get("warningAt"));
                    // a warning is recorded unless the breach came first (both fell due while the service was down
                    // and the scheduler ran them at once: the case records no warning after a breach)
                    if (stopped == null && warning.isBefore(before)) {
                        assertThat(limit.get("warnedAt").isNull() && limit.get("breachedAt").isNull())
                                .as("case %s stage %s warning %s: warning lost", id, limit.get("stage"), warning).isFalse();
                    }
                    if (ranOutOpen && stopped == null) {
                        assertThat(limit.get("breachedAt").isNull()).as("case %s stage %s due %s: breach lost", id, limit.get("stage"), due).isFalse();
                    }
                }
                breaches[0] += recordedOnce(api, id);
            }
        });
        return breaches[0];
    }

    /** Checks one case's history: each warning and breach once per run, each breach of an escalating stage escalated once. */
    private static int recordedOnce(Api api, String id) {
        Api.Res history = api.get("supervisor", "/api/cases/" + id + "/history");
        assertThat(history.status()).as("history %s: %s", id, history).isEqualTo(200);
        Map<String, Integer> warnings = new HashMap<>();
        Map<String, Integer> breaches = new HashMap<>();
        Map<String, Integer> escalations = new HashMap<>();
        boolean closed = false;
        for (JsonNode e : history.body()) {
            JsonNode d = e.get("data");
            String type = e.get("type").asText();
            String run = d.path("stage").asText() + "@" + d.path("due").asText();
            switch (type) {
                case "TimeLimitWarningRaisedEvent" -> warnings.merge(run, 1, Integer::sum);
                case "TimeLimitBreachedEvent" -> breaches.merge(run, 1, Integer::sum);
                case "PetitionEscalatedEvent" -> {
                    if ("BREACH".equals(d.path("reason").asText())) {
                        escalations.merge(d.path("stage").asText(), 1, Integer::sum);
                    }
                }
                case "PetitionResolvedEvent", "PetitionDeclinedEvent" -> closed = true;
                default -> { }
            }
        }
        warnings.forEach((run, n) -> assertThat(n).as("case %s: warnings of %s", id, run).isEqualTo(1));
        breaches.forEach((run, n) -> assertThat(n).as("case %s: breaches of %s", id, run).isEqualTo(1));
        escalations.forEach((stage, n) -> assertThat(n).as("case %s: breach escalations of %s", id, stage).isEqualTo(1));
        if (!closed) {
            Set<String> breachedStages = new TreeSet<>();
            breaches.keySet().forEach(run -> breachedStages.add(run.substring(0, run.indexOf('@'))));
            breachedStages.removeAll(NOT_ESCALATED);
            assertThat(escalations.keySet()).as("case %s: every breached escalating stage escalated", id).containsAll(breachedStages);
        }
        return breaches.size();
    }

    /**
     * The pending deadlines of each case (read while no service runs on the store): for every
     * stage still running whose instant is more than {@code margin} away from {@code now}, exactly
     * one task at that instant (the warning only while not yet warned); and no task of a case at an
     * instant its running stages do not have. Returns the number of pending deadlines checked.
     */
    static int pendingDeadlinesExact(Store store, Map<String, JsonNode> views, Instant now, Duration margin) throws SQLException {
        Map<String, List<Instant>> tasksByCase = new HashMap<>();
        List<byte[]> unknown = new ArrayList<>();
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select task_data, execution_time from scheduled_tasks where task_name = 'AxonDeadline'")) {
            while (rs.next()) {
                byte[] data = rs.getBytes(1);
                Instant at = rs.getTimestamp(2).toInstant();
                String text = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
                String owner = views.keySet().stream().filter(text::contains).findFirst().orElse(null);
                if (owner == null) {
                    unknown.add(data);
                } else {
                    tasksByCase.computeIfAbsent(owner, k -> new ArrayList<>()).add(at);
                }
            }
        }
        assertThat(unknown).as("pending deadlines of no known case").isEmpty();
        int checked = 0;
        for (Map.Entry<String, JsonNode> v : views.entrySet()) {
            List<Instant> expected = new ArrayList<>();
            List<Instant> uncertain = new ArrayList<>();
            // A resolved or declined case may still run stages (书面告知 NOTIFY, CONCLUDE until the reply is
            // delivered): the view's open, unbreached stages are exactly what must be pending.
            for (JsonNode limit : v.getValue().get("timeLimits")) {
                if (!limit.get("stoppedAt").isNull() || !limit.get("breachedAt").isNull()) {
                    continue;
                }
                Instant due = instant(limit.get("dueAt"));
                (near(due, now, margin) ? uncertain : expected).add(due);
                if (limit.get("warnedAt").isNull()) {
                    Instant warning = instant(limit.get("warningAt"));
                    if (warning.isAfter(now.minus(margin))) {
                        (near(warning, now, margin) ? uncertain : expected).add(warning);
                    }
                }
            }
            List<Instant> actual = new ArrayList<>(tasksByCase.getOrDefault(v.getKey(), List.of()));
            actual.removeIf(uncertain::contains);
            assertThat(actual).as("pending deadlines of case %s (view %s)", v.getKey(), v.getValue().get("timeLimits"))
                    .containsExactlyInAnyOrderElementsOf(expected);
            checked += expected.size();
        }
        return checked;
    }

    private static boolean near(Instant t, Instant now, Duration margin) {
        return t.isAfter(now.minus(margin)) && t.isBefore(now.plus(margin));
    }
}
