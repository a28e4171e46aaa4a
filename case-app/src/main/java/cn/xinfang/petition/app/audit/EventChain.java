package cn.xinfang.petition.app.audit;

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
import java.util.List;

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

    public EventChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
