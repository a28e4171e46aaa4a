package cn.xinfang.petition.time;

import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.Stage;

import java.util.Objects;

/**
 * 延期规则 – how a stage may be extended: at most {@code times} times, by at most {@code max} in all
 * (null: by at most the stage's own limit). A stage without a rule is not extended.
 *
 * @param stage the stage
 * @param times how many extensions it may have
 * @param max   the largest total extension, in the stage's own unit; null for the stage's own limit
 */
public record ExtensionRule(Stage stage, int times, LimitAmount max) {

    public ExtensionRule {
        Objects.requireNonNull(stage, "stage");
        if (times < 1) {
            throw new IllegalArgumentException("an extension rule allows at least one extension, got " + times);
        }
    }

    /** The largest total extension of a stage whose own limit is {@code own}. */
    public long maxAmount(LimitAmount own) {
        return max != null ? max.amount() : own.amount();
    }
}
