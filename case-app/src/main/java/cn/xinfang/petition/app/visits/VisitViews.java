package cn.xinfang.petition.app.visits;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the visit and reception services answer. Personal data is masked unless revealed. */
public final class VisitViews {

    private VisitViews() {
    }

    /**
     * 走访群众 / 接访对象. {@code personId}: the person (信访人) in the registry and of the data key, like a
     * case's {@code petitioner.personId}; null on records written before it was kept.
     */
    public record PersonView(String name, String idNumber, String phone, String address, boolean masked, String personId) {
    }

    /** A visitor (走访人) with the name the ledger prints. */
    public record Visitor(String username, String displayName) {
    }

    /** One entry of a visit's history: recorded, corrected, case raised; by whom and when. */
    public record Change(String kind, String by, Instant at) {
    }

    /** 走访. {@code caseStatus} / {@code caseOpinion}: the linked case's, when there is one. */
    public record Visit(String id, String no, String unit, LocalDate visitedAt, List<String> visitors, List<Visitor> visitorNames,
                        PersonView person, String workUnitOrAddress, String demands, String resolution, String remarks,
                        String caseId, Instant recordedAt, String recordedBy, List<Change> history) {
    }

    /** A page of visits. */
    public record VisitPage(List<Visit> items, long total, int page, int size) {
    }

    /** 接访排班 – one day. */
    public record RotaDay(LocalDate date, String leader, String displayName, String reason) {
    }

    /** 接访记录. */
    public record Reception(String id, String unit, LocalDate date, String leader, String displayName, String kind,
                            PersonView person, int headcount, String demands, String caseId, Instant recordedAt,
                            String recordedBy) {
    }

    /** 遍访 – who was visited and which cadres missed a week. */
    public record Coverage(String unit, LocalDate from, LocalDate to, int petitioners, int visited, List<NotVisited> notVisited,
                           List<Cadre> cadres) {
    }

    public record NotVisited(String name, List<String> caseIds) {
    }

    public record Cadre(String username, String displayName, List<String> weeksWithoutVisit) {
    }

    /** 接访落实 – one rota day. */
    public record ComplianceDay(LocalDate date, String leader, String displayName, boolean held, int receptions, int casesRaised,
                                List<OpenCase> casesOpen) {
    }

    /** An open case raised at a reception, with the stages that are overdue. */
    public record OpenCase(String caseId, String caseNo, String status, List<String> overdueStages) {
    }

    /** One row of the 大走访工作台账 (in the template's column order), unmasked only if revealed. */
    public record LedgerRow(int seq, String person, String workUnitOrAddress, String idNumber, String phone, String demands,
                            String visitors, String resolution, String remarks, String visitId, String caseId) {
    }
}
