package cn.xinfang.petition.app.reliability;

import cn.xinfang.petition.app.support.Api;
import cn.xinfang.petition.app.support.EveryDayWorks;
import cn.xinfang.petition.app.support.PerClassDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two service processes on one PostgreSQL database, the production shape for a county (PostgreSQL
 * only: the embedded H2 database belongs to one process). The processors' segments are shared
 * between the nodes; a step sent to one node right after the other appended sees that append (with
 * If-Match on the other node's ETag, so a node answering from a stale copy of the case, e.g. a
 * future aggregate cache, would be refused 412 and fail the test); deadlines due while both run
 * fire on one node each; when one node is killed the other takes over its segments and the due
 * deadlines within 30 s, and every warning, breach and breach escalation is recorded exactly once.
 * To have limits run out within the test, both nodes count every day as a working day from 00:00
 * to 23:59, and the cases are paper records (补录) whose ACCEPT limit (2 working hours from
 * signing) runs out at the next whole minute.
 */
class TwoNodesIT {

    static final long SEED = Long.getLong("reliability.seed", 20261129L);
    static final List<String> PROCESSORS = List.of("ledger", "overdue", "escalations", "time-limit-saga");
    static final Pattern DUE_FIRED = Pattern.compile("deadline fired name=time-limit\\.due caseId=(\\S+) stage=(\\S+)", Pattern.MULTILINE);

    final Path dir = Workdirs.fresh("two-nodes");
    final List<ServiceProcess> nodes = new ArrayList<>();

    @AfterEach
    void stopAll() throws InterruptedException {
        for (ServiceProcess n : nodes) {
            n.close();
        }
    }

