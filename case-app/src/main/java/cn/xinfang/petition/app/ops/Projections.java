package cn.xinfang.petition.app.ops;

import cn.xinfang.petition.app.config.CaseConfiguration;
import cn.xinfang.petition.app.config.SupervisionConfiguration;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.AdminAuditLog;
import cn.xinfang.petition.projection.backlog.BacklogProjection;
import cn.xinfang.petition.projection.escalation.EscalationProjection;
import cn.xinfang.petition.projection.ledger.LedgerProjection;
import cn.xinfang.petition.projection.overdue.OverdueProjection;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Rebuilds projections from the events: their processors are stopped, their tokens reset (their reset
 * handlers clear their tables), one pass over the store feeds each the events of its types ({@link RebuildPass})
 * while the rest of the service keeps answering, and their processors then go on from where the
 * pass ended. The status says how far the rebuild has come.
 */
@Service
public class Projections {

    private static final Logger log = LoggerFactory.getLogger(Projections.class);
    /** This process as the token store names a claim's owner (Axon's default node id). */
    private static final String NODE = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();

    /** The views an administrator may rebuild: each built from the events alone, with a reset handler that clears its tables. */
    public static final List<String> NAMES = List.of(LedgerProjection.NAME, OverdueProjection.NAME, EscalationProjection.NAME,
            BacklogProjection.NAME);

    /** A projection's processor: running, replaying, the last event position it handled and the store's head. */
    public record Status(String name, boolean running, boolean replaying, boolean error, long position, long head, double progress,
                         boolean caughtUp) {
    }

    /** How long a rebuild waits for a running pass of the same views to stop after its batch. */
    private static final Duration PASS_STOP_WAIT = Duration.ofSeconds(60);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ReadModelMaintenance maintenance;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Duration claimTimeout;
    private final AdminAuditLog auditLog;
    private final TokenStore tokenStore;
    private final EventStorageEngine eventStorage;
    private final TransactionManager axonTransactions;
    private final int passBatchSize;
    /** The running passes, by the name of each view they rebuild. */
    private final Map<String, RebuildPass> passes = new ConcurrentHashMap<>();
    private final Map<RebuildPass, Thread> threads = new ConcurrentHashMap<>();
    /** Where each processor (or a pass for its view) last failed, until it is past it. */
    private final ProcessorFailures failures;
    /** The serializer of the token store (Axon's general serializer). */
    private final Serializer tokenSerializer;
    private volatile boolean closing;

    public Projections(EventProcessingConfiguration processing, JdbcTemplate jdbc, ReadModelMaintenance maintenance, Clock clock,
                       PlatformTransactionManager transactions,
                       @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout, AdminAuditLog auditLog,
                       TokenStore tokenStore, EventStorageEngine eventStorage, TransactionManager axonTransactions,
                       @Value("${cases.performance.rebuild-batch-size:2048}") int passBatchSize, ProcessorFailures failures,
                       @Qualifier("serializer") Serializer tokenSerializer) {
        this.failures = failures;
        this.tokenSerializer = tokenSerializer;
        this.claimTimeout = claimTimeout;
        this.auditLog = auditLog;
        this.transactions = new TransactionTemplate(transactions);
        this.processing = processing;
        this.jdbc = jdbc;
        this.maintenance = maintenance;
        this.clock = clock;
        this.tokenStore = tokenStore;
        this.eventStorage = eventStorage;
        this.axonTransactions = axonTransactions;
        this.passBatchSize = passBatchSize;
    }

    /** A rebuild by an administrator: as {@link #rebuild(String)}, recorded in {@code admin_audit} (who, when, which view). */
    public Status rebuild(String name, String administrator) {
        return rebuild(List.of(name), administrator).get(0);
    }

    /**
     * A rebuild of several views by an administrator, in one pass over the store: as
     * {@link #rebuild(List)}, each view recorded in {@code admin_audit}.
     */
    public List<Status> rebuild(List<String> names, String administrator) {
        List<Status> started = rebuild(names);
        for (Status s : started) {
            String with = started.size() == 1 ? "" : ", in one pass with " + started.stream().map(Status::name)
                    .filter(n -> !n.equals(s.name())).toList();
            auditLog.record(clock.instant(), administrator, "rebuild-projection", s.name(), s.head() < 0 ? "no events in the store yet"
                    : "replayed from the events, up to store position " + s.head() + " when started" + with);
        }
        return started;
    }

    public Status rebuild(String name) {
        return rebuild(List.of(name)).get(0);
    }

