package cn.xinfang.petition.api;

/** 时限状态 – where a stage's time limit stands. */
public enum TimeLimitStatus {
    /** 进行中 */
    OPEN,
    /** 已预警 – 75 % of the allowed working time used. */
    WARNED,
    /** 已超期 – the due instant passed with the stage open. */
    BREACHED,
    /** 按期完成 */
    MET,
    /** 超期完成 */
    MET_LATE
}
