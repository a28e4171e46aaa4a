package cn.xinfang.petition.api;

/** 重点领域 – the field of a case the notice tracks separately. */
public enum KeyField {
    /** 拖欠工资 */
    WAGE_ARREARS,
    /** 社会保障 */
    SOCIAL_INSURANCE,
    /** 房屋交付 */
    HOUSING_DELIVERY,
    /** 工程质量 */
    CONSTRUCTION_QUALITY,
    /** 涉法涉诉 */
    LITIGATION,
    /** 非法集资 */
    FUND_RAISING,
    /** 机构改革 */
    INSTITUTIONAL_REFORM,
    /** 征地拆迁 */
    LAND_ACQUISITION,
    /** 农业农村 */
    AGRICULTURE,
    /** 其他 */
    OTHER
}
