package cn.xinfang.petition.app.config;

import cn.xinfang.petition.app.ops.ProcessorFailures;
import cn.xinfang.petition.domain.PetitionCase;
import cn.xinfang.petition.process.TimeLimitSaga;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the case aggregate and the time-limit saga with Axon. case-domain has no Spring
 * annotations ({@code @Aggregate}, {@code @Saga} live in axon-spring), so the wiring is here.
 */
@Configuration(proxyBeanMethods = false)
public class CaseConfiguration {

    /** The processing group of the time-limit saga; its token lives in {@code tokenentry}. */
    public static final String SAGA_PROCESSOR = "time-limit-saga";

    @Bean
    ConfigurerModule caseModule(@Value("${cases.performance.aggregate-cache-size:1000}") int cacheSize, ProcessorFailures failures) {
        return configurer -> {
            // issue 18: the case is cached between commands; a cached case catches up with the event store first
            configurer.configureAggregate(cacheSize > 0 ? CaseRepository.cached(cacheSize) : AggregateConfigurer.defaultConfiguration(PetitionCase.class));
            configurer.eventProcessing(p -> p
                    .registerSaga(TimeLimitSaga.class)
                    .assignHandlerTypesMatching(SAGA_PROCESSOR, TimeLimitSaga.class::equals)
                    // A handler that fails must not be skipped: a skipped event would leave a deadline
                    // unscheduled or a read model wrong for good. The failure goes to the processor,
                    // which retries with back-off and reports an error state (health DOWN) meanwhile.
                    .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance())
                    // the batch is rolled back and retried as by Axon's default; where it failed is kept for the
                    // status and the health until the processor is past it (a failing segment leaves the
                    // processor's status between two tries)
                    .registerDefaultErrorHandler(c -> failures.errorHandler())
                    .registerDefaultHandlerInterceptor((c, name) -> new CaseIdLogging()));
        };
    }
}
