package cn.xinfang.petition.app.cases;

import cn.xinfang.petition.domain.UnitHierarchy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The units the service knows and which is under which (a village under its town): for checking a
 * registration's or a transfer's unit, and for the case's rule that an accusation never reaches the
 * unit it accuses or a unit under it (the aggregate asks it as a {@link UnitHierarchy}).
 */
@Component
public class Units implements UnitHierarchy {

    /** Deeper than any real hierarchy (county, town, village): a cycle in the data cannot loop for ever. */
    private static final int MAX_DEPTH = 16;

    private final JdbcTemplate jdbc;

    public Units(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean exists(String id) {
        Integer n = jdbc.queryForObject("select count(*) from unit where id = ?", Integer.class, id);
        return n != null && n > 0;
    }

    /** The unit's name, if it exists. */
    public Optional<String> name(String id) {
        return jdbc.queryForList("select name from unit where id = ?", String.class, id).stream().findFirst();
    }

    /** {@code unit} and the units above it, nearest first. */
    public List<String> chain(String unit) {
        List<String> chain = new ArrayList<>();
        String current = unit;
        while (current != null && chain.size() < MAX_DEPTH && !chain.contains(current)) {
            chain.add(current);
            List<String> parent = jdbc.queryForList("select parent from unit where id = ?", String.class, current);
            current = parent.isEmpty() ? null : parent.get(0); // a top unit's parent is null
        }
        return chain;
    }

    @Override
    public boolean isWithin(String unit, String other) {
        return unit != null && other != null && chain(unit).contains(other);
    }
}
