package cn.xinfang.petition.projection.visit;

import java.time.LocalDate;

/** One rota day of a unit. */
public record RotaRow(String unit, LocalDate date, String leader, String reason) {
}
