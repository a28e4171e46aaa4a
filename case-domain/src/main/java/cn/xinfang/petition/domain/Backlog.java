package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.BacklogOutcome;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.EscalationReason;
import cn.xinfang.petition.api.KeyField;
import cn.xinfang.petition.api.LeaderPlan;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.SkipLevel;
import cn.xinfang.petition.api.event.BacklogSettledEvent;
import cn.xinfang.petition.api.event.KeyFieldSetEvent;
import cn.xinfang.petition.api.event.LeaderAssignedEvent;
import cn.xinfang.petition.api.event.LeaderProgressRecordedEvent;
import cn.xinfang.petition.api.event.PetitionEscalatedEvent;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.RepeatLinkedEvent;
import cn.xinfang.petition.api.event.RepeatUnlinkedEvent;
import cn.xinfang.petition.api.event.SkipLevelPetitionRecordedEvent;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * 积案 / 包案 (issue 15) – what a case knows of its backlog handling: whether it was escalated, its
 * one active leader (一案一包) and since when progress is counted (LEADER_PROGRESS), the outcome
 * (化解), the skip-level visits (越级访) it has escalated for, the earlier cases it repeats (重复访) and
 * its key field (重点领域). Immutable; {@link CaseLifecycle} holds one and asks it the rules of the
 * backlog steps.
 */
public final class Backlog {

    private final boolean escalated;
    private final boolean repeatEscalated;
    private final String leader;
    private final Instant progressFrom;
    private final BacklogOutcome outcome;
    private final Set<SkipLevel> skipLevels;
    private final Set<CaseId> repeatOf;
    private final KeyField field;

    private Backlog(boolean escalated, boolean repeatEscalated, String leader, Instant progressFrom, BacklogOutcome outcome,
                    Set<SkipLevel> skipLevels, Set<CaseId> repeatOf, KeyField field) {
        this.escalated = escalated;
        this.repeatEscalated = repeatEscalated;
        this.leader = leader;
        this.progressFrom = progressFrom;
        this.outcome = outcome;
        this.skipLevels = skipLevels;
        this.repeatOf = repeatOf;
        this.field = field;
    }

    public static Backlog none() {
        return new Backlog(false, false, null, null, null, Set.of(), Set.of(), null);
    }

    // ---------------------------------------------------------------- reading

    public boolean escalated() {
        return escalated;
    }

    /** The user id of the one active leader; null before the first assignment. */
    public String leader() {
        return leader;
    }

    /** When LEADER_PROGRESS counts from: the last assignment or progress entry; null without a leader. */
    public Instant progressFrom() {
        return progressFrom;
    }

    public BacklogOutcome outcome() {
        return outcome;
    }

    /** Whether the backlog entry ended (实体化解 or 程序性办结). */
    public boolean ended() {
        return outcome != null && outcome.ends();
    }

    public KeyField field() {
        return field;
    }

    public Set<CaseId> repeatOf() {
        return repeatOf;
    }

    /** Whether a skip-level visit to {@code level} already escalated the case (once per level). */
    public boolean skipLevelEscalated(SkipLevel level) {
        return skipLevels.contains(level);
    }

    /** Whether the case was already escalated as a repeat petition (once). */
    public boolean repeatEscalated() {
        return repeatEscalated;
    }

    /** Whether {@code actor} is the case's leader. */
    public boolean isLeader(Actor actor) {
        return leader != null && leader.equals(actor.userId());
    }

    // ---------------------------------------------------------------- rules

    /** 包案: an escalated, open case whose backlog entry has not ended. */
    Optional<Rejection> assignmentRule(boolean closed) {
        if (ended()) {
            return Optional.of(Rejection.of(RuleCode.BACKLOG_SETTLED, outcome));
        }
        if (!escalated) {
            return Optional.of(Rejection.of(RuleCode.NOT_ESCALATED));
        }
        return Optional.empty();
    }

    /** The data of an assignment: a LEADER or SUPERVISOR, the plan's four parts, and why when one leader replaces another. */
    public Optional<Rejection> checkAssignment(Actor newLeader, LeaderPlan plan, String reason) {
        if (!newLeader.is(Role.LEADER) && !newLeader.is(Role.SUPERVISOR)) {
            return Optional.of(Rejection.of(RuleCode.LEADER_NOT_PERMITTED, newLeader.userId(), newLeader.role()));
        }
        if (plan == null || !plan.complete()) {
            return Optional.of(Rejection.of(RuleCode.PLAN_INCOMPLETE));
        }
        if (leader != null && (reason == null || reason.isBlank())) {
            return Optional.of(Rejection.of(RuleCode.LEADER_CHANGE_REASON_REQUIRED, leader));
        }
        return Optional.empty();
    }

