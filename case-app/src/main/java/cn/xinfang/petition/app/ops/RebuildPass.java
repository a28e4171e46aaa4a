package cn.xinfang.petition.app.ops;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One pass over the event store that rebuilds one or several views at once (issue 18): every event is
 * read and deserialised once and handed to each view's handlers, a batch of events is one transaction
 * for all the views together, and that transaction also stores each view's token (every segment) at
 * the batch's last event. The views' own processors are stopped meanwhile; when the pass has reached
 * the end of the store, they are started again and go on from that token.
 *
 * <p>What it keeps of the processors' guarantees: a batch's rows and tokens commit together, so a pass
 * that stops (cancelled, failed, the process killed) leaves every view complete up to its stored
 * token, and the view's processor continues from there. Storing a token also renews this node's claim
 * on the segment, so another node's processor does not take the view over while the pass runs.
 * Handlers see the events as a processor would hand them over (the same messages, a
 * {@link BatchingUnitOfWork} per batch, their error handler propagating); the processors' interceptors
 * (the case id in the log context) are not applied.
 */
final class RebuildPass {

    private static final Logger log = LoggerFactory.getLogger(RebuildPass.class);

    /** What the pass needs of a view: its name, its handlers, and its token's segments. */
    record View(String name, EventHandlerInvoker handlers, int[] segments) {
    }

    private final List<View> views;
    private final EventStorageEngine events;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final Runnable inEachTransaction;
    private final int batchSize;

    private volatile long position = -1;
    private volatile boolean cancelled;
    private volatile Throwable failure;

    RebuildPass(List<View> views, EventStorageEngine events, TokenStore tokens, TransactionManager transactions, int batchSize,
                Runnable inEachTransaction) {
        this.views = List.copyOf(views);
        this.events = events;
        this.tokens = tokens;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.inEachTransaction = inEachTransaction;
    }

    /** The store position of the last event the pass has handled and committed (-1: none yet). */
    long position() {
        return position;
    }

    /** Asks the pass to stop after the batch it is handling; its views are then complete up to their tokens. */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Why the pass stopped before the end of the store, if it failed. */
    Throwable failure() {
        return failure;
    }

    List<String> names() {
        return views.stream().map(View::name).toList();
    }

    /**
     * Reads from the first event to the end of the store, and again from there while events keep
     * coming, until a read finds none after the last one handled. Answers the number of events handled.
     */
    long run() {
        long handled = 0;
        TrackingToken after = null;
        Stream<? extends TrackedEventMessage<?>> stream = null;
        Iterator<? extends TrackedEventMessage<?>> it = null;
        try {
            while (!cancelled) {
                if (it == null) {
                    stream = events.readEvents(after, false);
                    it = stream.iterator();
                }
                List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
                while (batch.size() < batchSize && it.hasNext()) {
                    batch.add(it.next());
                }
                if (batch.size() < batchSize) {
                    // the stream has ended: it read up to the end of the store as it was then; read once more from here
                    stream.close();
                    stream = null;
                    it = null;
                }
                if (batch.isEmpty()) {
                    break;
                }
                handle(batch);
                after = batch.get(batch.size() - 1).trackingToken();
                position = after.position().orElse(position);
                handled += batch.size();
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
        return handled;
    }

    /** A batch for every view in one transaction, with each view's token at the batch's last event. */
    private void handle(List<TrackedEventMessage<?>> batch) {
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(batch);
        unit.attachTransaction(transactions);
        // the event and the view being handled, to say where a failure happened
        Object[] at = new Object[2];
        ResultMessage<?> result = unit.executeWithResult(() -> {
            TrackedEventMessage<?> event = unit.getMessage();
            at[0] = event;
            if (unit.isFirstMessage()) {
                inEachTransaction.run();
            }
            for (View view : views) {
                at[1] = view.name();
                view.handlers().handle(event, Segment.ROOT_SEGMENT);
            }
            if (unit.isLastMessage()) {
                at[1] = "(token store)";
                for (View view : views) {
                    for (int segment : view.segments()) {
                        tokens.storeToken(event.trackingToken(), view.name(), segment);
                    }
                }
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            TrackedEventMessage<?> failed = at[0] == null ? batch.get(0) : (TrackedEventMessage<?>) at[0];
            long where = failed.trackingToken().position().orElse(-1);
            // the position and type of the event that failed, never its payload (it may hold personal data)
            log.error("rebuild pass of {} failed in view {} at store position {} ({}): {}", names(), at[1], where,
                    failed.getPayloadType().getSimpleName(), cause.getClass().getName());
            throw new PassFailed(String.valueOf(at[1]), where, failed.getPayloadType().getSimpleName(), cause);
        }
    }

    /** A batch failed: nothing of it was committed. */
    static final class PassFailed extends RuntimeException {

        private final long position;

        PassFailed(String view, long position, String type, Throwable cause) {
            super("rebuild failed in view " + view + " at store position " + position + " (" + type + ")", cause);
            this.position = position;
        }

        /** The store position of the event whose batch failed. */
        long position() {
            return position;
        }
    }
}
