package cn.xinfang.petition.app.config;

import cn.xinfang.petition.domain.PetitionCase;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

/**
 * The case aggregate's repository: Axon's event-sourcing repository with a bounded cache of cases
 * that catches up with the event store on every load ({@link CatchingUpCachingRepository}). Built
 * like Axon's default one (same parameter resolvers and handler definitions, pessimistic lock per
 * case within a node).
 */
final class CaseRepository {

    private CaseRepository() {
    }

    static AggregateConfigurer<PetitionCase> cached(int maxCases) {
        BoundedAggregateCache cache = new BoundedAggregateCache(maxCases);
        return AggregateConfigurer.defaultConfiguration(PetitionCase.class).configureRepository(c -> {
            EventSourcingRepository.Builder<PetitionCase> builder = EventSourcingRepository.builder(PetitionCase.class)
                    .aggregateModel(AnnotatedAggregateMetaModelFactory.inspectAggregate(PetitionCase.class,
                            c.parameterResolverFactory(), c.handlerDefinition(PetitionCase.class)))
                    .lockFactory(PessimisticLockFactory.usingDefaults())
                    .snapshotTriggerDefinition(NoSnapshotTriggerDefinition.INSTANCE)
                    .repositoryProvider(c::repository)
                    .spanFactory(c.getComponent(RepositorySpanFactory.class));
            return new CatchingUpCachingRepository<>(builder, c.eventStore(), cache);
        });
    }
}
