package cn.xinfang.petition.api;

/** 告知方式 – how a written notice reached the petitioner. */
public enum NoticeMode {
    /** 当面送交 */
    IN_PERSON,
    /** 邮寄 */
    POST,
    /** 电子方式（短信、网上信访平台） */
    ELECTRONIC
}
