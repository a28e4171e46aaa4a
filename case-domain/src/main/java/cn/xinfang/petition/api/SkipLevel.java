package cn.xinfang.petition.api;

/** 越级访 – the level a petitioner went to, past the town and the county. */
public enum SkipLevel {
    /** 进京访 */
    BEIJING,
    /** 赴省访 */
    PROVINCE,
    /** 到市访 */
    CITY
}
