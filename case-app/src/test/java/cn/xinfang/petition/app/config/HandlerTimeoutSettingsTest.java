package cn.xinfang.petition.app.config;

import cn.xinfang.petition.domain.PetitionCase;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.AnnotatedMessageHandlingMemberDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: the shipped settings keep Axon's time limit on every unit of work and leave the handlers
 * inside it unwrapped (a wrapped handler starts a timer and reads the thread's stack trace on every call).
 */
class HandlerTimeoutSettingsTest {

    @Test
    @DisplayName("application.yml：每个工作单元仍有时限，处理器方法本身不再逐个计时")
    void unitsOfWorkKeepTheirLimitHandlersAreNotWrapped() throws Exception {
        TimeoutProperties shipped = shipped();

        assertThat(shipped.isEnabled()).isTrue();
        for (TaskTimeoutSettings unitOfWork : List.of(shipped.getTransaction().getCommandBus(),
                shipped.getTransaction().getDeadline(), shipped.getTransaction().getEventProcessors())) {
            assertThat(unitOfWork.getTimeoutMs()).isEqualTo(60_000);
            assertThat(unitOfWork.getWarningThresholdMs()).isEqualTo(10_000);
        }

        List<MessageHandlingMember<? super PetitionCase>> handlers = handlersOfTheCase();
        assertThat(handlers).hasSizeGreaterThan(10);
        HandlerTimeoutHandlerEnhancerDefinition asShipped =
                new HandlerTimeoutHandlerEnhancerDefinition(shipped.getHandler().toMessageHandlerTimeoutConfiguration());
        assertThat(handlers).allSatisfy(h -> assertThat(asShipped.wrapHandler(h)).isSameAs(h));

        // Axon's defaults wrap every one of them: the check above can tell the difference
        HandlerTimeoutHandlerEnhancerDefinition axonDefaults =
                new HandlerTimeoutHandlerEnhancerDefinition(new TimeoutProperties().getHandler().toMessageHandlerTimeoutConfiguration());
        assertThat(handlers).allSatisfy(h -> assertThat(axonDefaults.wrapHandler(h)).isNotSameAs(h)
                .extracting(w -> w.getClass().getSimpleName()).isEqualTo("TimeoutWrappedMessageHandlingMember"));
    }

    private static TimeoutProperties shipped() throws Exception {
        var sources = new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
        return new Binder(ConfigurationPropertySources.from(sources)).bindOrCreate("axon.timeout", TimeoutProperties.class);
    }

    private static List<MessageHandlingMember<? super PetitionCase>> handlersOfTheCase() {
        return AnnotatedHandlerInspector.inspectType(PetitionCase.class,
                ClasspathParameterResolverFactory.forClass(PetitionCase.class),
                new AnnotatedMessageHandlingMemberDefinition()).getHandlers();
    }
}