    /**
     * Rebuilds the given views (all of them when the list is empty) from the events: their processors
     * are stopped, their tokens reset and their tables cleared (their reset handlers) in one
     * transaction, then one pass over the store ({@link RebuildPass}) feeds them all; once it has
     * reached the end of the store, their processors start again from there. Refused, with nothing
     * reset, when another process holds a segment of one of them. A view already being rebuilt is
     * rebuilt again from the start (the running pass is stopped first).
     */
    public synchronized List<Status> rebuild(List<String> requested) {
        List<String> names = (requested.isEmpty() ? NAMES : requested).stream().distinct().toList();
        Map<String, StreamingEventProcessor> processors = new LinkedHashMap<>();
        for (String name : names) {
            processors.put(name, processor(name));
        }
        log.info("rebuilding projections {}", names);
        for (String name : names) {
            if (heldElsewhere(name)) {
                throw heldElsewhereProblem(name);
            }
        }
        // a pass already rebuilding one of them stops after its batch; its other views go on from where it got
        for (RebuildPass running : passes.values().stream().distinct().filter(p -> p.names().stream().anyMatch(names::contains)).toList()) {
            stop(running);
        }
        processors.values().forEach(StreamingEventProcessor::shutDown);
        Map<String, int[]> segments = new LinkedHashMap<>();
        try {
            // one transaction for every segment's token and the views' reset handlers: a segment held
            // elsewhere undoes the segments already reset instead of leaving them replaying
            transactions.executeWithoutResult(status -> processors.forEach((name, p) -> {
                p.resetTokens();
                segments.put(name, tokenStore.fetchSegments(name));
            }));
        } catch (UnableToClaimTokenException heldElsewhere) {
            // another process holds a segment: a second node, or the claim of a process that died (it
            // lapses after the claim timeout). Nothing was reset; this node goes on with the views.
            processors.values().forEach(StreamingEventProcessor::start);
            throw heldElsewhereProblem(names.size() == 1 ? names.get(0) : String.join(", ", names));
        }
        List<RebuildPass.View> views = new ArrayList<>();
        processors.forEach((name, p) -> {
            failures.forget(name);
            maintenance.rebuildStarted(name);
            views.add(new RebuildPass.View(name, ((AbstractEventProcessor) p).eventHandlerInvoker(), p.getHandlerInterceptors(),
                    segments.get(name)));
        });
        RebuildPass pass = new RebuildPass(views, eventStorage, tokenStore, axonTransactions, passBatchSize, this::relaxCommit);
        names.forEach(name -> passes.put(name, pass));
        Thread thread = new Thread(() -> runPass(pass, processors), "rebuild-" + String.join("+", names));
        thread.setDaemon(true);
        threads.put(pass, thread);
        thread.start();
        return names.stream().map(this::status).toList();
    }

    /** Runs a pass; whatever its end, its views' processors start again from the tokens it stored (unless the service is stopping). */
    private void runPass(RebuildPass pass, Map<String, StreamingEventProcessor> processors) {
        long t = System.nanoTime();
        try {
            long read = pass.run(Thread.currentThread().getName());
            log.info("rebuild pass of {}: {} events read in {} ms{}; {}", pass.names(), read, (System.nanoTime() - t) / 1_000_000,
                    pass.cancelled() ? " (stopped before the end of the store)" : "", pass.summary());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("rebuild pass of {} interrupted; {}", pass.names(), pass.summary());
        } catch (RuntimeException | Error e) {
            // the store could not be read: every view is complete up to its token (the cause by type only: its
            // message may quote a row)
            log.error("rebuild pass of {} stopped: {}; {}", pass.names(), e.getClass().getName(), pass.summary());
        } finally {
            // a view whose batch failed: that batch was rolled back; its processor takes it up again from the token
            // before it and retries. Until it has got past it with every segment, the view's status says error (a
            // pooled processor's failing segment is out of its status between two retries).
            for (String name : pass.names()) {
                pass.failure(name).ifPresent(f -> failures.failed(name, f.position()));
            }
            if (!closing) {
                processors.values().forEach(StreamingEventProcessor::start);
            }
            pass.names().forEach(name -> passes.remove(name, pass));
            threads.remove(pass);
        }
    }

