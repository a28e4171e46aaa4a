package cn.xinfang.petition.bench;

import cn.xinfang.petition.app.CaseApplication;
import cn.xinfang.petition.app.config.CaseConfiguration;
import cn.xinfang.petition.app.ops.Projections;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.serialization.Serializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The service under test, started in this JVM exactly as {@code java -jar} would start it, with
 * command-line properties (they take precedence over application.yml): the benchmark database,
 * a free port, the demo users with cheap BCrypt hashes, and quiet logging.
 */
final class Service implements AutoCloseable {

    static final String SAGA = CaseConfiguration.SAGA_PROCESSOR;

    /** Every streaming processor of the service: the three projections and the time-limit saga. */
    static final List<String> PROCESSORS;

    static {
        List<String> all = new ArrayList<>(Projections.NAMES);
        all.add(SAGA);
        PROCESSORS = List.copyOf(all);
    }

    private final ConfigurableApplicationContext context;

    private Service(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static Service start(BenchConfig config, BenchDatabase db) {
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + db.user(),
                "--spring.datasource.password=" + db.password(),
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--cases.security.demo-data=true",
                "--cases.security.bcrypt-strength=4",
                // issue 17: a master key is required on PostgreSQL; a fresh one per benchmark run
                "--cases.crypto.master-key=" + masterKey(),
                "--db-scheduler.polling-interval=" + config.pollingIntervalProperty(),
                "--logging.level.root=WARN",
                // start-up notices that say nothing about performance
                "--logging.level.org.springframework.core.annotation=ERROR",
                "--logging.level.org.springdoc=ERROR",
                "--logging.level.io.micrometer=ERROR"));
        for (String extra : config.serviceArgs().trim().split("\\s+")) {
            if (extra.startsWith("--")) {
                args.add(extra);
            } else if (extra.startsWith("-D") && extra.contains("=")) {
                System.setProperty(extra.substring(2, extra.indexOf('=')), extra.substring(extra.indexOf('=') + 1));
            } else if (!extra.isEmpty()) {
                throw new IllegalArgumentException("bench.serviceArgs: expected --property=value or -Dname=value, got " + extra);
            }
        }
        return new Service(new SpringApplicationBuilder(CaseApplication.class).run(args.toArray(String[]::new)));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
    }

    CommandGateway commands() {
        return bean(CommandGateway.class);
    }

    QueryGateway queries() {
        return bean(QueryGateway.class);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    /** The serializer the event store writes payloads and metadata with. */
    Serializer eventSerializer() {
        return bean("eventSerializer", Serializer.class);
    }

    /** The global index of the last event in the store, -1 if none. */
    long head() {
        Long h = jdbc().queryForObject("select coalesce(max(globalindex), -1) from domainevententry", Long.class);
        return h == null ? -1 : h;
    }

    StreamingEventProcessor processor(String name) {
        return bean(EventProcessingConfiguration.class).eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
    }

    /** The last position each processor has handled (-1 before the first event). */
    Map<String, Long> positions() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String name : PROCESSORS) {
            long position = -1;
            for (EventTrackerStatus s : processor(name).processingStatus().values()) {
                OptionalLong p = s.getCurrentPosition();
                position = Math.max(position, p.isPresent() ? p.getAsLong() : -1);
            }
            m.put(name, position);
        }
        return m;
    }

    /**
     * Waits until every running processor has handled every event in the store; answers how long
     * that took. Fails after {@code timeout}.
     */
    Duration awaitCaughtUp(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (true) {
            long head = head();
            boolean done = true;
            for (Map.Entry<String, Long> e : positions().entrySet()) {
                StreamingEventProcessor p = processor(e.getKey());
                if (p.isRunning() && (e.getValue() < head || p.isReplaying())) {
                    done = false;
                }
            }
            if (done) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("processors did not catch up within " + timeout + ": head " + head + ", " + positions());
            }
            Thread.sleep(100);
        }
    }

    void shutDown(String processor) {
        processor(processor).shutDown();
    }

    /**
     * Puts the time-limit saga at the head of the store, so it never sees events loaded in bulk
     * (they stand for history whose deadlines were handled long ago; sagas cannot be replayed
     * or reset, so the token is written through the token store while the processor is stopped).
     */
    void moveSagaToHead() {
        StreamingEventProcessor saga = processor(SAGA);
        saga.shutDown();
        long head = head();
        TokenStore tokens = bean(TokenStore.class);
        // every segment (the saga has two): a segment left behind would replay the bulk-loaded history,
        // scheduling and cancelling deadlines that lie long in the past
        bean(TransactionManager.class).executeInTransaction(() -> {
            for (int segment : tokens.fetchSegments(SAGA)) {
                tokens.storeToken(GapAwareTrackingToken.newInstance(head, Collections.emptySortedSet()), SAGA, segment);
                tokens.releaseClaim(SAGA, segment);
            }
        });
        saga.start();
    }

    @Override
    public void close() {
        context.close();
    }

    /** A random master key (32 bytes, Base64) for one run. */
    private static String masterKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
