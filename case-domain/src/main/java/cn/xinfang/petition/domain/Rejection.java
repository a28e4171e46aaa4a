package cn.xinfang.petition.domain;

import java.util.Arrays;
import java.util.List;

/**
 * A refusal: the rule broken and the facts a message needs to say what is wrong and what is allowed
 * instead. Arguments are values (enums, instants, numbers, text, lists of them) or {@link Part}s; the
 * service renders them through its message bundles ({@code rule.<code>} with {@code {0}}, {@code {1}}…).
 */
public record Rejection(RuleCode code, List<Object> args) {

    public Rejection {
        args = List.copyOf(args);
    }

    public static Rejection of(RuleCode code, Object... args) {
        return new Rejection(code, Arrays.stream(args).map(a -> a == null ? Part.EMPTY : a).toList());
    }

    /** The exception that carries this refusal out of a command handler. */
    public CaseRuleViolation toException() {
        return new CaseRuleViolation(this);
    }

    /**
     * A piece of a message that is itself a message: {@code key} in the bundles with its own
     * arguments ({@code rule.part.*}); {@link #EMPTY} renders as nothing.
     */
    public record Part(String key, List<Object> args) {

        public static final Part EMPTY = new Part("", List.of());

        public Part {
            args = List.copyOf(args);
        }

        public static Part of(String key, Object... args) {
            return new Part(key, List.of(args));
        }
    }
}