    @Test
    @DisplayName("同一 PostgreSQL 上两个节点：分担分段，互见对方写入，期限只在一个节点触发；杀掉一个，另一个 30 秒内接管")
    void twoNodesShareTheWorkAndOneTakesOverWhenTheOtherDies() throws Exception {
        Assumptions.assumeTrue(PerClassDatabase.onPostgres(),
                "two nodes share one database server; the embedded H2 database belongs to one process (run with -Ppostgres)");
        Store store = Store.fresh("two_nodes", dir);
        List<String> props = new ArrayList<>(store.properties());
        props.add("cases.time.working-hours=00:00-23:59");
        props.add("cases.time.calendar-file=" + EveryDayWorks.write(dir.resolve("every-day-works.json")));
        CompletableFuture<ServiceProcess> startingA = CompletableFuture.supplyAsync(() -> start("node-a", props));
        CompletableFuture<ServiceProcess> startingB = CompletableFuture.supplyAsync(() -> start("node-b", props));
        ServiceProcess nodeA = startingA.join();
        ServiceProcess nodeB = startingB.join();
        Api a = new Api(nodeA.port(), Duration.ofSeconds(20));
        Api b = new Api(nodeB.port(), Duration.ofSeconds(20));

        // paper records whose ACCEPT limit runs out at the next whole minute at least 12 s ahead (due instants are whole minutes)
        Instant due = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
        List<String> deadlineCases = new ArrayList<>();
        Instant lastDue = due;
        for (int i = 0; i < 16; i++) {
            Api on = i % 2 == 0 ? a : b;
            Api.Res r = on.post("handler", "/api/cases", registration(due.minus(Duration.ofHours(2)).minus(Duration.ofMinutes(1))));
            assertThat(r.status()).as("registration %s", r).isEqualTo(201);
            String id = r.body().get("id").asText();
            Api.Res signed = (i % 2 == 0 ? b : a).post("handler", "/api/cases/" + id + "/sign",
                    "{\"occurredAt\":\"" + due.minus(Duration.ofHours(2)).atOffset(ZoneOffset.ofHours(8)) + "\"}");
            assertThat(signed.status()).as("signing on the other node %s", signed).isEqualTo(200);
            Instant accept = Promises.instant(Api.timeLimit(signed.body(), "ACCEPT").get("dueAt"));
            lastDue = accept.isAfter(lastDue) ? accept : lastDue;
            deadlineCases.add(id);
        }
        assertThat(Instant.now()).as("the cases were registered before their limits run out").isBefore(due);

        // the processors' segments are shared between the two nodes
        Instant splitFrom = Instant.now();
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Set<String>> owners = owners(store);
            for (String p : PROCESSORS) {
                assertThat(owners.get(p)).as("owners of %s's segments", p).hasSize(2);
            }
        });
        long splitMs = Duration.between(splitFrom, Instant.now()).toMillis();

        // a step on one node right after an append on the other sees it (If-Match: the other node's ETag)
        int crossNode = 0;
        for (int i = 0; i < 6; i++) {
            Api first = i % 2 == 0 ? a : b;
            Api second = i % 2 == 0 ? b : a;
            Api.Res r = first.post("handler", "/api/cases", registration(null));
            assertThat(r.status()).isEqualTo(201);
            String id = r.body().get("id").asText();
            String etag = r.header("ETag");
            String[][] steps = {{"sign", null}, {"accept", null}, {"respond", "{\"mode\":\"PHONE\",\"summary\":\"已告知\"}"},
                    {"meetings", "{\"kind\":\"HANDLING\",\"summary\":\"见面\"}"}};
            for (int s = 0; s < steps.length; s++) {
                Api on = s % 2 == 0 ? second : first;
                Api.Res step = on.send("handler", "POST", "/api/cases/" + id + "/" + steps[s][0], steps[s][1] == null ? "{}" : steps[s][1],
                        Map.of("If-Match", etag));
                assertThat(step.status()).as("%s on the other node right after its append (If-Match %s): %s", steps[s][0], etag, step)
                        .isEqualTo(200);
                assertThat(Long.parseLong(step.header("ETag").replace("\"", "")))
                        .isGreaterThan(Long.parseLong(etag.replace("\"", "")));
                etag = step.header("ETag");
                crossNode++;
            }
        }

        // node A is killed just after the deadlines fell due, while both nodes may be firing them (seeded moment)
        long offsetMs = new SplittableRandom(SEED).nextInt(200, 1500);
        Instant killAt = lastDue.plusMillis(offsetMs);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), killAt).toMillis()));
        Instant killedAt = Instant.now();
        nodeA.kill();

        // within 30 s the survivor holds every segment and every deadline is recorded once
        String survivor = nodeB.pid() + "@";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Set<String>> owners = owners(store);
            for (String p : PROCESSORS) {
                assertThat(owners.get(p)).as("owners of %s's segments after the kill", p).allMatch(o -> o.startsWith(survivor));
            }
        });
        long takeoverMs = Duration.between(killedAt, Instant.now()).toMillis();
        Instant checkFrom = Instant.now();
        Duration left = Duration.ofSeconds(30).minus(Duration.between(killedAt, checkFrom));
        int breaches = Promises.deadlinesFiredOnce(b, deadlineCases, lastDue.plusSeconds(1),
                left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
        long recordedMs = Duration.between(killedAt, Instant.now()).toMillis();
        assertThat(recordedMs).as("the due deadlines recorded within 30 s of the kill").isLessThanOrEqualTo(30_000);
        for (String id : deadlineCases) {
            JsonNode view = b.get("supervisor", "/api/cases/" + id).body();
            JsonNode accept = Api.timeLimit(view, "ACCEPT");
            assertThat(accept.get("breachedAt").isNull()).as("case %s ACCEPT breached", id).isFalse();
            assertThat(view.get("escalations")).as("case %s escalated", id).hasSize(1);
        }

        // which node fired each due deadline: while both ran, never both; a second firing only as the
        // survivor's re-run of a deadline the killed node had picked
        Map<String, List<String>> firedBy = new HashMap<>();
        int reRuns = 0;
        collect(firedBy, nodeA, "A");
        collect(firedBy, nodeB, "B");
        Set<String> firedByKilled = new HashSet<>();
        for (String id : deadlineCases) {
            List<String> by = firedBy.getOrDefault(id + "/ACCEPT", List.of());
            assertThat(by).as("ACCEPT due deadline of %s fired", id).isNotEmpty();
            assertThat(by.size()).as("firings of %s's ACCEPT deadline: %s", id, by).isLessThanOrEqualTo(2);
            if (by.size() == 2) {
                assertThat(by).as("a second firing is the survivor re-running the killed node's pick").containsExactlyInAnyOrder("A", "B");
                reRuns++;
            }
            if (by.contains("A")) {
                firedByKilled.add(id);
            }
        }
        // the ledger's counts per unit and status (V97): both nodes' segments changed the same count rows (every case is
        // town's) until the kill; once the survivor's ledger has caught up they agree with the rows, and so does the total
        int cases = deadlineCases.size() + 6;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(countsThatDiffer(store)).as("counts that differ from the ledger's rows (unit, status, rows, counted)").isEmpty();
            assertThat(b.get("supervisor", "/api/ledger").body().get("total").asLong()).isEqualTo(cases);
            assertThat(b.get("supervisor", "/api/ledger?unit=town").body().get("total").asLong()).isEqualTo(cases);
        });
        nodeB.stop();
        Figures.report("two-nodes", "seed=" + SEED + " killOffsetMs=" + offsetMs + " kills=1 segmentsSplitAfterMs=" + splitMs
                + " crossNodeSteps=" + crossNode + " deadlineCases=" + deadlineCases.size() + " firedByKilledNode=" + firedByKilled.size()
                + " reRunsAfterKill=" + reRuns + " breachesRecordedOnce=" + breaches + " takeoverMs=" + takeoverMs
                + " allRecordedAfterKillMs=" + recordedMs);
    }

    private ServiceProcess start(String name, List<String> props) {
        List<String> p = new ArrayList<>(props);
        p.add("db-scheduler.scheduler-name=" + name);
        try {
            ServiceProcess s = ServiceProcess.start(name, dir, p, Duration.ofSeconds(240));
            synchronized (nodes) {
                nodes.add(s);
            }
            return s;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The owners of each processor's segments (null owner: unclaimed). */
    /** The units and statuses whose count in {@code ledger_case_count} differs from the rows (the runbook's check). */
    private static List<String> countsThatDiffer(Store store) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select coalesce(r.unit, c.unit), coalesce(r.status, c.status), r.cases, c.cases
                     from (select unit, status, count(*) as cases from ledger_case group by unit, status) r
                     full join ledger_case_count c on c.unit = r.unit and c.status = r.status
                     where coalesce(r.cases, 0) <> coalesce(c.cases, 0)""")) {
            while (rs.next()) {
                out.add(rs.getString(1) + "/" + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getLong(4));
            }
        }
        return out;
    }

    private static Map<String, Set<String>> owners(Store store) throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select processorname, owner from tokenentry")) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(String.valueOf(rs.getString(2)));
            }
        }
        return out;
    }

    private static void collect(Map<String, List<String>> firedBy, ServiceProcess node, String name) {
        Matcher m = DUE_FIRED.matcher(node.output());
        while (m.find()) {
            firedBy.computeIfAbsent(m.group(1) + "/" + m.group(2), k -> new ArrayList<>()).add(name);
        }
    }

    private static String registration(Instant occurredAt) {
        return "{\"track\":\"SIMPLE\",\"channel\":\"LETTER\",\"category\":\"COMPLAINT\",\"petitioner\":{\"name\":\"测试\"},"
                + "\"subject\":\"补录来信\",\"content\":\"纸质来信\",\"unit\":\"town\""
                + (occurredAt == null ? "" : ",\"occurredAt\":\"" + occurredAt.atOffset(ZoneOffset.ofHours(8)) + "\"") + "}";
    }
}
