package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Actor;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The rota of {@code from}..{@code to} (both included): one entry per working day; it replaces earlier entries of the period. */
@Revision("1")
public record RotaGeneratedEvent(String unit, LocalDate from, LocalDate to, List<RotaEntry> entries, String calendarVersion,
        Actor actor, Instant recordedAt) {
}
