package cn.xinfang.petition.app.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.Repository;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one event store, each with its own aggregate cache: the node whose cached aggregate
 * is stale (the other node appended since) must decide on the latest events, never on its cache.
 */
class CatchingUpCachingRepositoryTest {

    record Incremented(String id, int count) {
    }

    static class Counter {
        @AggregateIdentifier
        String id;
        int count;

        Counter() {
        }

        @EventSourcingHandler
        void on(Incremented e) {
            id = e.id();
            count = e.count();
        }
    }

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    private Repository<Counter> node(Cache cache) {
        return new CatchingUpCachingRepository<>(EventSourcingRepository.builder(Counter.class), store, cache);
    }

    /** Loads the counter, answers the count it saw, and appends the next count. */
    private static int increment(Repository<Counter> node, String id) {
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> {
            var aggregate = node.load(id);
            int seen = aggregate.invoke(c -> c.count);
            aggregate.execute(c -> AggregateLifecycle.apply(new Incremented(id, c.count + 1)));
            return seen;
        }).getPayload();
    }

    private void created(String id) {
        store.publish(new GenericDomainEventMessage<>("Counter", id, 0, new Incremented(id, 1)));
    }

    private List<Integer> stored(String id) {
        return store.readEvents(id).asStream().map(m -> ((Incremented) m.getPayload()).count()).toList();
    }

    @Test
    void aStaleCacheCatchesUpWithWhatTheOtherNodeAppended() {
        created("c-1");
        var cacheA = new BoundedAggregateCache(10);
        Repository<Counter> a = node(cacheA);
        Repository<Counter> b = node(new BoundedAggregateCache(10));

        assertThat(increment(a, "c-1")).isEqualTo(1); // a caches the counter at 2
        assertThat(cacheA.containsKey("c-1")).isTrue();
        assertThat(increment(b, "c-1")).isEqualTo(2); // b appends 3 behind a's back
        assertThat(increment(a, "c-1")).as("node a sees b's event although its cache held the counter").isEqualTo(3);
        assertThat(increment(a, "c-1")).isEqualTo(4); // and keeps a consistent cache afterwards

        assertThat(stored("c-1")).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void withoutCatchingUpTheSameSequenceWouldDecideOnTheStaleCache() {
        created("c-2");
        var cache = new BoundedAggregateCache(10);
        Repository<Counter> plain = CachingEventSourcingRepository.builder(Counter.class).eventStore(store).cache(cache).build();
        Repository<Counter> b = node(new BoundedAggregateCache(10));

        increment(plain, "c-2");
        increment(b, "c-2");
        // what this repository exists to prevent: Axon's plain cache answers the counter as it left it
        int seen = DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> plain.load("c-2").invoke(c -> c.count)).getPayload();
        assertThat(seen).isEqualTo(2);
    }

    @Test
    void aCaseNotInTheCacheIsReadWithoutAskingForASnapshot() {
        AtomicInteger snapshotQueries = new AtomicInteger();
        InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine() {
            @Override
            public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
                snapshotQueries.incrementAndGet();
                return super.readSnapshot(aggregateIdentifier);
            }
        };
        EmbeddedEventStore counted = EmbeddedEventStore.builder().storageEngine(engine).build();
        counted.publish(new GenericDomainEventMessage<>("Counter", "c-3", 0, new Incremented("c-3", 1)),
                new GenericDomainEventMessage<>("Counter", "c-3", 1, new Incremented("c-3", 2)));

        Repository<Counter> axonDefault = EventSourcingRepository.builder(Counter.class).eventStore(counted).build();
        assertThat(increment(axonDefault, "c-3")).isEqualTo(2);
        assertThat(snapshotQueries).as("Axon's repository asks for a snapshot before replaying").hasValue(1);

        Repository<Counter> cases = new CatchingUpCachingRepository<>(EventSourcingRepository.builder(Counter.class), counted,
                new BoundedAggregateCache(10));
        assertThat(increment(cases, "c-3")).as("replayed from the first event").isEqualTo(3);
        assertThat(increment(cases, "c-3")).as("then from the cache").isEqualTo(4);
        assertThat(snapshotQueries).hasValue(1);
    }

    @Test
    void theCacheKeepsTheMostRecentlyUsedCases() {
        var cache = new BoundedAggregateCache(2);
        cache.put("x", 1);
        cache.put("y", 2);
        cache.get("x");
        cache.put("z", 3);
        assertThat(cache.containsKey("x")).isTrue();
        assertThat(cache.containsKey("y")).isFalse();
        assertThat(cache.size()).isEqualTo(2);
    }
}
