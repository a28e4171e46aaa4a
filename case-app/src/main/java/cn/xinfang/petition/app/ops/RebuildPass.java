package cn.xinfang.petition.app.ops;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Stream;

/**
 * One pass over the event store that rebuilds one or several views at once (issue 18, decision
 * 0020). One thread reads the store in batches and deserialises each event once; each view has a
 * thread of its own that hands the batch's events of its types to the view's handlers in one unit of
 * work and one transaction, which also stores the view's token (every segment) at the batch's last
 * event. The views run side by side, each at most {@link #AHEAD} batches behind the reader. The views' own
 * processors are stopped meanwhile; when the pass has reached the end of the store, they are started
 * again and go on from those tokens.
 *
 * <p>What it keeps of the processors' guarantees: a batch's rows and its token commit together, so a
 * pass that stops (cancelled, failed, the process killed) leaves every view complete up to its stored
 * token, and the view's processor continues from there. Storing a token also renews this node's claim
 * on the segment, so another node's processor does not take the view over while the pass runs. A
 * view that fails stops there; the others go on. Handlers see the events as a processor would hand
 * them over (the same messages, a {@link BatchingUnitOfWork} per batch, their error handler
 * propagating, the processors' interceptors around each event: the case id in the log context). A
 * view is handed only the events of the payload types its handlers are declared for, as Axon's
 * processors skip the others; a batch with none of them stores the view's token alone.
 */
final class RebuildPass {

    private static final Logger log = LoggerFactory.getLogger(RebuildPass.class);
    /** How many batches a view's thread may be behind the reader (the memory a pass holds: this many batches). */
    static final int AHEAD = 2;
    private static final List<TrackedEventMessage<?>> END = List.of();

    /**
     * What the pass needs of a view: its name, its handlers, its processor's handler interceptors
     * (applied around each event as the processor applies them), and its token's segments.
     */
    record View(String name, EventHandlerInvoker handlers, List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors,
                int[] segments) {
    }

    /** A view's side of the pass: its queue of batches, how far it has committed, and why it stopped if it failed. */
    private final class Run implements Runnable {

        final View view;
        final BlockingQueue<List<TrackedEventMessage<?>>> batches = new ArrayBlockingQueue<>(AHEAD);
        /** Whether the view has a handler for a payload type, asked of its handlers once per type (this run's thread only). */
        final Map<Class<?>, Boolean> handles = new HashMap<>();
        volatile long position = -1;
        volatile PassFailed failure;

        Run(View view) {
            this.view = view;
        }

        /**
         * The events of the batch the view may handle: those of a payload type one of its handlers is declared for
         * ({@link EventHandlerInvoker#canHandleType}, the test Axon's own processors use to skip a stream's events). The
         * others would pass through a unit of work and the interceptors to no handler. An event of a type this
         * service does not know (Axon's {@code UnknownSerializedType}) is no view's, as a processor skips it.
         */
        List<TrackedEventMessage<?>> ofInterest(List<TrackedEventMessage<?>> batch) {
            List<TrackedEventMessage<?>> out = new ArrayList<>(batch.size());
            for (TrackedEventMessage<?> event : batch) {
                if (handles.computeIfAbsent(event.getPayloadType(), t -> view.handlers().canHandleType(t))) {
                    out.add(event);
                }
            }
            return out;
        }

