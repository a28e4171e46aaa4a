package cn.xinfang.petition.api.visit;

import cn.xinfang.petition.api.Petitioner;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a visit (走访) records, as the columns of the 大走访工作台账: the day, the visitors (usernames),
 * the person visited, their work unit or address, the situation and demands (走访情况（主要诉求）), how
 * it was resolved or kept stable (化解稳控情况) and remarks (备注).
 */
public record VisitDetails(LocalDate visitedAt,
        List<String> visitors,
        Petitioner person,
        String workUnitOrAddress,
        String demands,
        String resolution,
        String remarks) {

    public VisitDetails {
        Objects.requireNonNull(visitedAt, "visitedAt");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(demands, "demands");
        visitors = List.copyOf(visitors);
        if (visitors.isEmpty()) {
            throw new IllegalArgumentException("visitors empty");
        }
    }

    /** The same details about {@code other} (the person with its id given at input). */
    public VisitDetails withPerson(Petitioner other) {
        return new VisitDetails(visitedAt, visitors, other, workUnitOrAddress, demands, resolution, remarks);
    }
}
