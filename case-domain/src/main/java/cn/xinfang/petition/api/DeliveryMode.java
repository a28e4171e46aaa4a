package cn.xinfang.petition.api;

/** 送达方式 – how the written reply (信访处理意见书) reached the petitioner. */
public enum DeliveryMode {
    /** 直接送达 */
    IN_PERSON,
    /** 邮寄送达 */
    POST,
    /** 电子送达 */
    ELECTRONIC,
    /** 公告送达 */
    PUBLIC_NOTICE
}
