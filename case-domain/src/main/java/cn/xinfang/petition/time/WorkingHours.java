package cn.xinfang.petition.time;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * 工作时间 – the working intervals of a working day, in order and not overlapping; by default
 * 08:30–12:00 and 14:00–17:30 (7 hours). The end of the last interval is the close of business.
 */
public record WorkingHours(List<Interval> intervals) {

    /** One interval of a working day, {@code from} inclusive, {@code to} exclusive. */
    public record Interval(LocalTime from, LocalTime to) {
        public Interval {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            if (!from.isBefore(to)) {
                throw new IllegalArgumentException("working interval " + from + "-" + to + " must start before it ends");
            }
        }

        public Duration length() {
            return Duration.between(from, to);
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    public static final WorkingHours DEFAULT = parse("08:30-12:00,14:00-17:30");

    public WorkingHours {
        if (intervals == null || intervals.isEmpty()) {
            throw new IllegalArgumentException("working hours need at least one interval, e.g. 08:30-12:00,14:00-17:30");
        }
        intervals = List.copyOf(intervals);
        for (int i = 1; i < intervals.size(); i++) {
            if (intervals.get(i).from().isBefore(intervals.get(i - 1).to())) {
                throw new IllegalArgumentException("working intervals must be in order and not overlap: "
                        + intervals.get(i - 1) + " and " + intervals.get(i));
            }
        }
    }

    /** Parses {@code 08:30-12:00,14:00-17:30}. */
    public static WorkingHours parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("working hours are empty; expected e.g. 08:30-12:00,14:00-17:30");
        }
        List<Interval> list = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] ends = part.trim().split("-");
            if (ends.length != 2) {
                throw new IllegalArgumentException("working interval \"" + part.trim() + "\" is not of the form HH:mm-HH:mm");
            }
            try {
                list.add(new Interval(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("working interval \"" + part.trim() + "\" is not of the form HH:mm-HH:mm");
            }
        }
        return new WorkingHours(list);
    }

    public LocalTime opening() {
        return intervals.get(0).from();
    }

    /** 下班时间 – close of business: the end of the last interval. */
    public LocalTime closing() {
        return intervals.get(intervals.size() - 1).to();
    }

    public Duration perDay() {
        return intervals.stream().map(Interval::length).reduce(Duration.ZERO, Duration::plus);
    }

    @Override
    public String toString() {
        return intervals.stream().map(Interval::toString).collect(Collectors.joining(","));
    }
}
