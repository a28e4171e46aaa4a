package cn.xinfang.petition.app.ops;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Health of the projections' processors and the sagas' (time limits, rectifications): DOWN when one is in an error
 * state (a batch keeps failing, until the processor is past it); whether each runs and how far it
 * lags are details. A processor paused for a rebuild
 * is not a reason to take the node out of the load balancer.
 */
@Component("eventProcessors")
public class ProcessorHealth implements HealthIndicator {

    private final Projections projections;

    public ProcessorHealth(Projections projections) {
        this.projections = projections;
    }

    @Override
    public Health health() {
        try {
            return processors();
        } catch (RuntimeException e) {
            // the store cannot be read (the database is away): DOWN, not an error of the health endpoint itself
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }

    private Health processors() {
        boolean error = false;
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        List<Projections.Status> all = new ArrayList<>();
        Projections.NAMES.forEach(name -> all.add(projections.status(name)));
        // the sagas schedule the deadlines (time limits, rectifications): one stuck on an event is the most urgent error
        all.addAll(projections.sagaStatuses());
        for (Projections.Status s : all) {
            error |= s.error();
            details.put(s.name(), java.util.Map.of("running", s.running(), "error", s.error(), "lag", Math.max(0, s.head() - s.position())));
        }
        Health.Builder b = (error ? Health.down() : Health.up()).withDetails(details);
        return b.build();
    }
}
