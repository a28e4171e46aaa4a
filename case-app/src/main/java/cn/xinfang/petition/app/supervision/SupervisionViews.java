package cn.xinfang.petition.app.supervision;

import cn.xinfang.petition.api.LimitAmount;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the supervision endpoints answer (issue 16). */
public final class SupervisionViews {

    private SupervisionViews() {
    }

    public record Phase(String name, LocalDate from, LocalDate to) {
    }

    public record Period(LocalDate from, LocalDate to) {
    }

    public record Campaign(String id, String name, List<Phase> phases, String reportEvery, List<String> units,
                           String createdBy, Instant createdAt) {
    }

    public record Report(String id, String campaignId, String unit, Period period, String text, Map<String, Object> figures,
                         String reportedBy, Instant reportedAt) {
    }

    public record MissingUnit(String unit, Period period) {
    }

    public record MissingPeriod(LocalDate from, LocalDate to, List<String> units) {
    }

    public record Missing(String campaignId, LocalDate asOf, List<MissingPeriod> periods, List<MissingUnit> missing) {
    }

    public record Finding(int index, String kind, String text, String caseId) {
    }

    public record Inspection(String id, String campaignId, String kind, List<String> methods, String unit, LocalDate date,
                             List<String> inspectors, List<Finding> findings, String createdBy, Instant createdAt) {
    }

    public record Explanation(String zh, String en) {
    }

    public record Step(String kind, String text, String by, Instant at, Instant recordedAt) {
    }

    public record Rectification(String id, String inspectionId, int finding, String unit, String requirement, LimitAmount limit,
                                Instant startedAt, Instant dueAt, Instant warningAt, Explanation explanation, String status,
                                boolean overdue, Instant warnedAt, Instant breachedAt, int breaches, Instant reportedAt,
                                String reportText, Instant verifiedAt, String verificationText, int reopened, Instant closedAt,
                                String issuedBy, Instant issuedAt, List<Step> steps) {
    }

    public record Accountability(List<String> persons, String proposal) {
    }

    public record Notice(String id, String kind, String status, String number, Integer year, Integer seq, String title,
                         String text, List<String> units, List<String> caseIds, List<String> rectificationIds,
                         Accountability accountability, String createdBy, Instant createdAt, String publishedBy,
                         Instant publishedAt) {
    }

    /** One record behind a figure: a case, a stage run, an inspection, a rectification, a report… */
    public record FigureItem(String kind, String id, String caseNo, String label, Instant at) {
    }

    public record UnitPhase(String unit, String phase, LocalDate from, LocalDate to, Map<String, Object> figures) {
    }

    public record Summary(String campaignId, String name, List<String> figureNames, List<UnitPhase> rows) {
    }
}
