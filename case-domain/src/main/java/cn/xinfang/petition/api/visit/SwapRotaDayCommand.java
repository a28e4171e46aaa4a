package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.time.LocalDate;

/** 调班 (the rota's id is {@code rota:<unit>}) – another leader receives on a rota day. */
public record SwapRotaDayCommand(@TargetAggregateIdentifier String rotaId, LocalDate date, String leader, String reason, Actor actor,
        Instant recordedAt) {
}
