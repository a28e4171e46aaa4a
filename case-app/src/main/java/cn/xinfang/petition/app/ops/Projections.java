package cn.xinfang.petition.app.ops;

import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.AdminAuditLog;
import cn.xinfang.petition.projection.backlog.BacklogProjection;
import cn.xinfang.petition.projection.escalation.EscalationProjection;
import cn.xinfang.petition.projection.ledger.LedgerProjection;
import cn.xinfang.petition.projection.overdue.OverdueProjection;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;

/**
 * Rebuilds a projection from the events: its processor is stopped, its token reset (its reset
 * handler clears its tables) and started again; it then replays every event while the rest of the
 * service keeps answering. The status says how far the replay has come.
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

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final ReadModelMaintenance maintenance;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Duration claimTimeout;
    private final AdminAuditLog auditLog;

    public Projections(EventProcessingConfiguration processing, JdbcTemplate jdbc, ReadModelMaintenance maintenance, Clock clock,
                       PlatformTransactionManager transactions,
                       @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout, AdminAuditLog auditLog) {
        this.claimTimeout = claimTimeout;
        this.auditLog = auditLog;
        this.transactions = new TransactionTemplate(transactions);
        this.processing = processing;
        this.jdbc = jdbc;
        this.maintenance = maintenance;
        this.clock = clock;
    }

    /** A rebuild by an administrator: as {@link #rebuild(String)}, recorded in {@code admin_audit} (who, when, which view). */
    public Status rebuild(String name, String administrator) {
        Status started = rebuild(name);
        auditLog.record(clock.instant(), administrator, "rebuild-projection", name, started.head() < 0 ? "no events in the store yet"
                : "replayed from the events, up to store position " + started.head() + " when started");
        return started;
    }

    public Status rebuild(String name) {
        StreamingEventProcessor p = processor(name);
        log.info("rebuilding projection {}", name);
        if (heldElsewhere(name)) {
            throw heldElsewhereProblem(name);
        }
        p.shutDown();
        try {
            // one transaction for every segment's token and the view's reset handler: a segment held
            // elsewhere undoes the segments already reset instead of leaving them replaying
            transactions.executeWithoutResult(status -> p.resetTokens());
        } catch (UnableToClaimTokenException heldElsewhere) {
            // another process holds a segment: a second node, or the claim of a process that died (it
            // lapses after the claim timeout). Nothing was reset; this node goes on with the projection.
            p.start();
            throw heldElsewhereProblem(name);
        }
        maintenance.rebuildStarted(name);
        p.start();
        return status(name);
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
        Long headValue = jdbc.queryForObject("select coalesce(max(globalindex), -1) from domainevententry", Long.class);
        long head = headValue == null ? -1 : headValue;
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
        boolean caughtUp = position >= head && !p.isReplaying();
        if (caughtUp) {
            maintenance.caughtUp(name);
        }
        double progress = head <= 0 ? 1.0 : Math.min(1.0, Math.max(0, position) / (double) head);
        return new Status(name, p.isRunning(), p.isReplaying(), error, position, head, Math.round(progress * 1000) / 1000.0, caughtUp);
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
