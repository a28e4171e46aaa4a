package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.LimitUnit;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a track, a stage and a start instant into the stage's {@link TimeLimit}, by the policy's
 * stage table and the business-time engine. A pure function: the same inputs give the same limit.
 */
public final class TimeLimitCalculator {

    private final TimeLimitPolicy policy;
    private final BusinessTime time;

    public TimeLimitCalculator(TimeLimitPolicy policy, BusinessTime time) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.time = Objects.requireNonNull(time, "time");
    }

    public TimeLimitPolicy policy() {
        return policy;
    }

    public BusinessTime time() {
        return time;
    }

    /** The same calculator on a revised calendar. */
    public TimeLimitCalculator withTime(BusinessTime revised) {
        return new TimeLimitCalculator(policy, revised);
    }

    /** The limit of {@code stage} on {@code track} counted from {@code start}; empty when the track has no limit for it. */
    public Optional<TimeLimit> start(Track track, Stage stage, Instant start) {
        return policy.rule(track, stage).map(rule -> compute(track, rule, start, List.of()));
    }

    /** 退回期限 – until when the receiving unit may return a case transferred to it at {@code transferredAt}. */
    public Instant returnableUntil(Instant transferredAt) {
        LimitAmount window = policy.returnWindow();
        return time.compute(transferredAt, window, policy.warningFraction(),
                "return: " + window.english() + " from transfer", "退回：自转送起" + window.chinese()).due();
    }

    /**
     * 复查 / 复核申请期限 – the last instant a review may be requested of a reply delivered at
     * {@code deliveredAt}: the policy's review window (30 calendar days, 条例 第三十五条), counted as the
     * 民法典 counts days (the day of delivery not counted; a last day off moves to the next working day).
     */
    public Instant reviewRequestDeadline(Instant deliveredAt) {
        LimitAmount window = policy.reviewWindow();
        return time.compute(deliveredAt, window, policy.warningFraction(),
                "review request: " + window.english() + " from delivery", "复查复核申请：自送达起" + window.chinese()).due();
    }

    /** The limit's unit for a stage on a track (for a stage that shares another's due, that stage's unit). */
    public Optional<LimitAmount> limitOf(Track track, Stage stage) {
        return policy.rule(track, stage).map(r -> r.limit() != null ? r.limit() : policy.rule(track, r.sameDueAs()).orElseThrow().limit());
    }

    /** 延期 – the limit with one more extension, in the stage's own unit, counted from the current due instant. */
    public TimeLimit extend(TimeLimit current, Track track, LimitAmount extension) {
        List<LimitAmount> all = new ArrayList<>(current.extensions());
        all.add(extension);
        StageRule rule = policy.rule(track, current.stage())
                .orElseThrow(() -> new IllegalArgumentException("track " + track + " has no limit for " + current.stage()));
        // The warning runs over the whole span, from where the original count began. Not
        // current.explanation().countedFrom(): once extended, that is where the last extension's count
        // began, and a second extension would put its warning far too late.
        Instant countedFrom = time.countingStart(current.start(), current.limit().unit());
        // calendar days run on from the N-th day itself, not from the working day it was moved to:
        // 60 days whose last day is a holiday, extended by 30, end on day 90 (rolled if need be)
        Instant base = extension.unit() == LimitUnit.CALENDAR_DAYS && current.explanation().nominalLastDay() != null
                ? time.closeOfBusiness(current.explanation().nominalLastDay()) : current.due();
        Deadline d = time.extend(countedFrom, base, extension, policy.warningFraction(),
                ruleText(track, rule, all), ruleChinese(track, rule, all));
        return new TimeLimit(current.stage(), current.start(), current.limit(), all, d.due(), d.warning(),
                d.explanation().rule(), policy.id(), policy.version(), d.explanation());
    }

    /**
     * The limit counted again from its original start, under {@code track} and this calculator's
     * calendar, with the extensions already granted applied again in order. Used on reclassification
     * and on a calendar revision. Empty when the track has no limit for the stage.
     */
    public Optional<TimeLimit> recompute(TimeLimit current, Track track) {
        return recompute(current, track, current.start());
    }

    /**
     * The same, counted from {@code start}: on reclassification a stage counts from the start the new
     * track gives it (a GENERAL case's ACCEPT from registration, a SIMPLE one's from signing).
     */
    public Optional<TimeLimit> recompute(TimeLimit current, Track track, Instant start) {
        return policy.rule(track, current.stage()).map(rule -> {
            List<LimitAmount> extensions = sameUnit(track, current) ? current.extensions() : List.of();
            return compute(track, rule, start, extensions);
        });
    }

    private boolean sameUnit(Track track, TimeLimit current) {
        return limitOf(track, current.stage()).map(l -> l.unit() == current.limit().unit()).orElse(false);
    }

    private TimeLimit compute(Track track, StageRule rule, Instant start, List<LimitAmount> extensions) {
        LimitAmount limit = limitOf(track, rule.stage()).orElseThrow();
        Deadline d = time.compute(start, limit, policy.warningFraction(), ruleText(track, rule, List.of()), ruleChinese(track, rule, List.of()));
        TimeLimit result = new TimeLimit(rule.stage(), start, limit, List.of(), d.due(), d.warning(),
                d.explanation().rule(), policy.id(), policy.version(), d.explanation());
        for (LimitAmount e : extensions) {
            result = extend(result, track, e);
        }
        return result;
    }

    private String ruleText(Track track, StageRule rule, List<LimitAmount> extensions) {
        LimitAmount limit = limitOf(track, rule.stage()).orElseThrow();
        String stage = rule.stage().name().toLowerCase(Locale.ROOT);
        String base = rule.sameDueAs() == null
                ? track.code() + "." + stage + ": " + limit.english() + " from " + rule.startsAt().english()
                : track.code() + "." + stage + ": with the " + rule.sameDueAs().name().toLowerCase(Locale.ROOT)
                        + ", " + limit.english() + " from " + rule.startsAt().english();
        if (extensions.isEmpty()) {
            return base;
        }
        long total = extensions.stream().mapToLong(LimitAmount::amount).sum();
        return base + "; extended by " + new LimitAmount(total, limit.unit()).english();
    }

    private String ruleChinese(Track track, StageRule rule, List<LimitAmount> extensions) {
        LimitAmount limit = limitOf(track, rule.stage()).orElseThrow();
        String base = rule.sameDueAs() == null
                ? track.code() + "." + rule.stage().chinese() + "：自" + rule.startsAt().chinese() + "起" + limit.chinese()
                : track.code() + "." + rule.stage().chinese() + "：与" + rule.sameDueAs().chinese() + "同时，自"
                        + rule.startsAt().chinese() + "起" + limit.chinese();
        if (extensions.isEmpty()) {
            return base;
        }
        long total = extensions.stream().mapToLong(LimitAmount::amount).sum();
        return base + "；延期" + total + limit.unit().chinese();
    }
}
