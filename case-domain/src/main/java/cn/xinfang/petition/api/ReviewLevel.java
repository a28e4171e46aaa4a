package cn.xinfang.petition.api;

/** 复查 / 复核 – the level of a review case (条例 第三十五、三十六条). */
public enum ReviewLevel {
    /** 复查 – requested on an original case */
    REVIEW,
    /** 复核 – requested on a review case; after it the matter is not accepted again */
    RE_REVIEW
}
