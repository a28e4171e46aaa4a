package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Stage;

import java.util.Objects;

/**
 * One row of the policy's stage table: a stage's limit on one track and the step it counts from,
 * or {@code sameDueAs} when the stage shares another stage's due instant ("with OPINION").
 *
 * @param stage     the stage
 * @param limit     the limit, or null when {@code sameDueAs} is set
 * @param sameDueAs the stage whose due instant this one shares, or null
 * @param startsAt  the step the stage counts from
 */
public record StageRule(Stage stage, LimitAmount limit, Stage sameDueAs, StageStart startsAt) {

    public StageRule {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(startsAt, "startsAt");
        if ((limit == null) == (sameDueAs == null)) {
            throw new IllegalArgumentException("stage " + stage + " needs either a limit or the stage whose due instant it shares");
        }
    }

    public static StageRule limit(Stage stage, LimitAmount limit, StageStart startsAt) {
        return new StageRule(stage, limit, null, startsAt);
    }

    public static StageRule sameDueAs(Stage stage, Stage other, StageStart startsAt) {
        return new StageRule(stage, null, other, startsAt);
    }
}
