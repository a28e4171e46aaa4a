package cn.xinfang.petition.time;

import java.util.Objects;

/**
 * The time-limit calculator in force. The case aggregate takes it as a handler parameter; the
 * calendar in it can be revised at run time ({@link #reviseCalendar}) when an operator loads a new
 * or corrected holiday calendar, without a restart.
 */
public final class TimeRules {

    private volatile TimeLimitCalculator calculator;

    public TimeRules(TimeLimitCalculator calculator) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
    }

    public TimeLimitCalculator calculator() {
        return calculator;
    }

    /** Puts a revised calendar in force; returns the calculator that now applies. */
    public synchronized TimeLimitCalculator reviseCalendar(BusinessCalendar revised) {
        calculator = calculator.withTime(calculator.time().withCalendar(revised));
        return calculator;
    }
}
