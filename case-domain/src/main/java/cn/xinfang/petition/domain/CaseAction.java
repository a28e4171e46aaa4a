package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Role;

import java.util.List;

/**
 * A step a case can take, with who may take it: a handler of the unit the case is with (首接首办),
 * the unit's leader (单位负责人), and roles that may act on any unit's case. The service renders an
 * action's name from its bundles ({@code action.<NAME>}).
 */
public enum CaseAction {
    REGISTER(false, false, Role.HANDLER, Role.SUPERVISOR),
    SIGN(true, false),
    ACCEPT(true, false),
    DECLINE(true, false),
    RESPOND(true, false),
    MEET_HANDLING(true, false),
    MEET_CONCLUSION(true, false),
    WAIVE_MEETING(false, true, Role.SUPERVISOR),
    GIVE_OPINION(true, false),
    RESOLVE(true, false),
    ESCALATE(false, false, Role.SUPERVISOR),
    TRANSFER(true, false, Role.SUPERVISOR),
    RETURN(true, false),
    RECLASSIFY(false, false, Role.SUPERVISOR),
    EXTEND(true, true, Role.SUPERVISOR),
    NOTIFY(true, false),
    DELIVER(true, false),
    REQUEST_REVIEW(false, false, Role.HANDLER, Role.SUPERVISOR),
    DECIDE_REVIEW(true, false),
    RECOMPUTE(false, false, Role.SYSTEM, Role.ADMIN),
    // issue 15: backlog cases (积案, 包案); the case's leader may also record progress and settle
    ASSIGN_LEADER(false, false, Role.SUPERVISOR, Role.ADMIN),
    RECORD_PROGRESS(true, false),
    SETTLE(true, false, Role.SUPERVISOR, Role.ADMIN),
    RECORD_SKIP_LEVEL(true, false, Role.SUPERVISOR),
    LINK_REPEAT(true, false, Role.SUPERVISOR),
    UNLINK_REPEAT(true, false, Role.SUPERVISOR),
    SET_FIELD(false, false, Role.SUPERVISOR);

    /** The backlog steps (issue 15): checked by {@link Backlog}'s rules, not by the status table. */
    boolean backlogStep() {
        return ordinal() >= ASSIGN_LEADER.ordinal();
    }

    private final boolean unitHandler;
    private final boolean unitLeader;
    private final List<Role> roles;

    CaseAction(boolean unitHandler, boolean unitLeader, Role... roles) {
        this.unitHandler = unitHandler;
        this.unitLeader = unitLeader;
        this.roles = List.of(roles);
    }

    /** A handler of the case's unit may take the step. */
    boolean byUnitHandler() {
        return unitHandler;
    }

    /** The case's unit's leader (LEADER of that unit) may take the step. */
    boolean byUnitLeader() {
        return unitLeader;
    }

    /** The roles that may take the step on any unit's case. */
    public List<Role> roles() {
        return roles;
    }
}
