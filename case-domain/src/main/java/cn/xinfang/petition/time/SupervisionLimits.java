package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;

import java.time.Instant;
import java.util.List;

/** The time limit of a case's 督办 (SUPERVISION stage): the supervisor's limit, counted from the step. */
public final class SupervisionLimits {

    private SupervisionLimits() {
    }

    public static TimeLimit compute(LimitAmount limit, Instant start, TimeRules rules) {
        Deadline d = rules.calculator().time().compute(start, limit, rules.policy().warningFraction(),
                "supervision: " + limit.english() + " from the supervision", "督办：自督办起" + limit.chinese());
        return new TimeLimit(Stage.SUPERVISION, start, limit, List.of(), d.due(), d.warning(), d.explanation().rule(),
                rules.policy().id(), rules.policy().version(), d.explanation());
    }
}
