package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * 接访排班 – the unit's rota for a period: Mondays to {@code monday} (书记), Fridays to {@code friday}
 * (镇长), every other working day to {@code others} in turn. The rota's id is {@code rota:<unit>}.
 */
public record GenerateRotaCommand(@TargetAggregateIdentifier String rotaId, String unit, LocalDate from, LocalDate to, String monday,
        String friday, List<String> others, Actor actor, Instant recordedAt) {

    public GenerateRotaCommand {
        others = List.copyOf(others);
    }
}
