package cn.xinfang.petition.api;

/** 信访事项类别 – the three statutory categories (条例). */
public enum Category {
    /** 建议意见类 */
    PROPOSAL,
    /** 检举控告类 */
    ACCUSATION,
    /** 申诉求决类 */
    COMPLAINT
}
