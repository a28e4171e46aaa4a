package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.time.TimeRules;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a step's command needs besides its body: who acts, when the step happened (already checked,
 * null for now), the service's clock reading, how to tell an existing unit, how to find a user as an
 * actor (an extension's approver), and the time rules (for other times in the body).
 */
public record StepContext(Actor actor, Instant occurredAt, Instant now, Predicate<String> unitExists,
                          Function<String, Optional<Actor>> userActor, TimeRules rules) {
}
