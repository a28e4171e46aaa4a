package cn.xinfang.petition.projection.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A visit as the read model holds it (personal data in clear: the service masks it). */
public record VisitRow(String visitId, String visitNo, String unit, LocalDate visitedAt, List<String> visitors, String personName,
                       String idNumber, String phone, String address, String workUnitOrAddress, String demands, String resolution,
                       Instant resolutionAt, String remarks, String caseId, Instant recordedAt, String recordedBy,
                       Instant correctedAt, String correctedBy, String personId) {
}
