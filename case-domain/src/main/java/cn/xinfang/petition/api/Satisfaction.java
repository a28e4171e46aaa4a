package cn.xinfang.petition.api;

/** 满意度 – the petitioner's rating of the handling (条例 第二十一条). */
public enum Satisfaction {
    /** 满意 */
    SATISFIED,
    /** 基本满意 */
    BASICALLY_SATISFIED,
    /** 不满意 */
    DISSATISFIED
}