        @Override
        public void run() {
            try {
                // every batch is taken, up to the end, so that the reader never waits on a view that stopped
                for (List<TrackedEventMessage<?>> batch = batches.take(); batch != END; batch = batches.take()) {
                    if (failure == null && !cancelled) {
                        try {
                            TrackedEventMessage<?> last = batch.get(batch.size() - 1);
                            handle(view, ofInterest(batch), last);
                            position = last.trackingToken().position().orElse(position);
                        } catch (PassFailed e) {
                            failure = e; // the view stops here; the batches still coming are taken and left
                        } catch (RuntimeException | Error e) {
                            failure = new PassFailed(view.name(), position + 1, e.getClass().getSimpleName(), e);
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private final List<Run> runs;
    private final EventStorageEngine events;
    private final TokenStore tokens;
    private final TransactionManager transactions;
    private final Runnable inEachTransaction;
    private final int batchSize;

    private volatile boolean cancelled;

    RebuildPass(List<View> views, EventStorageEngine events, TokenStore tokens, TransactionManager transactions, int batchSize,
                Runnable inEachTransaction) {
        this.runs = views.stream().map(Run::new).toList();
        this.events = events;
        this.tokens = tokens;
        this.transactions = transactions;
        this.batchSize = batchSize;
        this.inEachTransaction = inEachTransaction;
    }

    /** The store position of the last event a view has handled and committed in this pass (-1: none yet). */
    long position(String view) {
        return runOf(view).position;
    }

    /** Why a view stopped before the end of the store, if it failed; empty while it has not. */
    java.util.Optional<PassFailed> failure(String view) {
        return java.util.Optional.ofNullable(runOf(view).failure);
    }

    /** Asks the pass to stop after the batches its views are handling; each view is then complete up to its token. */
    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    List<String> names() {
        return runs.stream().map(r -> r.view.name()).toList();
    }

    private Run runOf(String view) {
        return runs.stream().filter(r -> r.view.name().equals(view)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not in this pass: " + view));
    }

    /**
     * Reads from the first event to the end of the store, and again from there while events keep
     * coming, until a read finds none after the last one read, and waits for every view to have
     * handled what was read. Answers the number of events read.
     */
    long run(String threadNames) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (Run r : runs) {
            Thread t = new Thread(r, threadNames + "-" + r.view.name());
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        long read = 0;
        try {
            read = read();
        } finally {
            for (Run r : runs) {
                r.batches.put(END);
            }
            for (Thread t : threads) {
                t.join();
            }
        }
        return read;
    }

    private long read() throws InterruptedException {
        long read = 0;
        TrackingToken after = null;
        Stream<? extends TrackedEventMessage<?>> stream = null;
        Iterator<? extends TrackedEventMessage<?>> it = null;
        try {
            while (!cancelled && runs.stream().anyMatch(r -> r.failure == null)) {
                if (it == null) {
                    stream = events.readEvents(after, false);
                    it = stream.iterator();
                }
                List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
                while (batch.size() < batchSize && it.hasNext()) {
                    TrackedEventMessage<?> event = it.next();
                    try {
                        // deserialised here, once, for every view (the message keeps what it deserialised)
                        event.getPayload();
                        event.getMetaData();
                    } catch (RuntimeException unreadable) {
                        // left to the views: each fails on it in its own batch, which names the view and the event
                    }
                    batch.add(event);
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
                List<TrackedEventMessage<?>> shared = List.copyOf(batch);
                for (Run r : runs) {
                    r.batches.put(shared);
                }
                after = batch.get(batch.size() - 1).trackingToken();
                read += batch.size();
            }
        } finally {
            if (stream != null) {
                stream.close();
            }
        }
        return read;
    }

    /**
     * A batch for one view in one transaction: the batch's events the view may handle ({@code batch}, possibly none),
     * and the view's token at the last event read ({@code last}).
     */
    private void handle(View view, List<TrackedEventMessage<?>> batch, TrackedEventMessage<?> last) {
        if (batch.isEmpty()) {
            try {
                transactions.executeInTransaction(() -> {
                    inEachTransaction.run();
                    storeToken(view, last);
                });
            } catch (RuntimeException e) {
                throw failed(view, last.trackingToken().position().orElse(-1), "storing its token", e);
            }
            return;
        }
        BatchingUnitOfWork<TrackedEventMessage<?>> unit = new BatchingUnitOfWork<>(batch);
        unit.attachTransaction(transactions);
        // the event being handled, to say where a failure happened; at[1]: every event was handled (the commit failed)
        Object[] at = new Object[2];
        MessageHandler<TrackedEventMessage<?>> handlers = event -> {
            view.handlers().handle(event, Segment.ROOT_SEGMENT);
            return null;
        };
        ResultMessage<?> result = unit.executeWithResult(() -> {
            TrackedEventMessage<?> event = unit.getMessage();
            at[0] = event;
            if (unit.isFirstMessage()) {
                inEachTransaction.run();
            }
            intercepted(view.interceptors(), unit, handlers).proceed();
            if (unit.isLastMessage()) {
                storeToken(view, last);
                at[1] = Boolean.TRUE;
            }
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            Throwable cause = result.exceptionResult();
            TrackedEventMessage<?> failed = at[0] == null ? batch.get(0) : (TrackedEventMessage<?>) at[0];
            OptionalLong where = failed.trackingToken().position();
            // writes a view keeps for the commit (KeyedWrites) fail there: on one of the batch's events, not
            // necessarily its last
            String what = at[1] == null ? failed.getPayloadType().getSimpleName()
                    : "committing its " + batch.size() + " events of the batch ending at store position "
                    + last.trackingToken().position().orElse(-1);
            throw failed(view, where.orElse(-1), what, cause);
        }
    }

    /** Logs and answers a view's failure: the position and what failed there, never an event's payload (it may hold personal data). */
    private static PassFailed failed(View view, long position, String what, Throwable cause) {
        log.error("rebuild pass: view {} failed at store position {} ({}): {}", view.name(), position, what, cause.getClass().getName());
        return new PassFailed(view.name(), position, what, cause);
    }

    /** The view's token, every segment, at this event. */
    private void storeToken(View view, TrackedEventMessage<?> at) {
        for (int segment : view.segments()) {
            tokens.storeToken(at.trackingToken(), view.name(), segment);
        }
    }

    /** The chain of the view's processor's interceptors around its handlers, for the unit's current event. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static InterceptorChain intercepted(List<MessageHandlerInterceptor<? super EventMessage<?>>> interceptors,
                                                BatchingUnitOfWork<TrackedEventMessage<?>> unit, MessageHandler<TrackedEventMessage<?>> handlers) {
        return new DefaultInterceptorChain(unit, (List) interceptors, handlers);
    }

    /** A view's batch failed: nothing of it was committed. */
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

    /** For the log: each view's position, and its failure if any. */
    Map<String, String> summary() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Run r : runs) {
            out.put(r.view.name(), r.failure == null ? "at " + r.position : r.failure.getMessage());
        }
        return out;
    }
}
