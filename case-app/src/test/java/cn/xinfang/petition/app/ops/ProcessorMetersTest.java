package cn.xinfang.petition.app.ops;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorMetersTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:05Z"), ZoneOffset.UTC);

    private static EventMessage<?> eventAt(String instant) {
        return new GenericEventMessage<>(new GenericEventMessage<>("payload").getIdentifier(), "payload", MetaData.emptyInstance(),
                Instant.parse(instant));
    }

    private double count(String processor, String outcome) {
        return registry.get("petition.processor.events").tag("processor", processor).tag("outcome", outcome).counter().count();
    }

    @Test
    void countsEachOutcomeAndReportsTheAgeOfTheLastEvent() {
        MessageMonitor<EventMessage<?>> ledger = new ProcessorMeters(registry, clock).monitor("ledger");

        ledger.onMessageIngested(eventAt("2026-03-02T08:00:00Z")).reportSuccess();
        ledger.onMessageIngested(eventAt("2026-03-02T08:00:01Z")).reportSuccess();
        ledger.onMessageIngested(eventAt("2026-03-02T08:00:02Z")).reportIgnored();
        ledger.onMessageIngested(eventAt("2026-03-02T08:00:04.750Z")).reportFailure(new IllegalStateException("x"));

        assertThat(count("ledger", "handled")).isEqualTo(2.0);
        assertThat(count("ledger", "ignored")).isEqualTo(1.0);
        assertThat(count("ledger", "failed")).isEqualTo(1.0);
        // 08:00:05 (the clock) − 08:00:04.750 (the last event)
        assertThat(registry.get("petition.processor.age").tag("processor", "ledger").gauge().value()).isEqualTo(250.0);
    }

    @Test
    void anEventFromTheFutureHasAgeZeroAndProcessorsCountApart() {
        ProcessorMeters meters = new ProcessorMeters(registry, clock);
        MessageMonitor<EventMessage<?>> ledger = meters.monitor("ledger");
        MessageMonitor<EventMessage<?>> overdue = meters.monitor("overdue");

        ledger.onMessageIngested(eventAt("2026-03-02T08:00:09Z")).reportSuccess();
        overdue.onMessageIngested(eventAt("2026-03-02T08:00:00Z")).reportSuccess();
        overdue.onMessageIngested(eventAt("2026-03-02T08:00:00Z")).reportSuccess();

        assertThat(registry.get("petition.processor.age").tag("processor", "ledger").gauge().value()).isZero();
        assertThat(count("ledger", "handled")).isEqualTo(1.0);
        assertThat(count("overdue", "handled")).isEqualTo(2.0);
        assertThat(registry.get("petition.processor.age").tag("processor", "overdue").gauge().value()).isEqualTo(5000.0);
    }
}
