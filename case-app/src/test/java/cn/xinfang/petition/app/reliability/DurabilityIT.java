package cn.xinfang.petition.app.reliability;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write answered 2xx survives a kill. The packaged service runs in a child JVM on the embedded
 * default (an H2 file under its working directory, the README's zero-setup run) or, with
 * {@code -Ppostgres}, on a PostgreSQL schema; four handlers register cases and take their steps;
 * at a random moment (seeded: {@code -Dreliability.seed=…} reruns one) the service is killed with
 * SIGKILL. Started again on the same files, it must show every acknowledged case with every
 * acknowledged step, its ledger must count exactly the cases of the event store, every deadline
 * due meanwhile must be recorded once, and every running stage must have exactly its own pending
 * deadlines.
 */
class DurabilityIT {

    static final long SEED = Long.getLong("reliability.seed", 20261129L);

    /** Kept after the run (logs and store, for a failure's post-mortem); emptied at the start. */
    final Path dir = Workdirs.fresh("durability");

    ServiceProcess service;

    @AfterEach
    void kill() throws InterruptedException {
        if (service != null) {
            service.close();
        }
    }

    @Test
    @DisplayName("断电式终止（SIGKILL）后重启：已确认的登记和每一步都在，台账收敛，期限不丢不重")
    void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        long killAfterMs = 2500 + random.nextInt(5000);
        Store store = Store.fresh("durability", dir);

        service = ServiceProcess.start("durability", dir, store.properties(), Duration.ofSeconds(180));
        Workload load = new Workload(List.of(new Api(service.port(), Duration.ofSeconds(20))), false, SEED);
        load.start(4);
        // the seeded moment, but not before 20 writes were acknowledged (a loaded machine is slow to warm up)
        load.awaitProgress(killAfterMs, 20);
        service.kill();
        load.stopAndJoin();
        assertThat(load.serverErrors.get()).as("5xx before the kill: %s", load.problems).isZero();
        assertThat(load.refused.get()).as("refusals in a valid workload: %s", load.problems).isZero();
        assertThat(load.acked).as("the kill came after some writes were acknowledged (seed %s, kill after %s ms)", SEED, killAfterMs)
                .isNotEmpty();

        Instant restartedAt = Instant.now();
        service = ServiceProcess.start("durability", dir, store.properties(), Duration.ofSeconds(180));
        Api api = new Api(service.port(), Duration.ofSeconds(30));

        int steps = 0;
        for (Workload.Acked a : load.acked.values()) {
            Api.Res now = api.get("handler", "/api/cases/" + a.id());
            assertThat(now.status()).as("acknowledged case %s after the kill: %s", a.id(), now).isEqualTo(200);
            JsonNode view = now.body();
            assertThat(view.get("version").asLong()).as("case %s version", a.id()).isGreaterThanOrEqualTo(a.version());
            a.view().get("steps").fields().forEachRemaining(step -> assertThat(step.getValue().isNull() ? step.getValue()
                    : view.get("steps").get(step.getKey()))
                    .as("case %s acknowledged step %s; acknowledged %s; now %s; history %s", a.id(), step.getKey(), a.view(), view,
                            api.get("supervisor", "/api/cases/" + a.id() + "/history").text())
                    .isEqualTo(step.getValue()));
            for (JsonNode step : a.view().get("steps")) {
                steps += step.isNull() ? 0 : 1;
            }
            if (view.get("version").asLong() == a.version()) {
                assertThat(view).as("case %s at its acknowledged version", a.id()).isEqualTo(a.view());
            }
        }

        int cases = Promises.ledgerConverges(api, Duration.ofSeconds(60));
        assertThat(cases).isGreaterThanOrEqualTo(load.acked.size());
        List<String> ids = Promises.casesInStore(api);
        int breaches = Promises.deadlinesFiredOnce(api, ids, restartedAt, Duration.ofSeconds(60));

        Api.Res digest = api.get("auditor", "/api/audit/digest");
        Api.Res verified = api.post("auditor", "/api/audit/verify", digest.text());
        assertThat(verified.body().get("intact").asBoolean()).as("every case's hash chain after the kill: %s", verified).isTrue();

        Map<String, JsonNode> views = new LinkedHashMap<>();
        for (String id : ids) {
            views.put(id, api.get("supervisor", "/api/cases/" + id).body());
        }
        Instant checkedAt = Instant.now();
        int logged = service.output().length();
        service.stop();
        // a graceful stop: the scheduler and the processors stop before the database closes, nothing fails on the way
        assertThat(service.output().substring(logged)).as("the log of the graceful stop").doesNotContain(" ERROR ");
        int pending = Promises.pendingDeadlinesExact(store, views, checkedAt, Duration.ofSeconds(90));

        Figures.report("durability", "seed=" + SEED + " killAfterMs=" + killAfterMs + " kills=1 acknowledgedWrites="
                + load.acknowledgedWrites.get() + " acknowledgedCases=" + load.acked.size() + " acknowledgedSteps=" + steps
                + " unansweredAtKill=" + load.unanswered.get() + " casesInStore=" + cases + " breachesFiredOnce=" + breaches
                + " pendingDeadlinesExact=" + pending + " serverErrors=" + load.serverErrors.get());
    }
}
