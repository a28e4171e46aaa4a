package cn.xinfang.petition.process;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Stage;

import java.time.Instant;

/** The payload of a scheduled deadline: which case, which stage, and the due instant it belongs to. */
public record StageDeadline(CaseId caseId, Stage stage, Instant due) {
}