    /** 包案推进: there is a leader and the backlog entry has not ended. */
    Optional<Rejection> progressRule() {
        if (ended()) {
            return Optional.of(Rejection.of(RuleCode.BACKLOG_SETTLED, outcome));
        }
        if (leader == null) {
            return Optional.of(Rejection.of(RuleCode.NO_LEADER));
        }
        return Optional.empty();
    }

    /** 化解: an escalated case whose backlog entry has not ended (稳控 may be followed by a later outcome). */
    Optional<Rejection> settleRule() {
        if (ended()) {
            return Optional.of(Rejection.of(RuleCode.BACKLOG_SETTLED, outcome));
        }
        if (!escalated) {
            return Optional.of(Rejection.of(RuleCode.NOT_ESCALATED));
        }
        return Optional.empty();
    }

    /** 重复访 by hand: never the case itself, never twice the same earlier case. */
    public Optional<Rejection> checkLink(CaseId self, CaseId earlier) {
        if (self.equals(earlier)) {
            return Optional.of(Rejection.of(RuleCode.REPEAT_OF_ITSELF));
        }
        if (repeatOf.contains(earlier)) {
            return Optional.of(Rejection.of(RuleCode.REPEAT_ALREADY_LINKED, earlier.value()));
        }
        return Optional.empty();
    }

    public Optional<Rejection> checkUnlink(CaseId earlier) {
        return repeatOf.contains(earlier) ? Optional.empty()
                : Optional.of(Rejection.of(RuleCode.REPEAT_NOT_LINKED, earlier.value()));
    }

    // ---------------------------------------------------------------- events

    /** The value after {@code event}; events that do not concern the backlog leave it as it is. */
    public Backlog evolve(Object event) {
        if (event instanceof PetitionRegisteredEvent e) {
            Set<CaseId> repeats = e.repeatOf() == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(e.repeatOf()));
            return new Backlog(false, false, null, null, null, Set.of(), repeats, e.field());
        }
        if (event instanceof PetitionEscalatedEvent e) {
            return new Backlog(true, repeatEscalated || e.reason() == EscalationReason.REPEAT, leader, progressFrom, outcome,
                    skipLevels, repeatOf, field);
        }
        if (event instanceof LeaderAssignedEvent e) {
            return new Backlog(escalated, repeatEscalated, e.leader(), e.occurredAt(), outcome, skipLevels, repeatOf, field);
        }
        if (event instanceof LeaderProgressRecordedEvent e) {
            return new Backlog(escalated, repeatEscalated, leader, e.occurredAt(), outcome, skipLevels, repeatOf, field);
        }
        if (event instanceof BacklogSettledEvent e) {
            return new Backlog(escalated, repeatEscalated, leader, progressFrom, e.outcome(), skipLevels, repeatOf, field);
        }
        if (event instanceof SkipLevelPetitionRecordedEvent e) {
            Set<SkipLevel> levels = EnumSet.of(e.level());
            levels.addAll(skipLevels);
            return new Backlog(escalated, repeatEscalated, leader, progressFrom, outcome, Collections.unmodifiableSet(levels),
                    repeatOf, field);
        }
        if (event instanceof RepeatLinkedEvent e) {
            Set<CaseId> next = new LinkedHashSet<>(repeatOf);
            next.add(e.earlierCaseId());
            return new Backlog(escalated, repeatEscalated, leader, progressFrom, outcome, skipLevels,
                    Collections.unmodifiableSet(next), field);
        }
        if (event instanceof RepeatUnlinkedEvent e) {
            Set<CaseId> next = new LinkedHashSet<>(repeatOf);
            next.remove(e.earlierCaseId());
            return new Backlog(escalated, repeatEscalated, leader, progressFrom, outcome, skipLevels,
                    Collections.unmodifiableSet(next), field);
        }
        if (event instanceof KeyFieldSetEvent e) {
            return new Backlog(escalated, repeatEscalated, leader, progressFrom, outcome, skipLevels, repeatOf, e.field());
        }
        return this;
    }
}
