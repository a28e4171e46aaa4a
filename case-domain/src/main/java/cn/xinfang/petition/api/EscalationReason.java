package cn.xinfang.petition.api;

/** 提级原因 – why a case is raised to a responsible leader (包案领导). */
public enum EscalationReason {
    /** 超期 */
    BREACH,
    /** 越级访 */
    SKIP_LEVEL,
    /** 集体访 */
    COLLECTIVE,
    /** 重复访 */
    REPEAT,
    /** 疑难 */
    HARD_CASE,
    /** 积案 */
    BACKLOG
}
