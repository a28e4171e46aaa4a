package cn.xinfang.petition.app.persons;

import cn.xinfang.petition.app.ops.Timers;
import jakarta.annotation.PreDestroy;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Once, on a database where the registry was a tracking processor (before 2026-11-30, decision
 * 0019): the events recorded after the position its token holds are handed to the registry, then
 * the token is deleted. Since then the registry is a subscribing processor (config
 * {@code PersonsConfiguration}) and has no token, so this finds nothing to do. The registry's
 * handlers set rows (none counts), so an event handed to it twice leaves the same rows. One
 * transaction: if it fails, or another node still holds the token, nothing changes and it is tried
 * again every claim timeout until no token is left.
 */
@Component
public class PersonRegistryCatchUp {

    private static final Logger log = LoggerFactory.getLogger(PersonRegistryCatchUp.class);

    private final TokenStore tokens;
    private final EventStorageEngine events;
    private final PersonRegistry registry;
    private final TransactionTemplate transactions;
    private final Duration retryEvery;
    private volatile ScheduledExecutorService retries;

    public PersonRegistryCatchUp(TokenStore tokens, EventStorageEngine events, PersonRegistry registry,
                                 PlatformTransactionManager transactions,
                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration retryEvery) {
        this.tokens = tokens;
        this.events = events;
        this.registry = registry;
        this.transactions = new TransactionTemplate(transactions);
        this.retryEvery = retryEvery;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        if (!attempt()) {
            ScheduledExecutorService timer = Timers.daemon("person-registry-catch-up");
            retries = timer;
            long ms = Math.max(1_000, retryEvery.toMillis());
            timer.scheduleWithFixedDelay(() -> {
                if (attempt()) {
                    timer.shutdown();
                }
            }, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        ScheduledExecutorService timer = retries;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One try; true when there is nothing left to do. */
    boolean attempt() {
        try {
            int handled = catchUp();
            if (handled >= 0) {
                log.info("person registry: {} events recorded after the tracking processor's token handed to it; token deleted", handled);
            }
            return true;
        } catch (UnableToClaimTokenException e) {
            log.warn("person registry: could not claim the old tracking token (another node holds it, or it went meanwhile); "
                    + "trying again in {} s", retryEvery.toSeconds());
            return false;
        } catch (RuntimeException e) {
            // our own message names the event (position, type); the causes by type only: their messages may quote a row
            log.error("person registry: catching up with the old tracking token failed ({}; causes {}); the token stays, "
                    + "trying again in {} s", e instanceof CatchUpFailure ? e.getMessage() : e.getClass().getName(), causes(e),
                    retryEvery.toSeconds());
            return false;
        }
    }

    /** The events after the old token handed to the registry; -1 when there is no old token. */
    int catchUp() {
        Integer handled = transactions.execute(tx -> {
            int[] segments = tokens.fetchSegments(PersonRegistry.NAME);
            if (segments.length == 0) {
                return -1;
            }
            // each segment's position (a replay's or a merge's token: the position it had reached; null: none yet)
            List<TrackingToken> positions = new ArrayList<>();
            for (int segment : segments) {
                positions.add(WrappedToken.unwrapLowerBound(tokens.fetchToken(PersonRegistry.NAME, segment)));
            }
            // from the lowest of them (null: from the first event)
            TrackingToken from = positions.contains(null) ? null : positions.stream().reduce(TrackingToken::lowerBound).orElseThrow();
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(registry);
            int n = 0;
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(from, false)) {
                Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
                while (it.hasNext()) {
                    TrackedEventMessage<?> event = it.next();
                    if (handler.canHandle(event)) {
                        try {
                            handler.handle(event);
                        } catch (Exception e) {
                            throw new CatchUpFailure("at " + event.trackingToken().position().orElse(-1) + ", "
                                    + event.getPayloadType().getSimpleName(), e);
                        }
                        n++;
                    }
                }
            }
            for (int segment : segments) {
                tokens.deleteToken(PersonRegistry.NAME, segment);
            }
            return n;
        });
        return handled == null ? -1 : handled;
    }

    private static List<String> causes(Throwable e) {
        List<String> types = new ArrayList<>();
        for (Throwable c = e.getCause(); c != null && types.size() < 5; c = c.getCause()) {
            types.add(c.getClass().getName());
        }
        return types;
    }

    /** The event the registry failed on: its position and type (no payload). */
    static final class CatchUpFailure extends RuntimeException {
        CatchUpFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
