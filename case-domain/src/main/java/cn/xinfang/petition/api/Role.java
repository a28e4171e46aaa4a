package cn.xinfang.petition.api;

/** 角色 – what a user may do. */
public enum Role {
    /** 经办人: advances the cases of their own unit. */
    HANDLER,
    /** 督查 / 信访办 / 领导: transfers, escalates, extends, waives meetings, reclassifies. */
    SUPERVISOR,
    /** 纪检 / 督查 (audit): reads everything, changes nothing. */
    AUDITOR,
    /** 单位负责人: approves extensions and meeting waivers of its unit's cases, and reads them. */
    LEADER,
    /** 系统管理员: manages units and users. */
    ADMIN,
    /** 系统: the engine itself (deadline sagas). */
    SYSTEM;

    /** Whether a user with this role belongs to a unit and acts for it (经办人, 单位负责人). */
    public boolean isUnitBound() {
        return this == HANDLER || this == LEADER;
    }
}