    /** Stops a running pass after its current batch and waits for it (its views' processors are then running again). */
    private void stop(RebuildPass pass) {
        pass.cancel();
        Thread thread = threads.get(pass);
        if (thread != null) {
            try {
                thread.join(PASS_STOP_WAIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The service is stopping: running passes stop after their batch; their views' processors are not started again. */
    @EventListener(ContextClosedEvent.class)
    public void onClose() {
        closing = true;
        List.copyOf(threads.keySet()).forEach(this::stop);
    }

    /**
     * In a rebuild's transactions, PostgreSQL does not wait for the commit to reach the disk: a crash
     * may lose the last batches committed (at most about three times {@code wal_writer_delay}), which
     * only means that the view's processor handles those events again from the token committed
     * with them; a rebuilt view is never acknowledged to anyone event by event.
     */
    private void relaxCommit() {
        if (maintenance.onPostgres()) {
            jdbc.execute("set local synchronous_commit = off");
        }
    }

    /**
     * Whether another process holds a claim on a segment of the view that has not lapsed: a second
     * node, or a process stopped less than the claim timeout ago. Checked before anything is stopped,
     * so that a refused rebuild leaves the view running as it was.
     */
    private boolean heldElsewhere(String name) {
        Instant lapsedBefore = clock.instant().minus(claimTimeout);
        return jdbc.query("select owner, timestamp from tokenentry where processorname = ?", (rs, i) -> {
            String owner = rs.getString(1);
            String at = rs.getString(2);
            return owner != null && !owner.equals(NODE) && at != null && DateTimeUtils.parseInstant(at).isAfter(lapsedBefore);
        }, name).contains(true);
    }

    private static ServiceException heldElsewhereProblem(String name) {
        log.info("rebuild of projection {} refused: a segment is held by another process", name);
        return new ServiceException(ServiceException.Kind.CONFLICT, "projection-held-elsewhere",
                    "projection " + name + " is being processed by another process (a second node, or one that stopped in the last "
                            + "seconds and whose claim has not lapsed yet); nothing was reset. Retry in a few seconds; on several "
                            + "nodes, start the rebuild on one node while the others are stopped (docs/runbook.md)",
                    "视图 " + name + " 正由另一个进程处理（另一节点，或刚停止、认领尚未过期的进程），未做任何重置。"
                            + "请几秒后重试；多节点时，请在其他节点停止期间于一个节点上重建（见运行手册）");
    }

    public Status status(String name) {
        StreamingEventProcessor p = processor(name);
        long head = head();
        RebuildPass pass = passes.get(name);
        if (pass != null) {
            // rebuilt by a pass: its processor is stopped meanwhile; the pass's position is the view's
            long at = pass.position(name);
            double done = head <= 0 ? 0.0 : Math.min(1.0, Math.max(0, at) / (double) head);
            return new Status(name, true, true, pass.failure(name).isPresent(), at, head, Math.round(done * 1000) / 1000.0, false);
        }
        Status s = status(name, p, head);
        if (s.caughtUp()) {
            maintenance.caughtUp(name);
        }
        return s;
    }

    /** The sagas that schedule deadlines (the time limits', the rectifications'): never rebuilt. */
    public static final List<String> SAGAS = List.of(CaseConfiguration.SAGA_PROCESSOR, SupervisionConfiguration.RECTIFICATION_SAGA);

    /** Each saga's processor, as {@link #status(String)} gives a view's. */
    public List<Status> sagaStatuses() {
        long head = head();
        return SAGAS.stream().map(name -> status(name, processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("saga " + name + " has no streaming processor")), head)).toList();
    }

    private long head() {
        Long headValue = jdbc.queryForObject("select coalesce(max(globalindex), -1) from domainevententry", Long.class);
        return headValue == null ? -1 : headValue;
    }

    private Status status(String name, StreamingEventProcessor p, long head) {
        // the slowest segment this node processes: every segment reads the whole stream, so the view is
        // complete up to the lowest of their positions (a node holding no segment reports -1)
        long position = Long.MAX_VALUE;
        boolean error = false;
        for (EventTrackerStatus s : p.processingStatus().values()) {
            OptionalLong pos = s.getCurrentPosition();
            position = Math.min(position, pos.isPresent() ? pos.getAsLong() : -1);
            error |= s.isErrorState();
        }
        if (position == Long.MAX_VALUE) {
            position = -1;
        }
        OptionalLong failed = failures.failedAt(name);
        if (failed.isPresent()) {
            // a batch failed (in the processor or a rebuild pass): an error until every segment's stored token is
            // past its last event, whichever node holds it (a token is stored only when its batch commits; a
            // failing segment is out of a pooled processor's status between two tries)
            if (!error && storedPositions(name).stream().allMatch(at -> at >= failed.getAsLong())) {
                failures.recovered(name, failed.getAsLong());
            } else {
                error = true;
            }
        }
        boolean caughtUp = position >= head && !p.isReplaying() && !error;
        double progress = head <= 0 ? 1.0 : Math.min(1.0, Math.max(0, position) / (double) head);
        return new Status(name, p.isRunning(), p.isReplaying(), error, position, head, Math.round(progress * 1000) / 1000.0, caughtUp);
    }

    /** The position of each segment's stored token (-1: none yet); a processor with no token yet has none. */
    private List<Long> storedPositions(String name) {
        return jdbc.query("select token, tokentype from tokenentry where processorname = ?", (rs, i) -> {
            byte[] token = rs.getBytes(1);
            String type = rs.getString(2);
            if (token == null || type == null) {
                return -1L;
            }
            TrackingToken t = tokenSerializer.deserialize(new SimpleSerializedObject<>(token, byte[].class, type, null));
            return t == null ? -1L : t.position().orElse(-1L);
        }, name);
    }

    private StreamingEventProcessor processor(String name) {
        if (!NAMES.contains(name)) {
            throw new ServiceException(ServiceException.Kind.NOT_FOUND, "projection-not-found", "no projection named " + name + "; projections: " + NAMES,
                    "没有名为 " + name + " 的视图；可用：" + NAMES);
        }
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("processor " + name + " is not a streaming processor"));
    }
}
