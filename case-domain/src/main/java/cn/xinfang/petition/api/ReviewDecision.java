package cn.xinfang.petition.api;

/** 复查复核意见 – what the review decided about the original opinion. */
public enum ReviewDecision {
    /** 维持 */
    UPHELD,
    /** 变更 */
    CHANGED,
    /** 撤销 */
    REVOKED
}
