package cn.xinfang.petition.app.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the record: one case's chain against its stored events, and store digests (event count,
 * last global position, every case's chain head and a root hash over them) against the events
 * as they are now.
 */
@Service
public class AuditService {

    /** Where a case's record stops matching its chain. */
    public record Problem(long sequence, String eventId, String type, String problem) {
    }

    /** The result of verifying one case. */
    public record CaseVerification(String caseId, boolean intact, long events, String headHash, Problem firstProblem) {
    }

    /** A case's chain head in a digest. */
    public record Head(String caseId, long sequence, String hash) {
    }

    /** A digest of the whole store, to keep outside the system. */
    public record Digest(String algorithm, Instant takenAt, long eventCount, long lastGlobalIndex, String root, List<Head> heads) {
    }

    /** The result of verifying a digest kept earlier. */
    public record DigestVerification(boolean intact, long eventCountThen, long eventCountNow, List<CaseFinding> cases) {
    }

    /** A case whose events up to the digest no longer give the head the digest recorded. */
    public record CaseFinding(String caseId, String problem, long expectedSequence, String expectedHash, Long actualSequence,
                              String actualHash) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditService(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Recomputes the case's chain from its stored events and names the first event that does not match. */
    public CaseVerification verify(String caseId) {
        List<EventChain.StoredEvent> events = jdbc.query("select " + EventChain.EVENT_COLUMNS
                + " from domainevententry where aggregateidentifier = ? order by sequencenumber", EventChain::stored, caseId);
        Map<Long, String> stored = new HashMap<>();
        Map<Long, String> eventIds = new HashMap<>();
        jdbc.query("select seq, hash, event_id from event_hash where aggregate_id = ?", rs -> {
            stored.put(rs.getLong(1), rs.getString(2));
            eventIds.put(rs.getLong(1), rs.getString(3));
        }, caseId);
        String prev = EventChain.GENESIS;
        long expectedSeq = 0;
        for (EventChain.StoredEvent e : events) {
            if (e.sequence() != expectedSeq) {
                return new CaseVerification(caseId, false, events.size(), null, new Problem(expectedSeq, eventIds.get(expectedSeq), null,
                        "MISSING: event " + expectedSeq + " was removed from the store"));
            }
            String h = EventChain.hash(prev, e);
            String s = stored.get(e.sequence());
            if (s == null) {
                return new CaseVerification(caseId, false, events.size(), null, new Problem(e.sequence(), e.eventId(), simple(e.payloadType()),
                        "UNCHAINED: the event has no link in the chain"));
            }
            if (!s.equals(h)) {
                return new CaseVerification(caseId, false, events.size(), null, new Problem(e.sequence(), e.eventId(), simple(e.payloadType()),
                        "ALTERED: the stored event does not match the hash recorded when it was appended"));
            }
            prev = h;
            expectedSeq++;
        }
        if (stored.size() > events.size()) {
            return new CaseVerification(caseId, false, events.size(), null, new Problem(expectedSeq, eventIds.get(expectedSeq), null,
                    "MISSING: the chain records " + stored.size() + " events, the store holds " + events.size()));
        }
        return new CaseVerification(caseId, true, events.size(), events.isEmpty() ? null : prev, null);
    }

    /**
     * The units a case is with, was first received by and (an accusation) accuses, read from the
     * ledger row (no decoding of the stored events).
     */
    public java.util.Optional<String[]> units(String caseId) {
        return jdbc.query("select unit, first_unit, accused_unit from ledger_case where case_id = ?",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2), rs.getString(3)}, caseId).stream().findFirst();
    }

    public boolean exists(String caseId) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Integer.class, caseId) > 0;
    }

    /** A digest of the store as it is now, from the chain heads recorded at append time. */
    public Digest digest() {
        Long last = jdbc.queryForObject("select coalesce(max(globalindex), -1) from domainevententry", Long.class);
        Long count = jdbc.queryForObject("select count(*) from domainevententry where globalindex <= ?", Long.class, last);
        List<Head> heads = jdbc.query("""
                select h.aggregate_id, h.seq, h.hash from event_hash h
                 where h.global_index <= ? and h.seq = (select max(h2.seq) from event_hash h2
                                                        where h2.aggregate_id = h.aggregate_id and h2.global_index <= ?)
                 order by h.aggregate_id""", (rs, i) -> new Head(rs.getString(1), rs.getLong(2), rs.getString(3)), last, last);
        return new Digest("SHA-256", clock.instant(), count == null ? 0 : count, last == null ? -1 : last, root(heads), heads);
    }

    /**
     * Proves that no event up to the digest's last global position was changed, removed or
     * reordered since: every case's chain is recomputed from the stored events up to that position
     * and compared with the head the digest recorded. Names each case where it differs.
     */
    public DigestVerification verify(Digest kept) {
        List<CaseFinding> findings = new ArrayList<>();
        if (!root(kept.heads()).equals(kept.root())) {
            findings.add(new CaseFinding(null, "DIGEST_INCONSISTENT: the digest's root does not match its heads; the digest itself was altered",
                    -1, kept.root(), null, root(kept.heads())));
        }
        Map<String, long[]> recomputedSeq = new TreeMap<>();
        Map<String, String> recomputedHash = new HashMap<>();
        long[] count = {0};
        String[] current = {null};
        String[] prev = {EventChain.GENESIS};
        long[] expected = {0};
        Map<String, String> broken = new LinkedHashMap<>();
        jdbc.query("select " + EventChain.EVENT_COLUMNS + " from domainevententry where globalindex <= ? "
                + "order by aggregateidentifier, sequencenumber", rs -> {
            EventChain.StoredEvent e = EventChain.stored(rs, 0);
            count[0]++;
            if (!e.aggregateId().equals(current[0])) {
                current[0] = e.aggregateId();
                prev[0] = EventChain.GENESIS;
                expected[0] = 0;
            }
            if (e.sequence() != expected[0] && !broken.containsKey(e.aggregateId())) {
                broken.put(e.aggregateId(), "MISSING: event " + expected[0] + " is no longer in the store");
            }
            expected[0] = e.sequence() + 1;
            prev[0] = EventChain.hash(prev[0], e);
            recomputedSeq.put(e.aggregateId(), new long[]{e.sequence()});
            recomputedHash.put(e.aggregateId(), prev[0]);
        }, kept.lastGlobalIndex());
        for (Head h : kept.heads()) {
            long[] seq = recomputedSeq.get(h.caseId());
            String hash = recomputedHash.get(h.caseId());
            if (seq == null) {
                findings.add(new CaseFinding(h.caseId(), "REMOVED: the case's events are no longer in the store", h.sequence(), h.hash(), null, null));
            } else if (broken.containsKey(h.caseId())) {
                findings.add(new CaseFinding(h.caseId(), broken.get(h.caseId()), h.sequence(), h.hash(), seq[0], hash));
            } else if (seq[0] != h.sequence()) {
                findings.add(new CaseFinding(h.caseId(), "CHANGED: the case has " + (seq[0] + 1) + " events up to the digest's position, the digest recorded "
                        + (h.sequence() + 1), h.sequence(), h.hash(), seq[0], hash));
            } else if (!hash.equals(h.hash())) {
                findings.add(new CaseFinding(h.caseId(), "ALTERED: an event of the case up to the digest's position was changed or reordered",
                        h.sequence(), h.hash(), seq[0], hash));
            }
        }
        for (String caseId : recomputedSeq.keySet()) {
            if (kept.heads().stream().noneMatch(h -> h.caseId().equals(caseId))) {
                findings.add(new CaseFinding(caseId, "ADDED: events of this case appear before the digest's position but the digest did not record the case",
                        -1, null, recomputedSeq.get(caseId)[0], recomputedHash.get(caseId)));
            }
        }
        return new DigestVerification(findings.isEmpty() && count[0] == kept.eventCount(), kept.eventCount(), count[0], findings);
    }

    static String root(List<Head> heads) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            heads.stream().sorted((a, b) -> a.caseId().compareTo(b.caseId())).forEach(h ->
                    md.update((h.caseId() + ":" + h.sequence() + ":" + h.hash() + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String simple(String payloadType) {
        return payloadType == null ? null : payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
