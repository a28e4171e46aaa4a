package cn.xinfang.petition.api;

import java.time.LocalDate;

/**
 * 一案一策 – the plan of a backlog case: the crux (症结), the measures (措施), who is answerable
 * (责任人) and by when (时限).
 */
public record LeaderPlan(String crux, String measures, String responsible, LocalDate targetDate) {

    /** Whether all four parts are given. */
    public boolean complete() {
        return crux != null && !crux.isBlank() && measures != null && !measures.isBlank()
                && responsible != null && !responsible.isBlank() && targetDate != null;
    }
}
