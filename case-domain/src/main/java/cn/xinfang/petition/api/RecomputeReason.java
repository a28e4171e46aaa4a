package cn.xinfang.petition.api;

/** Why open time limits were counted again. */
public enum RecomputeReason {
    /** 改变办理程序 – the case moved to the other track. */
    RECLASSIFIED,
    /** 日历修订 – an operator loaded a new or corrected holiday calendar. */
    CALENDAR_REVISED
}
