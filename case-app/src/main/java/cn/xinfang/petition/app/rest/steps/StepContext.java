package cn.xinfang.petition.app.rest.steps;

import cn.xinfang.petition.api.Actor;

import java.time.Instant;
import java.util.function.Predicate;

/**
 * What a step's command needs besides its body: who acts, when the step happened (already checked,
 * null for now), the service's clock reading, and how to tell an existing unit.
 */
public record StepContext(Actor actor, Instant occurredAt, Instant now, Predicate<String> unitExists) {
}
