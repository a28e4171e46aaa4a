package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Stage;

import java.util.Objects;

/**
 * One row of the policy's stage table: a stage's limit on one track, what it counts from, or
 * {@code sameDueAs} when the stage shares another stage's due instant ("with OPINION").
 *
 * @param stage          the stage
 * @param limit          the limit, or null when {@code sameDueAs} is set
 * @param sameDueAs      the stage whose due instant this one shares, or null
 * @param from           what the stage counts from, in English ("signing")
 * @param fromChinese    the same in Chinese ("签收")
 */
public record StageRule(Stage stage, LimitAmount limit, Stage sameDueAs, String from, String fromChinese) {

    public StageRule {
        Objects.requireNonNull(stage, "stage");
        if ((limit == null) == (sameDueAs == null)) {
            throw new IllegalArgumentException("stage " + stage + " needs either a limit or the stage whose due instant it shares");
        }
    }

    public static StageRule limit(Stage stage, LimitAmount limit, String from, String fromChinese) {
        return new StageRule(stage, limit, null, from, fromChinese);
    }

    public static StageRule sameDueAs(Stage stage, Stage other, String from, String fromChinese) {
        return new StageRule(stage, null, other, from, fromChinese);
    }
}
