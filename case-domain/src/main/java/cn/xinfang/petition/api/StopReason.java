package cn.xinfang.petition.api;

/** Why a stage's time limit stopped running. */
public enum StopReason {
    /** 完成 – the step the stage waits for was done (or waived, for a meeting). */
    COMPLETED,
    /** 不予受理 – the case was declined; its open stages end with it. */
    DECLINED,
    /** 转送 – the case went to another unit, which starts the stage anew. */
    TRANSFERRED,
    /** 退回 – the case was returned to the sending unit, which starts the stage anew. */
    RETURNED,
    /** 办结 – the case was resolved with this stage still open. */
    RESOLVED,
    /** 改变程序 – the new track has no limit for this stage. */
    RECLASSIFIED
}
