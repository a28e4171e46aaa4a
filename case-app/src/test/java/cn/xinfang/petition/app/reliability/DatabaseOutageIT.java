package cn.xinfang.petition.app.reliability;

import cn.xinfang.petition.app.support.Api;
import cn.xinfang.petition.app.support.PerClassDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes away for 20 s while handlers keep working (PostgreSQL only: the embedded H2
 * database lives inside the service and cannot be unreachable). The service sits behind a
 * {@link TcpProxy} that the test cuts. While it is cut every request is answered 503
 * {@code database-unavailable} (never 500) within 10 s and {@code /actuator/health} says DOWN;
 * when it is back the service recovers by itself (commands succeed, health UP, read models catch
 * up), every registration answered 503 and sent again with its Idempotency-Key makes exactly one
 * case, and nothing is half-written (every case's hash chain is whole, the ledger counts every case).
 */
class DatabaseOutageIT {

    static final Duration OUTAGE = Duration.ofSeconds(20);
    static final long SEED = Long.getLong("reliability.seed", 20261129L);

    final Path dir = Workdirs.fresh("outage");
    ServiceProcess service;
    TcpProxy proxy;

    /** One registration as sent: its key, how it was answered, how long the answer took. */
    record Attempt(String key, int status, long millis, String code, boolean duringOutage) {
    }

    @AfterEach
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    @DisplayName("数据库中断 20 秒：请求答 503（不超过 10 秒），健康检查为 DOWN，恢复后自动复原，无半截记录")
    void theServiceAnswers503DuringAnOutageAndRecoversByItself() throws Exception {
        Assumptions.assumeTrue(PerClassDatabase.onPostgres(),
                "a database outage needs a database server: the embedded H2 database runs inside the service (run with -Ppostgres)");
        InetSocketAddress db = Store.databaseAddress();
        proxy = new TcpProxy(db.getHostString(), db.getPort());
        Store store = Store.fresh("outage", dir);
        service = ServiceProcess.start("outage", dir, store.propertiesThrough(proxy.port()), Duration.ofSeconds(180));
        Api api = new Api(service.port(), Duration.ofSeconds(15));

        AtomicBoolean outage = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
        Map<String, JsonNode> acked = new ConcurrentHashMap<>();
        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            SplittableRandom random = new SplittableRandom(SEED + t);
            Thread sender = new Thread(() -> {
                while (!stop.get()) {
                    String key = "outage-" + Long.toHexString(random.nextLong());
                    boolean during = outage.get();
                    long start = System.nanoTime();
                    Api.Res r;
                    try {
                        r = api.post("handler", "/api/cases", registration(), Map.of("Idempotency-Key", key));
                    } catch (IllegalStateException noAnswer) {
                        attempts.add(new Attempt(key, -1, (System.nanoTime() - start) / 1_000_000, "no answer", during));
                        continue;
                    }
                    long ms = (System.nanoTime() - start) / 1_000_000;
                    // anything but the two expected answers is kept whole, for the failure message
                    String code = r.status() == 201 || r.status() == 503 ? r.body().path("code").asText(null) : r.text();
                    attempts.add(new Attempt(key, r.status(), ms, code, during || outage.get()));
                    if (r.status() == 201) {
                        acked.put(r.body().get("id").asText(), r.body());
                    }
                }
            }, "outage-sender-" + t);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }

        Thread.sleep(3000);
        outage.set(true);
        proxy.cut();
        Instant cutAt = Instant.now();
        // health during the outage: DOWN, answered in time
        Thread.sleep(2000);
        long healthStart = System.nanoTime();
        Api.Res health = api.get(null, "/actuator/health");
        long healthMs = (System.nanoTime() - healthStart) / 1_000_000;
        assertThat(health.status()).as("health during the outage: %s", health).isEqualTo(503);
        assertThat(health.body().path("status").asText()).isEqualTo("DOWN");
        assertThat(healthMs).as("health answered within 10 s").isLessThan(10_000);
        // a reader too gets a 503 problem, not a 500 or a wrong-password 401
        Api.Res read = api.get("supervisor", "/api/ledger");
        assertThat(read.status()).as("a read during the outage: %s", read).isEqualTo(503);
        assertThat(read.body().path("code").asText()).isEqualTo("database-unavailable");
        assertThat(read.header("Content-Type")).startsWith("application/problem+json");

        Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.between(cutAt, Instant.now()).toMillis()));
        proxy.restore();
        Instant restoredAt = Instant.now();
        outage.set(false);

        // recovers by itself: a registration succeeds, health is UP again
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() ->
                attempts.stream().anyMatch(a -> a.status() == 201 && !a.duringOutage()) && api.get(null, "/actuator/health").status() == 200);
        long recoveredAfterMs = Duration.between(restoredAt, Instant.now()).toMillis();
        stop.set(true);
        for (Thread s : senders) {
            s.join(30_000);
        }

        List<Attempt> during = attempts.stream().filter(Attempt::duringOutage).toList();
        assertThat(attempts).as("answers other than 201 and 503 database-unavailable")
                .allMatch(a -> a.status() == 201 || (a.status() == 503 && "database-unavailable".equals(a.code())));
        assertThat(during).as("requests during the outage").isNotEmpty();
        assertThat(during).as("answered 503 during the outage").anyMatch(a -> a.status() == 503);
        assertThat(attempts).as("every answer within 10 s").allMatch(a -> a.millis() < 10_000);

        // every registration refused with 503, sent again with its key, makes exactly one case
        Set<String> keys = new HashSet<>();
        attempts.forEach(a -> keys.add(a.key()));
        // sent again in parallel: a key whose first request claimed it but recorded no case waits 10 s before it is released
        java.util.concurrent.ExecutorService retries = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<Api.Res>> answers = new ArrayList<>();
        for (Attempt a : attempts) {
            if (a.status() != 201) {
                answers.add(retries.submit(() -> api.post("handler", "/api/cases", registration(), Map.of("Idempotency-Key", a.key()))));
            }
        }
        for (java.util.concurrent.Future<Api.Res> f : answers) {
            Api.Res again = f.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(again.status()).as("a retry with the same key: %s", again).isEqualTo(201);
            acked.put(again.body().get("id").asText(), again.body());
        }
        retries.shutdown();
        for (JsonNode v : acked.values()) {
            assertThat(api.get("handler", "/api/cases/" + v.get("id").asText()).status()).isEqualTo(200);
        }
        int cases = Promises.ledgerConverges(api, Duration.ofSeconds(90));
        assertThat(cases).as("one case per key sent (%s keys)", keys.size()).isEqualTo(keys.size()).isEqualTo(acked.size());
        Api.Res digest = api.get("auditor", "/api/audit/digest");
        Api.Res verified = api.post("auditor", "/api/audit/verify", digest.text());
        assertThat(verified.body().get("intact").asBoolean()).as("no half-written case: %s", verified).isTrue();

        long refused = during.stream().filter(a -> a.status() == 503).count();
        long slowest = attempts.stream().mapToLong(Attempt::millis).max().orElse(0);
        Figures.report("outage", "outageSeconds=" + OUTAGE.toSeconds() + " requests=" + attempts.size() + " answered503=" + refused
                + " serverErrors500=" + attempts.stream().filter(a -> a.status() == 500).count() + " slowestAnswerMs=" + slowest
                + " healthDownAnswerMs=" + healthMs + " recoveredAfterMs=" + recoveredAfterMs + " cases=" + cases);
    }

    private static String registration() {
        return "{\"track\":\"SIMPLE\",\"channel\":\"VISIT\",\"category\":\"COMPLAINT\",\"petitioner\":{\"name\":\"测试\"},"
                + "\"subject\":\"村道损坏\",\"content\":\"路面塌陷\",\"unit\":\"town\"}";
    }
}
