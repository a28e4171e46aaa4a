package cn.xinfang.petition.projection.visit;

import java.time.Instant;
import java.time.LocalDate;

/** A reception record as the read model holds it (personal data in clear: the service masks it). */
public record ReceptionRow(String receptionId, String unit, LocalDate date, String leader, String kind, String personName,
                           String idNumber, String phone, String address, int headcount, String demands, String caseId,
                           Instant recordedAt, String recordedBy, String personId) {
}
