package cn.xinfang.petition.app.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon without Axon Server: JDBC event store, token store and saga store on the application's
 * database (auto-configured from the DataSource), and one explicitly built Jackson mapper for
 * everything Axon stores, so the stored JSON never changes shape when a dependency changes.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /**
     * The mapper for stored messages and sagas: ISO-8601 instants and dates, unknown properties
     * ignored (old readers survive new optional fields), and field visibility so that sagas keep
     * their private state without Jackson annotations in case-domain.
     */
    static ObjectMapper storageMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .setVisibility(PropertyAccessor.CREATOR, JsonAutoDetect.Visibility.ANY);
    }

    @Bean
    @Primary
    @Qualifier("serializer")
    Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).build();
    }

    /** Events: the storage mapper, with the petitioner's personal data encrypted (issue 17, docs/security.md). */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(cn.xinfang.petition.app.crypto.PersonalDataCodec personalData) {
        return JacksonSerializer.builder().objectMapper(storageMapper().registerModule(personalData.module())).build();
    }

    @Bean
    @Qualifier("messageSerializer")
    Serializer messageSerializer() {
        return JacksonSerializer.builder().objectMapper(storageMapper()).build();
    }

    /**
     * The query bus as Axon's auto-configuration builds it, without its transaction: every query handler only reads,
     * and under READ COMMITTED a transaction gives its statements no common snapshot, so it bought nothing but a
     * COMMIT, a round trip more on every page and list (docs/performance.md, 2026-12-01 19:00–). Each statement
     * runs on its own (auto-commit). When upgrading Axon, compare with {@code AxonAutoConfiguration.queryBus}, which
     * this bean replaces ({@code @ConditionalOnMissingBean}): the same parts, less the transaction manager.
     */
    @Bean
    @Qualifier("localSegment")
    SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /** The events of an aggregate are read in batches of this many (Axon's default). */
    static final int AGGREGATE_BATCH = 100;

    /**
     * The JDBC event storage engine as Axon's auto-configuration builds it ({@code JdbcAutoConfiguration}, which this
     * bean replaces; compare when upgrading Axon), except when a case's events are read: a batch with fewer events
     * than asked for is the last. The JDBC engine reads an aggregate's events by sequence range
     * ({@code sequenceNumber >= n and < n + 100}) and by default asks again until a range comes back empty, in a
     * transaction of its own: every read of a case was two reads. A range comes back short only at the end: Axon
     * numbers a case's events without gaps and the service never deletes one. An event deleted outside the service
     * (tampering) would end the read at the gap in a case of 100 events or more, where the default only missed a
     * gap of 100; the hash chain's check ({@code GET /api/cases/{id}/verify}, which reads the table itself) names it.
     */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration axon, ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return aggregateReads(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(axon.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(axon.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema()))
                .build();
    }

    /** {@code builder} reading an aggregate's events in batches of {@link #AGGREGATE_BATCH}, a short one the last. */
    static JdbcEventStorageEngine.Builder aggregateReads(JdbcEventStorageEngine.Builder builder) {
        builder.batchSize(AGGREGATE_BATCH).finalAggregateBatchPredicate(batch -> batch.size() < AGGREGATE_BATCH);
        return builder;
    }
}
