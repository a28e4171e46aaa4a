package cn.xinfang.petition.app.reliability;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Handlers at work, from several threads: each registers a case and takes some of its steps in
 * order, then the next. About a third of the cases are paper records entered late (补录, ten days
 * back), whose limits have already run out: the saga must warn, breach and escalate them at once,
 * so every run also exercises the deadlines. Every answer 2xx is remembered as acknowledged, with
 * the case as the answer showed it. Requests go to the nodes in turn; a node that stops answering
 * is left (with {@code failover}) or ends the thread.
 */
final class Workload {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** The last acknowledged state of a case: its version (ETag) and the view the answer carried. */
    record Acked(String id, long version, JsonNode view) {
    }

    private static final String[][] STEPS = {
            {"sign", null},
            {"accept", null},
            {"respond", "{\"mode\":\"PHONE\",\"summary\":\"电话告知已受理\"}"},
            {"meetings", "{\"kind\":\"HANDLING\",\"place\":\"村委会\",\"summary\":\"现场查看\"}"},
            {"opinion", "{\"decision\":\"SUPPORTED\",\"text\":\"列入维修计划\"}"},
            {"meetings", "{\"kind\":\"CONCLUSION\",\"summary\":\"告知处理结果\"}"},
            {"resolve", "{\"summary\":\"已办结\",\"satisfaction\":\"SATISFIED\",\"satisfactionSource\":\"PHONE_CALLBACK\"}"},
    };

    final Map<String, Acked> acked = new ConcurrentHashMap<>();
    final AtomicInteger acknowledgedWrites = new AtomicInteger();
    final AtomicInteger unanswered = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<Api> nodes;
    private final boolean failover;
    private final long seed;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<Api, Boolean> dead = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    Workload(List<Api> nodes, boolean failover, long seed) {
        this.nodes = nodes;
        this.failover = failover;
        this.seed = seed;
    }

    void start(int threadCount) {
        for (int t = 0; t < threadCount; t++) {
            SplittableRandom random = new SplittableRandom(seed * 31 + t);
            int first = t;
            Thread thread = new Thread(() -> run(random, first), "workload-" + t);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /** Waits at least {@code minMillis} and until {@code minWrites} writes were acknowledged, at most 60 s. */
    void awaitProgress(long minMillis, int minWrites) throws InterruptedException {
        long started = System.nanoTime();
        while (elapsedMillis(started) < minMillis || (acknowledgedWrites.get() < minWrites && elapsedMillis(started) < 60_000)) {
            Thread.sleep(50);
        }
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** Asks the threads to stop after their current request and waits for them. */
    void stopAndJoin() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
        }
    }

    private void run(SplittableRandom random, int next) {
        int[] turn = {next};
        while (!stop.get()) {
            boolean late = random.nextInt(3) == 0;
            ZonedDateTime registeredAt = ZonedDateTime.of(LocalDate.now(ZONE).minusDays(10), LocalTime.of(9, 0), ZONE);
            String body = "{\"track\":\"SIMPLE\",\"channel\":\"VISIT\",\"category\":\"COMPLAINT\",\"petitioner\":{\"name\":\"测试人"
                    + random.nextInt(1000) + "\",\"phone\":\"13812345678\"},\"subject\":\"村道损坏\",\"content\":\"路面塌陷，请求维修。\",\"unit\":\"town\""
                    + (late ? ",\"occurredAt\":\"" + registeredAt.toOffsetDateTime() + "\"" : "") + "}";
            Api.Res r = send(turn, "/api/cases", body);
            if (r == null || r.status() != 201) {
                if (r == null && !failover) {
                    return;
                }
                pause(100);
                continue;
            }
            String id = r.body().get("id").asText();
            int steps = late ? random.nextInt(2) : random.nextInt(STEPS.length + 1);
            for (int i = 0; i < steps && !stop.get(); i++) {
                String stepBody = STEPS[i][1];
                if (late && i == 0) {
                    stepBody = "{\"occurredAt\":\"" + registeredAt.plusMinutes(40).toOffsetDateTime() + "\"}";
                }
                Api.Res s = send(turn, "/api/cases/" + id + "/" + STEPS[i][0], stepBody);
                if (s == null || s.status() != 200) {
                    if (s == null && !failover) {
                        return;
                    }
                    break;
                }
            }
        }
    }

    /** Sends to the next live node; null when no node answered (the request may or may not have been carried out). */
    private Api.Res send(int[] turn, String path, String body) {
        for (int attempt = 0; attempt < nodes.size(); attempt++) {
            Api node = nodes.get(Math.floorMod(turn[0]++, nodes.size()));
            if (dead.containsKey(node)) {
                continue;
            }
            Api.Res r;
            try {
                r = node.post("handler", path, body);
            } catch (IllegalStateException unanswered) {
                this.unanswered.incrementAndGet();
                dead.put(node, true);
                // the request may have been carried out: never retried elsewhere, it stays unacknowledged
                return null;
            }
            if (r.status() >= 200 && r.status() < 300) {
                acknowledgedWrites.incrementAndGet();
                JsonNode view = r.body();
                acked.merge(view.get("id").asText(), new Acked(view.get("id").asText(), view.get("version").asLong(), view),
                        (a, b) -> b.version() >= a.version() ? b : a);
            } else if (r.status() >= 500) {
                serverErrors.incrementAndGet();
                problems.add(path + " -> " + r);
            } else {
                refused.incrementAndGet();
                problems.add(path + " -> " + r);
            }
            return r;
        }
        return null;
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forgets that a node stopped answering (it was restarted). */
    void revive() {
        dead.clear();
    }
}
