package cn.xinfang.petition.api.visit;

/** 接访方式 – how a leader met the petitioner. */
public enum ReceptionKind {
    /** 接访 */
    RECEPTION,
    /** 下访 */
    DOWN_VISIT,
    /** 约访 */
    APPOINTMENT
}
