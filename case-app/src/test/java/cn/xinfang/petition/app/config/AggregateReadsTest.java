package cn.xinfang.petition.app.config;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A case's events are read in batches of 100 by sequence range, and a short batch is the last
 * ({@link AxonConfiguration#aggregateReads}): Axon's JDBC engine, on an H2 database, counting the statements that read
 * one aggregate's events.
 */
class AggregateReadsTest {

    final AtomicInteger aggregateReads = new AtomicInteger();
    JdbcEventStorageEngine engine;

    @BeforeEach
    void setUp() throws Exception {
        // the service's own schema, on H2 as the service runs it
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common").load().migrate();
        ConnectionProvider counting = () -> {
            Connection c = ds.getConnection();
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                                && sql.contains("FROM DomainEventEntry WHERE aggregateIdentifier = ?")) {
                            aggregateReads.incrementAndGet();
                        }
                        try {
                            return method.invoke(c, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        };
        JacksonSerializer json = JacksonSerializer.defaultSerializer();
        engine = AxonConfiguration.aggregateReads(JdbcEventStorageEngine.builder()
                        .connectionProvider(counting)
                        .transactionManager(NoTransactionManager.INSTANCE)
                        .eventSerializer(json)
                        .snapshotSerializer(json))
                .build();
    }

    void append(String aggregate, int events) {
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            batch.add(new GenericDomainEventMessage<>("Case", aggregate, i, "event " + i));
        }
        engine.appendEvents(batch);
    }

    @ParameterizedTest(name = "{0} events: every one, in order, in {1} read(s)")
    @CsvSource({"1, 1", "6, 1", "99, 1", "100, 2", "101, 2", "199, 2", "200, 3", "250, 3"})
    @DisplayName("Every event of a case is read, in order; a batch of fewer than 100 ends the read")
    void everyEventInAsFewReadsAsTheBatchesNeed(int events, int reads) {
        append("case-a", events);
        append("case-b", 3); // another case's events are not read
        aggregateReads.set(0);

        List<Long> seqs = engine.readEvents("case-a", 0).asStream().map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(seqs).containsExactlyElementsOf(LongStream.range(0, events).boxed().toList());
        assertThat(aggregateReads.get()).isEqualTo(reads);
    }

    @ParameterizedTest(name = "from {0} of 150 events: {1} events in {2} read(s)")
    @CsvSource({"0, 150, 2", "50, 100, 2", "51, 99, 1", "149, 1, 1", "150, 0, 1"})
    @DisplayName("A read from a later event (a cached case catching up) stops at the first short batch too")
    void aReadFromALaterEvent(long from, int expected, int reads) {
        append("case-a", 150);
        aggregateReads.set(0);

        List<Long> seqs = engine.readEvents("case-a", from).asStream().map(DomainEventMessage::getSequenceNumber).toList();
        assertThat(seqs).containsExactlyElementsOf(LongStream.range(from, from + expected).boxed().toList());
        assertThat(aggregateReads.get()).isEqualTo(reads);
    }
}
