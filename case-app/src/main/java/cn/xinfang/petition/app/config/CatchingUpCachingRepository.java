package cn.xinfang.petition.app.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * Axon's caching repository, made safe for several nodes on one event store: a case taken from the
 * cache first reads the events stored after the cached version (one indexed SELECT, normally
 * empty) and applies them. A node whose cached case is stale (another node appended since) thus
 * decides the command on the latest events, exactly as if it had replayed the case; only the replay
 * of the events it already knew is saved. The append itself stays guarded by the event store's
 * unique (case, sequence) key, and Axon drops a case from the cache when its unit of work rolls back.
 * <p>
 * Its aggregates are never snapshotted ({@link CaseRepository} configures no snapshot trigger; decision
 * 0007): one that is not in the cache is read from its first event, without the snapshot query Axon
 * makes before every replay (one round trip per deadline firing on a case not in the cache). Build it
 * only that way: with a snapshot trigger the snapshots would be written and never read, and an event
 * stream filter given to the builder would not apply to that read.
 */
public class CatchingUpCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final EventStore eventStore;
    private final Cache cache;

    /** {@code builder} must carry the same {@code eventStore} and {@code cache} as given here. */
    public CatchingUpCachingRepository(EventSourcingRepository.Builder<T> builder, EventStore eventStore, Cache cache) {
        super(builder.eventStore(eventStore).cache(cache));
        this.eventStore = eventStore;
        this.cache = cache;
    }

    @Override
    protected DomainEventStream readEvents(String aggregateIdentifier) {
        return eventStore.readEvents(aggregateIdentifier, 0);
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        boolean cached = cache.containsKey(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        if (cached) {
            Long version = aggregate.version();
            DomainEventStream newer = eventStore.readEvents(aggregateIdentifier, version == null ? 0 : version + 1);
            if (newer.hasNext()) {
                aggregate.initializeState(newer);
            }
        }
        return aggregate;
    }
}
