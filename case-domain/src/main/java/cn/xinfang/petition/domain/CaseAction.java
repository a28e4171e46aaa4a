package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Role;

import java.util.List;

/**
 * A step a case can take, with who may take it. The service renders an action's name from its
 * bundles ({@code action.<NAME>}).
 */
public enum CaseAction {
    REGISTER(Who.ROLES, Role.HANDLER, Role.SUPERVISOR),
    SIGN(Who.UNIT_HANDLER),
    ACCEPT(Who.UNIT_HANDLER),
    DECLINE(Who.UNIT_HANDLER),
    RESPOND(Who.UNIT_HANDLER),
    MEET_HANDLING(Who.UNIT_HANDLER),
    MEET_CONCLUSION(Who.UNIT_HANDLER),
    WAIVE_MEETING(Who.ROLES, Role.SUPERVISOR),
    GIVE_OPINION(Who.UNIT_HANDLER),
    RESOLVE(Who.UNIT_HANDLER),
    ESCALATE(Who.ROLES, Role.SUPERVISOR),
    TRANSFER(Who.UNIT_HANDLER_OR_ROLES, Role.SUPERVISOR),
    RETURN(Who.UNIT_HANDLER),
    RECLASSIFY(Who.ROLES, Role.SUPERVISOR),
    EXTEND(Who.ROLES, Role.SUPERVISOR),
    RECOMPUTE(Who.ROLES, Role.SYSTEM, Role.ADMIN);

    /** Who may take a step. */
    enum Who {
        /** A handler of the unit the case is with (首接首办). */
        UNIT_HANDLER,
        /** Anyone with one of the roles. */
        ROLES,
        /** A handler of the case's unit, or anyone with one of the roles. */
        UNIT_HANDLER_OR_ROLES
    }

    private final Who who;
    private final List<Role> roles;

    CaseAction(Who who, Role... roles) {
        this.who = who;
        this.roles = List.of(roles);
    }

    Who who() {
        return who;
    }

    /** The roles that may take the step whatever their unit (none for a step of the unit's handlers only). */
    public List<Role> roles() {
        return roles;
    }
}
