package cn.xinfang.petition.app.persons;

import java.time.Instant;
import java.util.List;

/**
 * 信访人 (issue 15): one person of the registry, ID number and phone masked unless revealed; the key
 * groups set by hand, the flags derived from their cases, and their cases and visits.
 */
public record PersonView(String id, String name, String idNumber, String phone, boolean masked, List<String> groups,
                         List<String> flags, List<String> caseIds, List<String> visitIds, List<PersonCase> cases,
                         List<PersonVisit> visits) {

    public record PersonCase(String caseId, String caseNo, String category, String subject, String unit, Instant registeredAt,
                             List<String> flags, List<String> repeatOf) {
    }

    public record PersonVisit(String visitId, String kind, Instant at) {
    }
}
