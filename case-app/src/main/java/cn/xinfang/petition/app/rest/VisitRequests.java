package cn.xinfang.petition.app.rest;

import java.util.List;

/** Bodies of the visit and reception endpoints (issue 14); enumerations and dates arrive as text. */
public final class VisitRequests {

    private VisitRequests() {
    }

    /** {@code POST /api/visits}, {@code PUT /api/visits/{id}}. */
    public record VisitRequest(String unit, String visitedAt, List<String> visitors, RegisterRequest.PetitionerRequest person,
                               String workUnitOrAddress, String demands, String resolution, String remarks) {
    }

    /** {@code POST /api/visits/{id}/case}: the track, and optionally category (default COMPLAINT) and subject (default: the demands). */
    public record RaiseCaseRequest(String track, String category, String subject) {
    }

    /** {@code POST /api/receptions/rota}. */
    public record RotaRequest(String unit, String from, String to, String monday, String friday, List<String> others) {
    }

    /** {@code PUT /api/receptions/rota/{unit}/{date}}. */
    public record SwapRequest(String leader, String reason) {
    }

    /** {@code POST /api/receptions}. */
    public record ReceptionRequest(String unit, String date, String leader, String kind, RegisterRequest.PetitionerRequest person,
                                   Integer headcount, String demands, Boolean raiseCase, String track, String category) {
    }
}
