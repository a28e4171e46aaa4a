package cn.xinfang.petition.api;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;

/** 计时区间 – one stretch of working time that a time limit counted, in the case's zone. */
public record CountedSegment(LocalDate date, LocalTime from, LocalTime to) {

    public Duration length() {
        return Duration.between(from, to);
    }
}
