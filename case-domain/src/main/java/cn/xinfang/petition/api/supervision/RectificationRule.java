package cn.xinfang.petition.api.supervision;

import cn.xinfang.petition.api.LimitAmount;

/** The rule text a rectification's deadline explanation carries. */
public final class RectificationRule {

    /** 75 %: the warning of a rectification, as for a case stage. */
    public static final double WARNING_FRACTION = 0.75;

    private RectificationRule() {
    }

    public static String english(LimitAmount limit, boolean reopened) {
        return "rectification: " + limit.english() + (reopened ? " from the rejected verification" : " from the inspection date");
    }

    public static String chinese(LimitAmount limit, boolean reopened) {
        return "整改：" + (reopened ? "自验收未通过起" : "自督查之日起") + limit.chinese();
    }
}
