package cn.xinfang.petition.time;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The time rules in force: the time-limit calculator (policy and business calendar) and the bounds
 * of a recorded occurrence time (how far after the service's clock a record may say it happened,
 * and the earliest time any record may give). The case aggregate takes it as a handler parameter;
 * the service builds it once from configuration and its API checks use the same values. The calendar
 * in it can be revised at run time ({@link #reviseCalendar}) without a restart.
 */
public final class TimeRules {

    /** Default clock skew: a record may say it happened up to a minute after the service's clock. */
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofMinutes(1);
    /** Default earliest occurrence: no record of this engine happened before 2000 (the oldest paper ledgers entered). */
    public static final Instant DEFAULT_EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private volatile TimeLimitCalculator calculator;
    private final Duration clockSkew;
    private final Instant earliest;

    public TimeRules(TimeLimitCalculator calculator) {
        this(calculator, DEFAULT_CLOCK_SKEW, DEFAULT_EARLIEST);
    }

    public TimeRules(TimeLimitCalculator calculator, Duration clockSkew, Instant earliest) {
        this.calculator = Objects.requireNonNull(calculator, "calculator");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.earliest = Objects.requireNonNull(earliest, "earliest");
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clock skew must not be negative, got " + clockSkew);
        }
    }

    public TimeLimitCalculator calculator() {
        return calculator;
    }

    public TimeLimitPolicy policy() {
        return calculator.policy();
    }

    /** The zone days and working hours are counted in. */
    public ZoneId zone() {
        return calculator.time().zone();
    }

    /** How far after the service's clock a record may say it happened. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** The earliest occurrence time a record may give. */
    public Instant earliest() {
        return earliest;
    }

    /** Puts a revised calendar in force; returns the calculator that now applies. */
    public synchronized TimeLimitCalculator reviseCalendar(BusinessCalendar revised) {
        calculator = calculator.withTime(calculator.time().withCalendar(revised));
        return calculator;
    }
}
