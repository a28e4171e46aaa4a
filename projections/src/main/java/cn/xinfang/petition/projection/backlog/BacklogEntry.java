package cn.xinfang.petition.projection.backlog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One row of the backlog ledger (积案台账): the case, its petitioner (masked unless revealed), why it
 * was escalated, its leader and plan, the last progress entry and the days since it (or since the
 * assignment), the LEADER_PROGRESS status and the outcome.
 */
public record BacklogEntry(String caseId, String caseNo, String subject, String category, String field, String unit,
                           String status, Petitioner petitioner, List<String> reasons, Instant escalatedAt, String leader,
                           String leaderUnit, Plan plan, Instant assignedAt, LastProgress lastProgress, Long daysSinceProgress,
                           LeaderProgress leaderProgress, String outcome, String outcomeText, Instant settledAt,
                           Instant registeredAt) {

    public record Petitioner(String name, String idNumber, String phone, boolean masked) {
    }

    public record Plan(String crux, String measures, String responsible, LocalDate targetDate) {
    }

    public record LastProgress(String kind, String text, Instant at) {
    }

    /** The stage LEADER_PROGRESS: OPEN, WARNED, BREACHED, MET or MET_LATE, with its due instant. */
    public record LeaderProgress(String status, Instant dueAt) {
    }
}
