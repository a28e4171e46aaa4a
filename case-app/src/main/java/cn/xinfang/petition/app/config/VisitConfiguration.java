package cn.xinfang.petition.app.config;

import cn.xinfang.petition.domain.visit.Reception;
import cn.xinfang.petition.domain.visit.ReceptionRota;
import cn.xinfang.petition.domain.visit.Visit;
import cn.xinfang.petition.projection.visit.VisitProjection;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 14: registers the visit, reception and rota aggregates; the visit read model's processor is
 * subscribing, so its tables change in the transaction that records the event (a list read right after
 * a 201 shows the record).
 */
@Configuration(proxyBeanMethods = false)
public class VisitConfiguration {

    @Bean
    ConfigurerModule visitModule() {
        return configurer -> {
            configurer.configureAggregate(Visit.class);
            configurer.configureAggregate(Reception.class);
            configurer.configureAggregate(ReceptionRota.class);
            configurer.eventProcessing(p -> p.registerSubscribingEventProcessor(VisitProjection.NAME));
        };
    }
}
