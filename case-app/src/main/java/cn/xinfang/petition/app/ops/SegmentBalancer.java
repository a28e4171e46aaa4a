package cn.xinfang.petition.app.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shares the event processors' segments among the nodes running on one database. Axon without Axon
 * Server does not balance: the node that starts first claims every segment and keeps them. Each
 * node records a heartbeat in {@code service_node} every {@code cases.cluster.balance-interval}
 * (2 s); a node is live while its heartbeat is younger than {@code cases.cluster.node-timeout} (6 s).
 * For each streaming processor a node holding more than its fair share (segments / live nodes,
 * rounded up) releases one segment for {@code cases.cluster.release-for} (6 s); another node claims
 * it within its token claim interval (5 s). A node that dies stops its heartbeat (the others stop
 * counting it within 6 s, so they no longer give segments away) and its claims time out
 * ({@code axon.eventhandling.tokenstore.claim-timeout}, 10 s); the others then claim its segments.
 * One node alone never releases anything. The timeouts are short on purpose: the other node takes
 * over a dead node's work within about 15 s.
 */
@Component
public class SegmentBalancer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SegmentBalancer.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final Duration interval;
    private final Duration nodeTimeout;
    private final Duration releaseFor;
    private final String nodeId = ManagementFactory.getRuntimeMXBean().getName();
    private ScheduledExecutorService timer;

    public SegmentBalancer(EventProcessingConfiguration processing, JdbcTemplate jdbc,
                           @Value("${cases.cluster.balance-interval:2s}") Duration interval,
                           @Value("${cases.cluster.node-timeout:6s}") Duration nodeTimeout,
                           @Value("${cases.cluster.release-for:6s}") Duration releaseFor) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.interval = interval;
        this.nodeTimeout = nodeTimeout;
        this.releaseFor = releaseFor;
    }

    @Override
    public void start() {
        timer = Timers.daemon("segment-balancer");
        timer.scheduleWithFixedDelay(this::balanceQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        log.info("segment balancer started node={}", nodeId);
    }

    @Override
    public void stop() {
        timer.shutdownNow();
        try {
            jdbc.update("delete from service_node where node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("node {} not removed from service_node: {}", nodeId, e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null && !timer.isShutdown();
    }

    @Override
    public int getPhase() {
        // after the processors have started (Axon's lifecycle), before they stop
        return Integer.MAX_VALUE - 100;
    }

    private void balanceQuietly() {
        try {
            balance();
        } catch (RuntimeException e) {
            // the database may be away for a while: the next round tries again
            log.debug("segment balancing skipped: {}", e.toString());
        }
    }

    void balance() {
        if (jdbc.update("update service_node set heartbeat_at = current_timestamp where node_id = ?", nodeId) == 0) {
            jdbc.update("insert into service_node (node_id, started_at, heartbeat_at) values (?, current_timestamp, current_timestamp)", nodeId);
        }
        Integer live = jdbc.queryForObject("select count(*) from service_node where heartbeat_at > current_timestamp - interval '"
                + nodeTimeout.toSeconds() + "' second", Integer.class);
        if (live == null || live < 2) {
            return;
        }
        for (Map.Entry<String, StreamingEventProcessor> e : processing.eventProcessors().entrySet().stream()
                .filter(p -> p.getValue() instanceof StreamingEventProcessor)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, p -> (StreamingEventProcessor) p.getValue())).entrySet()) {
            StreamingEventProcessor p = e.getValue();
            if (!p.isRunning()) {
                continue;
            }
            Integer total = jdbc.queryForObject("select count(*) from tokenentry where processorname = ?", Integer.class, e.getKey());
            Map<Integer, EventTrackerStatus> mine = p.processingStatus();
            int fair = (int) Math.ceil((total == null ? 0 : total) / (double) live);
            if (mine.size() > fair) {
                int segment = new TreeSet<>(mine.keySet()).last();
                log.info("releasing segment {} of {} for {}: this node holds {} of {} segments, {} nodes live",
                        segment, e.getKey(), releaseFor, mine.size(), total, live);
                p.releaseSegment(segment, releaseFor.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }
}
