package cn.xinfang.petition.api.visit;

import java.time.LocalDate;

/** One day of a reception rota (接访排班): the leader who receives that day, and why if swapped (null: as generated). */
public record RotaEntry(LocalDate date, String leader, String reason) {
}
