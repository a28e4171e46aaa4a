package cn.xinfang.petition.app.ops;

import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where each event processor last failed: the store position of the last event of the batch that
 * failed (a handler that threw, or the batch's commit), until the processor is past it with every
 * segment. A pooled processor releases a failing segment between two tries, so its
 * {@code processingStatus()} then shows only the healthy segments, and a view stuck on one event
 * would read as caught up; this record is what keeps it an error until it is not.
 */
@Component
public class ProcessorFailures {

    private static final Logger log = LoggerFactory.getLogger(ProcessorFailures.class);

    private final Map<String, Long> failedAt = new ConcurrentHashMap<>();

    /** A batch of the processor failed up to this store position (the highest one is kept). */
    public void failed(String processor, long position) {
        failedAt.merge(processor, position, Math::max);
    }

    /** The position the processor must get past, if it failed and has not yet. */
    public OptionalLong failedAt(String processor) {
        Long at = failedAt.get(processor);
        return at == null ? OptionalLong.empty() : OptionalLong.of(at);
    }

    /** The processor is past the failure recorded at this position (a later failure stays). */
    public void recovered(String processor, long position) {
        if (failedAt.remove(processor, position)) {
            log.info("processor {} is past the event it failed on (store position {})", processor, position);
        }
    }

    /** Forgets the processor's failure (its view is rebuilt from the start). */
    public void forget(String processor) {
        failedAt.remove(processor);
    }

    /**
     * The processors' error handler: records the failure, then hands it back to the processor (as
     * Axon's default does), which rolls the batch back and retries it with back-off. Nothing is skipped.
     */
    public ErrorHandler errorHandler() {
        return context -> {
            context.failedEvents().stream()
                    .filter(e -> e instanceof TrackedEventMessage<?> t && t.trackingToken() != null)
                    .mapToLong(e -> ((TrackedEventMessage<?>) e).trackingToken().position().orElse(-1))
                    .max().ifPresent(last -> {
                        if (last >= 0) {
                            failed(context.eventProcessor(), last);
                        }
                    });
            PropagatingErrorHandler.instance().handleError(context);
        };
    }
}
