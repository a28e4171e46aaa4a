package cn.xinfang.petition.api.event;

import cn.xinfang.petition.api.CaseId;

import java.time.Instant;

/**
 * An event of one case. Every event keeps two times: when the fact happened ({@code occurredAt},
 * which a paper record entered later sets in the past) and when it was recorded.
 */
public interface CaseEvent {

    CaseId caseId();

    Instant occurredAt();

    Instant recordedAt();
}
