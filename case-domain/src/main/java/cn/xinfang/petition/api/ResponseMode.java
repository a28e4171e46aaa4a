package cn.xinfang.petition.api;

/** 回应方式 – how the petitioner was told the matter is accepted. */
public enum ResponseMode {
    /** 电话 */
    PHONE,
    /** 书面 */
    WRITTEN,
    /** 当面 */
    IN_PERSON,
    /** 短信 */
    SMS
}
