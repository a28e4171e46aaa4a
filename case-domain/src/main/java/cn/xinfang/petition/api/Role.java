package cn.xinfang.petition.api;

/** 角色 – what a user may do. */
public enum Role {
    /** 经办人: advances the cases of their own unit. */
    HANDLER,
    /** 督查 / 信访办 / 领导: transfers, escalates, extends, waives meetings, reclassifies. */
    SUPERVISOR,
    /** 纪检 / 督查 (audit): reads everything, changes nothing. */
    AUDITOR,
    /** 系统管理员: manages units and users. */
    ADMIN,
    /** 系统: the engine itself (deadline sagas). */
    SYSTEM
}
