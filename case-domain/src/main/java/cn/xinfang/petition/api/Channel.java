package cn.xinfang.petition.api;

/** 渠道 – how the petition reached the office. */
public enum Channel {
    /** 来访 */
    VISIT,
    /** 来信 */
    LETTER,
    /** 12345 热线 */
    HOTLINE_12345,
    /** 县长信箱 */
    MAILBOX,
    /** 网上信访 */
    ONLINE,
    /** 走访发现 */
    FIELD_VISIT,
    /** 领导接访 */
    LEADER_RECEPTION
}
