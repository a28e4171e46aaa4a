package cn.xinfang.petition.projection.overdue;

/** The overdue (超期) or the soon-due (预警) list: what {@link FindTimeLimitPageQuery} pages through. */
public sealed interface TimeLimitListQuery permits FindOverdueQuery, FindUpcomingQuery {
}
