package cn.xinfang.petition.app.cases;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.PhoneNumber;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.event.CaseEvent;
import cn.xinfang.petition.api.event.TimeLimitBreachedEvent;
import cn.xinfang.petition.api.event.TimeLimitWarningRaisedEvent;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.caseview.CaseViewFold;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 历史 – a case's events in order, each with its occurrence and recording times, actor, data
 * (personal data masked as in the case view) and chain hash; and the case as it was at a past
 * instant, rebuilt from its events with two meanings of time: {@code asOf} by when things happened,
 * {@code knownAt} by when they were recorded.
 */
@Service
public class CaseHistoryService {

    /** One event of the history. */
    public record Entry(long sequence, String eventId, String type, Instant occurredAt, Instant recordedAt, Instant storedAt,
                        Actor actor, JsonNode data, String hash) {
    }

    private final EventStore events;
    private final CaseService cases;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    private final CaseAccessPolicy access;

    public CaseHistoryService(EventStore events, CaseService cases, JdbcTemplate jdbc, ObjectMapper json, Clock clock,
                              CaseAccessPolicy access) {
        this.access = access;
        this.events = events;
        this.cases = cases;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public List<Entry> history(String caseId, Account who) {
        cases.requireRead(who, cases.load(caseId));
        Map<Long, String> hashes = new HashMap<>();
        jdbc.query("select seq, hash from event_hash where aggregate_id = ?", rs -> {
            hashes.put(rs.getLong(1), rs.getString(2));
        }, caseId);
        List<Entry> out = new ArrayList<>();
        DomainEventStream stream = events.readEvents(caseId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            Object p = m.getPayload();
            Instant occurred = p instanceof CaseEvent c ? c.occurredAt() : m.getTimestamp();
            Instant recorded = p instanceof CaseEvent c ? c.recordedAt() : m.getTimestamp();
            Actor actor = actorOf(p);
            out.add(new Entry(m.getSequenceNumber(), m.getIdentifier(), m.getPayloadType().getSimpleName(), occurred, recorded,
                    m.getTimestamp(), actor, masked(json.valueToTree(p), access.seesAccusedUnit(who)), hashes.get(m.getSequenceNumber())));
        }
        return out;
    }

    /**
     * The case's current version when every event recorded after {@code version} was recorded by the
     * service itself: a warning, a breach, or the escalation a breach brings (actor {@code SYSTEM}).
     * Empty when a person recorded anything since (or nothing was recorded). A step decided on a page
     * of that version decides on the same facts a person gave; the web pages send it again on the
     * returned version (docs/ui.md, "A page that has fallen behind").
     */
    public java.util.OptionalLong onlySystemEventsSince(String caseId, long version) {
        DomainEventStream stream = events.readEvents(caseId, version + 1);
        long last = -1;
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            Object p = m.getPayload();
            Actor actor = actorOf(p);
            boolean system = p instanceof TimeLimitWarningRaisedEvent || p instanceof TimeLimitBreachedEvent
                    || (actor != null && actor.is(Role.SYSTEM));
            if (!system) {
                return java.util.OptionalLong.empty();
            }
            last = m.getSequenceNumber();
        }
        return last < 0 ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(last);
    }

    /** The case view as it was at {@code asOf}, as known at {@code knownAt} (default: now). */
    public CaseView asOf(String caseId, Account who, Instant asOf, Instant knownAt) {
        cases.requireRead(who, cases.load(caseId));
        Instant known = knownAt != null ? knownAt : clock.instant();
        CaseViewFold fold = new CaseViewFold();
        DomainEventStream stream = events.readEvents(caseId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            Object p = m.getPayload();
            boolean happened = !(p instanceof CaseEvent c) || (!c.occurredAt().isAfter(asOf) && !c.recordedAt().isAfter(known));
            if (happened) {
                fold.apply(p, m.getSequenceNumber());
            }
        }
        if (fold.isEmpty()) {
            throw new ServiceException(ServiceException.Kind.NOT_FOUND, "case-not-yet-registered",
                    "the case was not registered (or not yet recorded) at that time; choose a later asOf or knownAt",
                    "该时间点该事项尚未登记（或尚未录入）；请选择更晚的时间");
        }
        return fold.view(false, access.seesAccusedUnit(who));
    }

    private static Actor actorOf(Object payload) {
        try {
            var m = payload.getClass().getMethod("actor");
            return m.getReturnType() == Actor.class ? (Actor) m.invoke(payload) : null;
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static JsonNode masked(JsonNode data, boolean showAccused) {
        if (!showAccused && data instanceof ObjectNode o && o.has("accusedUnit")) {
            o.remove("accusedUnit");
        }
        if (data instanceof ObjectNode o && o.get("petitioner") instanceof ObjectNode p) {
            if (p.hasNonNull("idNumber")) {
                p.put("idNumber", ResidentIdNumber.mask(p.get("idNumber").asText()));
            }
            if (p.hasNonNull("phone")) {
                p.put("phone", PhoneNumber.mask(p.get("phone").asText()));
            }
        }
        return data;
    }
}
