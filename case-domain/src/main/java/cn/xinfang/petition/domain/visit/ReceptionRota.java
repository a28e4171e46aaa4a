package cn.xinfang.petition.domain.visit;

import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.visit.*;
import cn.xinfang.petition.domain.Rejection;
import cn.xinfang.petition.domain.RuleCode;
import cn.xinfang.petition.time.TimeRules;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * 接访排班 – a unit's reception rota: generated for a period from the business calendar by a
 * supervisor or administrator (a later generation replaces the period's days), and swapped day by day.
 */
public class ReceptionRota {

    @AggregateIdentifier
    private String rotaId;
    private String unit;
    private final Map<LocalDate, String> days = new TreeMap<>();

    protected ReceptionRota() {
    }

    /** The rota's aggregate id for a unit. */
    public static String idOf(String unit) {
        return "rota:" + unit;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(GenerateRotaCommand cmd, TimeRules rules) {
        mayPlan(cmd.actor().role());
        List<RotaEntry> entries = RotaPlan.generate(rules.calculator().time().calendar(), cmd.from(), cmd.to(), cmd.monday(),
                cmd.friday(), cmd.others());
        if (entries.isEmpty()) {
            VisitRules.refuse(Rejection.of(RuleCode.ROTA_NO_WORKING_DAY, cmd.from(), cmd.to()));
        }
        apply(new RotaGeneratedEvent(cmd.unit(), cmd.from(), cmd.to(), entries, rules.calculator().time().calendar().version(),
                cmd.actor(), cmd.recordedAt()));
    }

    @CommandHandler
    void handle(SwapRotaDayCommand cmd) {
        mayPlan(cmd.actor().role());
        String previous = days.get(cmd.date());
        if (previous == null) {
            VisitRules.refuse(Rejection.of(RuleCode.ROTA_DAY_NOT_SCHEDULED, cmd.date()));
        }
        apply(new RotaDaySwappedEvent(unit, cmd.date(), previous, cmd.leader(), cmd.reason(), cmd.actor(), cmd.recordedAt()));
    }

    private static void mayPlan(Role role) {
        if (role != Role.SUPERVISOR && role != Role.ADMIN) {
            VisitRules.refuse(Rejection.of(RuleCode.RECORD_ROLE_NOT_PERMITTED, role));
        }
    }

    @EventSourcingHandler
    void on(RotaGeneratedEvent e) {
        rotaId = idOf(e.unit());
        unit = e.unit();
        days.keySet().removeIf(d -> !d.isBefore(e.from()) && !d.isAfter(e.to()));
        e.entries().forEach(x -> days.put(x.date(), x.leader()));
    }

    @EventSourcingHandler
    void on(RotaDaySwappedEvent e) {
        days.put(e.date(), e.leader());
    }
}
