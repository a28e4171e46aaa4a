package cn.xinfang.petition.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The event processors' meters, in place of axon-micrometer's set ({@code axon.metrics.auto-configuration.enabled:
 * false} in application.yml; docs/decisions/0018-processor-meters.md says why):
 * {@code petition.processor.events{processor,outcome}} (handled, failed, ignored) and
 * {@code petition.processor.age{processor}} (milliseconds between the last handled event's timestamp and its
 * handling). Every meter is registered once per processor; handling an event only increments a counter and sets a
 * number. The command bus and the event bus carry the engine's own meters ({@link EngineMetrics}); other components
 * get no monitor.
 */
@Component
public class ProcessorMeters implements ConfigurerModule {

    private final MeterRegistry registry;
    private final Clock clock;

    @Autowired
    public ProcessorMeters(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    ProcessorMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void configureModule(org.axonframework.config.Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> (componentType, componentName) ->
                EventProcessor.class.isAssignableFrom(componentType) ? eraseType(monitor(componentName)) : NoOpMessageMonitor.instance());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static MessageMonitor<Message<?>> eraseType(MessageMonitor<? super EventMessage<?>> monitor) {
        return (MessageMonitor) monitor;
    }

    /** The monitor of one processor; its meters are registered here, once. */
    MessageMonitor<EventMessage<?>> monitor(String processor) {
        Counter handled = counter(processor, "handled");
        Counter failed = counter(processor, "failed");
        Counter ignored = counter(processor, "ignored");
        AtomicLong ageMillis = new AtomicLong();
        Gauge.builder("petition.processor.age", ageMillis, AtomicLong::doubleValue).tag("processor", processor).baseUnit("milliseconds")
                .description("how old the processor's last event was when it handled it").register(registry);
        MessageMonitor.MonitorCallback callback = new MessageMonitor.MonitorCallback() {
            @Override
            public void reportSuccess() {
                handled.increment();
            }

            @Override
            public void reportFailure(Throwable cause) {
                failed.increment();
            }

            @Override
            public void reportIgnored() {
                ignored.increment();
            }
        };
        return message -> {
            ageMillis.set(Math.max(0, clock.millis() - message.getTimestamp().toEpochMilli()));
            return callback;
        };
    }

    private Counter counter(String processor, String outcome) {
        return Counter.builder("petition.processor.events").tag("processor", processor).tag("outcome", outcome)
                .description("events a processor handled, failed on or ignored").register(registry);
    }
}
