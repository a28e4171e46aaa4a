package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.LimitUnit;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.projection.caseview.TimeLimitView;
import cn.xinfang.petition.time.Deadline;
import cn.xinfang.petition.time.StageRule;
import cn.xinfang.petition.time.TimeLimitCalculator;
import cn.xinfang.petition.time.TimeRules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * 时限计算 – the engine's arithmetic, for anyone who wants to check a deadline by hand, and the
 * stage table in force.
 */
@RestController
@RequestMapping("/api/time")
public class TimeController {

    /** The answer of {@code GET /api/time/due}. */
    public record DueAnswer(Instant start, LimitAmount limit, Instant dueAt, Instant warningAt, boolean fallback,
                            TimeLimitView.Explanation explanation) {
    }

    /** One stage of the policy table. */
    public record StageAnswer(String stage, String stageChinese, LimitAmount limit, String sameDueAs, String from, String rule) {
    }

    /** The answer of {@code GET /api/time/policy}. */
    public record PolicyAnswer(String id, int version, double warningFraction, String zone, String workingHours,
                               String calendarVersion, Set<Integer> calendarYears, Map<Track, List<StageAnswer>> stages,
                               Set<String> escalateOnBreach, long maxConcludeExtensionDays) {
    }

    private final TimeRules rules;

    public TimeController(TimeRules rules) {
        this.rules = rules;
    }

    @GetMapping("/due")
    public DueAnswer due(@RequestParam(required = false) String start, @RequestParam(required = false) String amount,
                         @RequestParam(required = false) String unit) {
        Fields f = new Fields();
        Instant from = null;
        if (start == null || start.isBlank()) {
            f.add("start", "is required: an ISO-8601 time with offset such as 2024-03-01T16:50:00+08:00",
                    "必填：带时区的 ISO-8601 时间，例如 2024-03-01T16:50:00+08:00");
        } else {
            try {
                from = TimeParams.instant(start, rules.calculator().time().zone());
                if (from.isBefore(TimeParams.EARLIEST) || from.isAfter(Instant.parse("2100-01-01T00:00:00Z"))) {
                    f.add("start", "must lie between 1900 and 2100", "须在 1900 年至 2100 年之间");
                    from = null;
                }
            } catch (DateTimeParseException e) {
                f.add("start", "\"" + start + "\" is not an ISO-8601 time with offset such as 2024-03-01T16:50:00+08:00",
                        "\"" + start + "\" 不是带时区的 ISO-8601 时间");
            }
        }
        Long n = null;
        try {
            n = amount == null ? null : Long.parseLong(amount.trim());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (n == null || n <= 0 || n > 10_000) {
            f.add("amount", "is required: a whole number from 1 to 10000", "必填：1 至 10000 的整数");
        }
        LimitUnit u = f.required("unit", unit, LimitUnit.class);
        f.throwIfInvalid();
        TimeLimitCalculator calc = rules.calculator();
        LimitAmount limit = new LimitAmount(n, u);
        Deadline d = calc.time().compute(from, limit, calc.policy().warningFraction(),
                limit.english() + " from " + start, "自 " + start + " 起" + limit.chinese());
        return new DueAnswer(from, limit, d.due(), d.warning(), d.fallback(), TimeLimitView.Explanation.of(d.explanation()));
    }

    @GetMapping("/policy")
    public PolicyAnswer policy() {
        TimeLimitCalculator calc = rules.calculator();
        var policy = calc.policy();
        Map<Track, List<StageAnswer>> stages = new TreeMap<>();
        for (Track t : Track.values()) {
            stages.put(t, policy.stages().get(t).stream().map(r -> stage(calc, t, r)).toList());
        }
        Set<String> escalate = new TreeSet<>();
        policy.escalateOnBreach().forEach(s -> escalate.add(s.name()));
        return new PolicyAnswer(policy.id(), policy.version(), policy.warningFraction(), calc.time().zone().getId(),
                calc.time().hours().toString(), calc.time().calendar().version(), new TreeSet<>(calc.time().calendar().knownYears()),
                stages, escalate, policy.maxConcludeExtensionDays());
    }

    private static StageAnswer stage(TimeLimitCalculator calc, Track t, StageRule r) {
        LimitAmount limit = calc.limitOf(t, r.stage()).orElseThrow();
        String rule = calc.start(t, r.stage(), Instant.EPOCH).map(l -> l.rule()).orElse(null);
        return new StageAnswer(r.stage().name(), r.stage().chinese(), limit, r.sameDueAs() == null ? null : r.sameDueAs().name(),
                r.startsAt().english(), rule);
    }
}
