package cn.xinfang.petition.api;

/** 处理意见 – the decision of the handling opinion (条例 第三十二条). */
public enum Decision {
    /** 支持 */
    SUPPORTED,
    /** 解释说明 */
    EXPLAINED,
    /** 不予支持 */
    NOT_SUPPORTED
}
