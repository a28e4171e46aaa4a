package cn.xinfang.petition.api;

import java.util.Objects;

/** 时限 – an amount of time in one unit: "2 working hours", "5 working days", "60 calendar days". */
public record LimitAmount(long amount, LimitUnit unit) {

    public LimitAmount {
        Objects.requireNonNull(unit, "unit");
        if (amount <= 0 || amount > 10_000) {
            throw new IllegalArgumentException("a time limit must be from 1 to 10000, got " + amount + " " + unit.english());
        }
    }

    public static LimitAmount workingHours(long hours) {
        return new LimitAmount(hours, LimitUnit.WORKING_HOURS);
    }

    public static LimitAmount workingDays(long days) {
        return new LimitAmount(days, LimitUnit.WORKING_DAYS);
    }

    public static LimitAmount calendarDays(long days) {
        return new LimitAmount(days, LimitUnit.CALENDAR_DAYS);
    }

    /** "2 working hours", "1 working day". */
    public String english() {
        String words = unit.english();
        return amount + " " + (amount == 1 ? words.substring(0, words.length() - 1) : words);
    }

    public String chinese() {
        return amount + unit.chinese();
    }
}
