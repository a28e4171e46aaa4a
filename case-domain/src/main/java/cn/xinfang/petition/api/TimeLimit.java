package cn.xinfang.petition.api;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * 时限 – a stage's time limit as the policy computed it: when the stage started, when it is due,
 * when the warning (预警) is raised, the rule behind it and how it was counted. Immutable; an
 * extension or a recomputation produces a new value.
 *
 * @param stage         the stage the limit applies to
 * @param start         the occurrence time the stage started at (counting starts here)
 * @param limit         the policy's limit for the stage
 * @param extensions    extensions granted so far, in order, each in the stage's own unit
 * @param due           the due instant (超期 after it)
 * @param warning       the warning instant (预警)
 * @param rule          the rule in its stable form, e.g. {@code 225.accept: 2 working hours from signing}
 * @param policyId      the policy the limit came from
 * @param policyVersion the version of that policy
 * @param explanation   how due and warning were counted
 */
public record TimeLimit(Stage stage, Instant start, LimitAmount limit, List<LimitAmount> extensions, Instant due,
                        Instant warning, String rule, String policyId, int policyVersion,
                        DeadlineExplanation explanation) {

    public TimeLimit {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(warning, "warning");
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }

    /** The sum of the extensions granted, in the stage's unit. */
    public long extendedBy() {
        return extensions.stream().mapToLong(LimitAmount::amount).sum();
    }

    /** True when the due or warning instant of {@code other} differs from this one. */
    public boolean instantsDifferFrom(TimeLimit other) {
        return !due.equals(other.due) || !warning.equals(other.warning);
    }
}
