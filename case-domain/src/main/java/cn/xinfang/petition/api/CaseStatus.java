package cn.xinfang.petition.api;

/**
 * 办理状态 – where a case stands. The one transition function from events to statuses is
 * {@link cn.xinfang.petition.api.lifecycle.CaseStatusEvolution}; the aggregate and every read model
 * use it, so a status is never re-derived from strings.
 */
public enum CaseStatus {
    /** 已登记 – registered (or transferred / returned), not yet signed. */
    REGISTERED,
    /** 已签收 */
    SIGNED,
    /** 已受理 */
    ACCEPTED,
    /** 已出具处理意见 */
    OPINION_GIVEN,
    /** 已办结 */
    RESOLVED,
    /** 不予受理 */
    DECLINED;

    /** A closed case allows no further step. */
    public boolean isClosed() {
        return this == RESOLVED || this == DECLINED;
    }
}
