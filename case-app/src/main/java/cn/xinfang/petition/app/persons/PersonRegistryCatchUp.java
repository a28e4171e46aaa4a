package cn.xinfang.petition.app.persons;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Once, on a database where the registry was a tracking processor (before 2026-11-30): the events
 * recorded after the position its token holds are handed to the registry, then the token is deleted.
 * Since then the registry is a subscribing processor (config {@code PersonsConfiguration}) and has no
 * token, so this finds nothing to do. The registry's handlers set rows (none counts), so an event
 * handed to it twice leaves the same rows. One transaction: if it fails, the token stays and the next
 * start tries again.
 */
@Component
public class PersonRegistryCatchUp {

    private static final Logger log = LoggerFactory.getLogger(PersonRegistryCatchUp.class);

    private final TokenStore tokens;
    private final EventStorageEngine events;
    private final PersonRegistry registry;
    private final TransactionTemplate transactions;

    public PersonRegistryCatchUp(TokenStore tokens, EventStorageEngine events, PersonRegistry registry,
                                 PlatformTransactionManager transactions) {
        this.tokens = tokens;
        this.events = events;
        this.registry = registry;
        this.transactions = new TransactionTemplate(transactions);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onStart() {
        try {
            int handled = catchUp();
            if (handled >= 0) {
                log.info("person registry: {} events recorded after the tracking processor's token handed to it; token deleted", handled);
            }
        } catch (UnableToClaimTokenException e) {
            log.warn("person registry: the tracking processor's old token is claimed by another node; the next start catches up");
        } catch (RuntimeException e) {
            // the exception's message may quote a row: its type only (personal data is never logged)
            log.error("person registry: catching up with the old token failed ({}); the token stays and the next start tries again",
                    e.getClass().getName());
        }
    }

    /** The events after the old token handed to the registry; -1 when there is no old token. */
    int catchUp() {
        Integer handled = transactions.execute(tx -> {
            int[] segments = tokens.fetchSegments(PersonRegistry.NAME);
            if (segments.length == 0) {
                return -1;
            }
            TrackingToken from = null;
            boolean first = true;
            for (int segment : segments) {
                TrackingToken t = tokens.fetchToken(PersonRegistry.NAME, segment);
                // the lowest position of the segments (null: from the first event)
                from = first ? t : (from == null || t == null ? null : from.lowerBound(t));
                first = false;
            }
            AnnotationEventHandlerAdapter handler = new AnnotationEventHandlerAdapter(registry);
            int n = 0;
            try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(from, false)) {
                Iterator<? extends TrackedEventMessage<?>> it = stream.iterator();
                while (it.hasNext()) {
                    TrackedEventMessage<?> event = it.next();
                    if (handler.canHandle(event)) {
                        handler.handle(event);
                        n++;
                    }
                }
            } catch (Exception e) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            for (int segment : segments) {
                tokens.deleteToken(PersonRegistry.NAME, segment);
            }
            return n;
        });
        return handled == null ? -1 : handled;
    }
}
