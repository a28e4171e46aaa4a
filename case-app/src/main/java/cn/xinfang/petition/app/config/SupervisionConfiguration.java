package cn.xinfang.petition.app.config;

import cn.xinfang.petition.domain.supervision.Rectification;
import cn.xinfang.petition.process.supervision.RectificationSaga;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Issue 16: the rectification aggregate, its deadline saga (tracking processor
 * {@value #RECTIFICATION_SAGA}, token in {@code tokenentry}), and the rectifications' read model as a
 * subscribing processor (written in the command's transaction).
 */
@Configuration(proxyBeanMethods = false)
public class SupervisionConfiguration {

    public static final String RECTIFICATION_SAGA = "rectification-saga";
    /** {@code app.supervision.RectificationProjection.NAME}. */
    static final String RECTIFICATION_VIEW = "supervision-rectifications";

    @Bean
    ConfigurerModule supervisionModule() {
        return configurer -> {
            configurer.configureAggregate(Rectification.class);
            configurer.eventProcessing(p -> p
                    .registerSaga(RectificationSaga.class)
                    .assignHandlerTypesMatching(RECTIFICATION_SAGA, RectificationSaga.class::equals)
                    .registerSubscribingEventProcessor(RECTIFICATION_VIEW));
        };
    }
}
