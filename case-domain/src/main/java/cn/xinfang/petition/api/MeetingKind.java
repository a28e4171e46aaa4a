package cn.xinfang.petition.api;

/** 见面类型 – the two meetings of 一回应两见面. */
public enum MeetingKind {
    /** 办理见面 */
    HANDLING,
    /** 办结见面 */
    CONCLUSION
}
