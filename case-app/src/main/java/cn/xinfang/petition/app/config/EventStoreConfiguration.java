package cn.xinfang.petition.app.config;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code cases.performance.optimize-event-consumption} (default false, issue 18) for the embedded
 * event store that Axon's auto-configuration builds. With Axon's optimisation on, one reader fills a
 * shared read-ahead cache for every processor tailing the store, without back-pressure: during a
 * rebuild a processor slower than the read-ahead makes it hold hundreds of thousands of events (an
 * OutOfMemoryError at 1,000,000 events with a 1 GiB heap). Off, each processor reads its own stream in
 * its own batches, and the heap stays flat. Axon reads the setting from the system property
 * {@code optimize-event-consumption} when it builds the store; this sets it before any bean is
 * built, unless it was given on the command line.
 */
@Configuration(proxyBeanMethods = false)
public class EventStoreConfiguration {

    static final String AXON_PROPERTY = "optimize-event-consumption";

    @Bean
    static BeanFactoryPostProcessor eventConsumptionSetting() {
        return new Setting();
    }

    static final class Setting implements BeanFactoryPostProcessor, EnvironmentAware {
        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
            if (System.getProperty(AXON_PROPERTY) == null) {
                System.setProperty(AXON_PROPERTY,
                        environment.getProperty("cases.performance.optimize-event-consumption", "false"));
            }
        }
    }
}
