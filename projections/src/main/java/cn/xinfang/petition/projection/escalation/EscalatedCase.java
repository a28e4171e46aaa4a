package cn.xinfang.petition.projection.escalation;

import java.time.Instant;
import java.util.List;

/** An escalated case with each of its escalations, oldest first. */
public record EscalatedCase(String caseId, String caseNo, String subject, String unit, String status, List<Entry> escalations) {

    /** One escalation: why, to which responsible leader (包案领导), with which plan (一案一策), by whom, when. */
    public record Entry(String reason, String leader, String plan, String stage, String by, String byRole, Instant at) {
    }
}
