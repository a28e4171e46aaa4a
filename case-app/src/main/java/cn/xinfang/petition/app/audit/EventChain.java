package cn.xinfang.petition.app.audit;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The hash chain of each case: {@code hash(n) = SHA-256(hash(n-1), canonical(event n))}, starting
 * from 64 zeros. The canonical form is every stored column of the event as written to
 * {@code domainevententry} (identifier, case, sequence, type, timestamp, payload type and revision,
 * payload bytes, metadata bytes), each length-prefixed so no two events encode alike.
 */
@Component
public class EventChain {

    public static final String GENESIS = "0".repeat(64);
    static final String EVENT_COLUMNS = "globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, timestamp, "
            + "payloadtype, payloadrevision, payload, metadata";

    /** One stored event as the chain sees it. */
    public record StoredEvent(long globalIndex, String eventId, String aggregateId, long sequence, String type, String timestamp,
                              String payloadType, String payloadRevision, byte[] payload, byte[] metadata) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<Serializer> eventSerializer;
    /** The event serializer once resolved: resolving it through the provider on every append cost a tenth of a command's CPU. */
    private volatile Serializer resolvedSerializer;

    public EventChain(JdbcTemplate jdbc, @Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    /**
     * Extends the chains over events just appended (issue 18): each event is hashed from its message,
     * serialised with the event store's serializer exactly as the JDBC engine has just written it
     * (payload and metadata bytes, type and revision, the timestamp text), so only each event's global
     * index and the previous hash are read back, in one query per case. Anything unexpected (an event
     * that is not a case's, a gap, a case whose earlier events are not chained yet) falls back to
     * {@link #extend}, which reads the stored events back.
     */
    public void extendAppended(List<? extends EventMessage<?>> events) {
        Serializer serializer = resolvedSerializer;
        if (serializer == null) {
            serializer = eventSerializer.getIfAvailable();
            resolvedSerializer = serializer;
        }
        Map<String, List<DomainEventMessage<?>>> byCase = new LinkedHashMap<>();
        Set<String> fallback = new LinkedHashSet<>();
        for (EventMessage<?> e : events) {
            if (e instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null && serializer != null) {
                byCase.computeIfAbsent(d.getAggregateIdentifier(), k -> new ArrayList<>()).add(d);
            } else {
                fallback.add(e instanceof DomainEventMessage<?> d && d.getAggregateIdentifier() != null ? d.getAggregateIdentifier()
                        : e.getIdentifier());
            }
        }
        for (Map.Entry<String, List<DomainEventMessage<?>>> c : byCase.entrySet()) {
            if (fallback.contains(c.getKey()) || !extendFromMessages(c.getKey(), c.getValue(), serializer)) {
                fallback.add(c.getKey());
            }
        }
        if (!fallback.isEmpty()) {
            extend(fallback);
        }
    }

    private boolean extendFromMessages(String id, List<DomainEventMessage<?>> appended, Serializer serializer) {
        long first = appended.get(0).getSequenceNumber();
        long last = appended.get(appended.size() - 1).getSequenceNumber();
        if (last - first + 1 != appended.size()) {
            return false;
        }
        List<Object[]> stored = jdbc.query("select e.globalindex, e.eventidentifier, "
                        + "(select h.hash from event_hash h where h.aggregate_id = ? and h.seq = ?) "
                        + "from domainevententry e where e.aggregateidentifier = ? and e.sequencenumber between ? and ? "
                        + "order by e.sequencenumber",
                (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2), rs.getString(3)}, id, first - 1, id, first, last);
        if (stored.size() != appended.size()) {
            return false;
        }
        String prev = first == 0 ? GENESIS : (String) stored.get(0)[2];
        if (prev == null) {
            return false;
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < appended.size(); i++) {
            DomainEventMessage<?> m = appended.get(i);
            if (m.getSequenceNumber() != first + i || !m.getIdentifier().equals(stored.get(i)[1])) {
                return false;
            }
            SerializedObject<byte[]> payload = m.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = m.serializeMetaData(serializer, byte[].class);
            long globalIndex = (Long) stored.get(i)[0];
            StoredEvent e = new StoredEvent(globalIndex, m.getIdentifier(), id, m.getSequenceNumber(), m.getType(),
                    DateTimeUtils.formatInstant(m.getTimestamp()), payload.getType().getName(), payload.getType().getRevision(),
                    payload.getData(), metaData.getData());
            String h = hash(prev, e);
            rows.add(new Object[]{id, e.sequence(), e.eventId(), globalIndex, h, prev});
            prev = h;
        }
        jdbc.batchUpdate("insert into event_hash (aggregate_id, seq, event_id, global_index, hash, prev_hash) values (?, ?, ?, ?, ?, ?)", rows);
        return true;
    }

    /** Extends the chains of these cases over their events not yet chained; runs in the appending transaction. */
    public void extend(Collection<String> aggregateIds) {
        for (String id : aggregateIds) {
            List<Object[]> last = jdbc.query("select seq, hash from event_hash where aggregate_id = ? order by seq desc limit 1",
                    (rs, i) -> new Object[]{rs.getLong(1), rs.getString(2)}, id);
            long lastSeq = last.isEmpty() ? -1 : (Long) last.get(0)[0];
            String prev = last.isEmpty() ? GENESIS : (String) last.get(0)[1];
            List<StoredEvent> events = jdbc.query("select " + EVENT_COLUMNS + " from domainevententry "
                    + "where aggregateidentifier = ? and sequencenumber > ? order by sequencenumber", EventChain::stored, id, lastSeq);
            List<Object[]> rows = new ArrayList<>();
            for (StoredEvent e : events) {
                String h = hash(prev, e);
                rows.add(new Object[]{e.aggregateId(), e.sequence(), e.eventId(), e.globalIndex(), h, prev});
                prev = h;
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate("insert into event_hash (aggregate_id, seq, event_id, global_index, hash, prev_hash) values (?, ?, ?, ?, ?, ?)", rows);
            }
        }
    }

    public static StoredEvent stored(ResultSet rs, int row) throws SQLException {
        return new StoredEvent(rs.getLong("globalindex"), rs.getString("eventidentifier"), rs.getString("aggregateidentifier"),
                rs.getLong("sequencenumber"), rs.getString("type"), rs.getString("timestamp"), rs.getString("payloadtype"),
                rs.getString("payloadrevision"), rs.getBytes("payload"), rs.getBytes("metadata"));
    }

    /** The chained hash of an event after {@code previous}. */
    public static String hash(String previous, StoredEvent e) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            field(md, previous.getBytes(StandardCharsets.US_ASCII));
            field(md, text(e.eventId()));
            field(md, text(e.aggregateId()));
            field(md, text(Long.toString(e.sequence())));
            field(md, text(e.type()));
            field(md, text(e.timestamp()));
            field(md, text(e.payloadType()));
            field(md, text(e.payloadRevision()));
            field(md, e.payload());
            field(md, e.metadata());
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", ex);
        }
    }

    private static byte[] text(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(MessageDigest md, byte[] bytes) {
        if (bytes == null) {
            md.update(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        md.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        md.update(bytes);
    }
}
