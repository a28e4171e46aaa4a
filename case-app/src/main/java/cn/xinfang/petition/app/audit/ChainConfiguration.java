package cn.xinfang.petition.app.audit;

import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wraps the JDBC storage engine ({@code config.AxonConfiguration.eventStorageEngine}) so every append extends the hash chain. */
@Configuration(proxyBeanMethods = false)
public class ChainConfiguration {

    @Bean
    static BeanPostProcessor hashChainingStorageEngine(ObjectProvider<EventChain> chain) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof EventStorageEngine engine && !(bean instanceof HashChainingStorageEngine)) {
                    return new HashChainingStorageEngine(engine, chain.getObject());
                }
                return bean;
            }
        };
    }
}
