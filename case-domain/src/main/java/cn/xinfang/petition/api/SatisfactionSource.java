package cn.xinfang.petition.api;

/** 满意度来源 – who gave the rating and how (条例 第二十一条: the petitioner rates). */
public enum SatisfactionSource {
    /** 信访人网上评价 */
    PETITIONER_ONLINE,
    /** 电话回访 */
    PHONE_CALLBACK,
    /** 当面评价 */
    IN_PERSON,
    /** 未评价 */
    NOT_GIVEN
}
