package cn.xinfang.petition.bench;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Appends events straight into {@code domainevententry} with JDBC batches, each row exactly as
 * Axon's JDBC storage engine writes it: payload and metadata from the service's event serializer,
 * the payload's class name and revision, aggregate type {@code PetitionCase}, a UUID event id, the
 * timestamp in Axon's ISO form, and the global index from the column's sequence. Used to load
 * history that would take hours to create command by command; the hash chain is not written
 * (a case's chain is extended from its first event when a command next reaches it).
 */
final class EventWriter implements AutoCloseable {

    private static final int BATCH = 1_000;
    private static final int COMMIT = 20_000;

    private final Connection connection;
    private final Serializer serializer;
    private final PreparedStatement insert;
    private int pending;
    private long written;

    EventWriter(BenchDatabase db, Serializer serializer) throws SQLException {
        this.connection = db.connectForBulk();
        this.connection.setAutoCommit(false);
        this.serializer = serializer;
        this.insert = connection.prepareStatement("insert into domainevententry (aggregateidentifier, sequencenumber, type, "
                + "eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) values (?, ?, 'PetitionCase', ?, ?, ?, ?, ?, ?)");
    }

    /** One event of a case; {@code traceId} is the id of the command that caused it (Axon's correlation metadata). */
    void append(String caseId, long sequence, Instant timestamp, Object payload, String traceId) throws SQLException {
        SerializedObject<byte[]> data = serializer.serialize(payload, byte[].class);
        SerializedObject<byte[]> meta = serializer.serialize(MetaData.from(Map.of("traceId", traceId, "correlationId", traceId)),
                byte[].class);
        insert.setString(1, caseId);
        insert.setLong(2, sequence);
        insert.setString(3, UUID.randomUUID().toString());
        insert.setBytes(4, meta.getData());
        insert.setBytes(5, data.getData());
        insert.setString(6, data.getType().getRevision());
        insert.setString(7, data.getType().getName());
        insert.setString(8, DateTimeUtils.formatInstant(timestamp));
        insert.addBatch();
        written++;
        if (++pending % BATCH == 0) {
            insert.executeBatch();
        }
        if (pending >= COMMIT) {
            connection.commit();
            pending = 0;
        }
    }

    /** Writes and commits what is pending; the processors see the events from here on. */
    void flush() throws SQLException {
        insert.executeBatch();
        connection.commit();
        pending = 0;
    }

    long written() {
        return written;
    }

    @Override
    public void close() throws SQLException {
        flush();
        insert.close();
        connection.close();
    }
}
