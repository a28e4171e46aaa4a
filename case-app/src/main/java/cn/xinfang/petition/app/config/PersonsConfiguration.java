package cn.xinfang.petition.app.config;

import cn.xinfang.petition.app.persons.PersonRegistry;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The person registry (信访人, issue 15) as a subscribing processor: its tables change in the
 * transaction that records the event, on whichever node records it. A registration decides 重复访
 * (repeat petitions) on the registry, so the registry must hold every case registered before it:
 * as a tracking processor it was up to a second behind (its stream is polled once a second when idle),
 * and each registration waited for it (about half a second each in the benchmark's HTTP runs), or did
 * not wait at all on a node that did not hold its segment. A token the tracking processor left is
 * caught up with once at start-up ({@link cn.xinfang.petition.app.persons.PersonRegistryCatchUp}).
 */
@Configuration(proxyBeanMethods = false)
public class PersonsConfiguration {

    @Bean
    ConfigurerModule personsModule() {
        return configurer -> configurer.eventProcessing(p -> p.registerSubscribingEventProcessor(PersonRegistry.NAME));
    }
}
