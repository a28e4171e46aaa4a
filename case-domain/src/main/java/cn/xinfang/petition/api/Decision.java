package cn.xinfang.petition.api;

/**
 * 处理意见 – the decision of the handling opinion (条例 第三十二条): 支持 / 解释说明 / 不予支持 for
 * complaints and accusations, 采纳 / 部分采纳 / 不予采纳 for proposals (建议意见类).
 */
public enum Decision {
    /** 支持 */
    SUPPORTED,
    /** 解释说明 */
    EXPLAINED,
    /** 不予支持 */
    NOT_SUPPORTED,
    /** 采纳 (proposals) */
    ADOPTED,
    /** 部分采纳 (proposals) */
    PARTLY_ADOPTED,
    /** 不予采纳 (proposals) */
    NOT_ADOPTED;

    /** Whether this decision is one a case of {@code category} can have. */
    public boolean fits(Category category) {
        boolean proposalDecision = this == ADOPTED || this == PARTLY_ADOPTED || this == NOT_ADOPTED;
        return proposalDecision == (category == Category.PROPOSAL);
    }
}
