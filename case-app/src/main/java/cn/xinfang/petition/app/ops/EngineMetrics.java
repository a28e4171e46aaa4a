package cn.xinfang.petition.app.ops;

import cn.xinfang.petition.api.command.CaseCommand;
import cn.xinfang.petition.api.command.RecordTimeLimitBreachCommand;
import cn.xinfang.petition.api.command.RecordTimeLimitWarningCommand;
import cn.xinfang.petition.api.event.TimeLimitBreachedEvent;
import cn.xinfang.petition.api.event.TimeLimitWarningRaisedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.MDC;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The engine's own meters (low-cardinality tags only, never a case id):
 * {@code petition.commands{type,outcome}} (timer), {@code petition.deadlines.fired{kind}},
 * {@code petition.events{type}}, {@code petition.cases.registered{track}}, {@code petition.time_limits.recorded{kind,stage}} (warnings and
 * breaches by stage), {@code petition.cases.overdue{kind}} and {@code petition.time_limits.open}
 * (gauges from the overdue view), {@code petition.processor.lag{processor}} (events behind the
 * store's head). Command handling also puts the case id into the logging MDC.
 */
@Component
public class EngineMetrics implements SmartInitializingSingleton {

    private final MeterRegistry registry;
    private final CommandBus commandBus;
    private final EventBus eventBus;
    private final JdbcTemplate jdbc;
    private final Projections projections;
    /** Meters by name and tags, registered on first use: registering again for every message cost a few percent of the CPU. */
    private final Map<String, Object> meters = new ConcurrentHashMap<>();

    public EngineMetrics(MeterRegistry registry, CommandBus commandBus, EventBus eventBus, JdbcTemplate jdbc, Projections projections) {
        this.registry = registry;
        this.commandBus = commandBus;
        this.eventBus = eventBus;
        this.jdbc = jdbc;
        this.projections = projections;
    }

    @Override
    public void afterSingletonsInstantiated() {
        commandBus.registerHandlerInterceptor(commandTimer());
        eventBus.registerDispatchInterceptor(eventCounter());
        // a running stage's due instant: its latest version, as the run's row keeps it (Flyway V95)
        Gauge.builder("petition.cases.overdue", () -> count("select count(*) from time_limit_run where stopped_at is null "
                        + "and due_at < current_timestamp"))
                .tag("kind", "overdue").description("running stages past their due instant").register(registry);
        Gauge.builder("petition.cases.overdue", () -> count("select count(*) from time_limit_run where stopped_at is null "
                        + "and warned_recorded_at is not null and breached_recorded_at is null"))
                .tag("kind", "warned").description("running stages warned and not yet breached").register(registry);
        Gauge.builder("petition.time_limits.open", () -> count("select count(*) from time_limit_run where stopped_at is null"))
                .description("running stages").register(registry);
        for (String name : Projections.NAMES) {
            Gauge.builder("petition.processor.lag", () -> {
                Projections.Status s = projections.status(name);
                return Math.max(0, s.head() - s.position());
            }).tag("processor", name).description("events the projection is behind the store's head").register(registry);
        }
    }

    private double count(String sql) {
        try {
            Long n = jdbc.queryForObject(sql, Long.class);
            return n == null ? 0 : n;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    @SuppressWarnings("unchecked")
    private <M> M meter(String key, Supplier<M> register) {
        return (M) meters.computeIfAbsent(key, k -> register.get());
    }

    private Counter counter(String name, String... tags) {
        return meter(name + String.join("|", tags), () -> Counter.builder(name).tags(tags).register(registry));
    }

    private MessageHandlerInterceptor<CommandMessage<?>> commandTimer() {
        return (UnitOfWork<? extends CommandMessage<?>> uow, InterceptorChain chain) -> {
            Object payload = uow.getMessage().getPayload();
            String type = payload.getClass().getSimpleName();
            if (payload instanceof CaseCommand c) {
                MDC.put("caseId", c.caseId().value());
            }
            if (payload instanceof RecordTimeLimitWarningCommand) {
                counter("petition.deadlines.fired", "kind", "warning").increment();
            } else if (payload instanceof RecordTimeLimitBreachCommand) {
                counter("petition.deadlines.fired", "kind", "due").increment();
            }
            Timer.Sample sample = Timer.start(registry);
            String outcome = "success";
            try {
                return chain.proceed();
            } catch (Exception e) {
                outcome = e.getClass().getSimpleName();
                throw e;
            } finally {
                String o = outcome;
                sample.stop(meter("petition.commands|" + type + "|" + o,
                        () -> Timer.builder("petition.commands").tag("type", type).tag("outcome", o).register(registry)));
                MDC.remove("caseId");
            }
        };
    }

    private MessageDispatchInterceptor<EventMessage<?>> eventCounter() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                return (i, m) -> {
                    Object p = m.getPayload();
                    counter("petition.events", "type", p.getClass().getSimpleName()).increment();
                    if (p instanceof cn.xinfang.petition.api.event.PetitionRegisteredEvent r) {
                        counter("petition.cases.registered", "track", r.track().name()).increment();
                    } else if (p instanceof TimeLimitWarningRaisedEvent w) {
                        counter("petition.time_limits.recorded", "kind", "warning", "stage", w.stage().name()).increment();
                    } else if (p instanceof TimeLimitBreachedEvent b) {
                        counter("petition.time_limits.recorded", "kind", "breach", "stage", b.stage().name()).increment();
                    }
                    return m;
                };
            }
        };
    }
}
