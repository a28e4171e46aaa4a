package cn.xinfang.petition.api;

import java.time.LocalDate;

/**
 * 节假日 / 调休上班日 – a calendar date with the name of the statutory holiday it belongs to
 * (for a make-up working day, the holiday it makes up for).
 */
public record CalendarDay(LocalDate date, String name) {
}
