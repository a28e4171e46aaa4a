package cn.xinfang.petition.app.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data key of each person ({@code person_data_key}): created on the first event that stores the
 * person's data, in the same transaction; wrapped by the {@link MasterKey}; deleted by
 * {@link #shred}. A person who returns after a shred gets a new key ({@code <personId>~2}, …).
 * Unwrapped keys are cached for {@code cases.crypto.key-cache} (60 s): another node sees a shred
 * at most that much later; this node at once. Expired entries are dropped (at most once per that
 * period, by the next reading), so the memory holds only the keys read lately, not every person's.
 */
@Component
public class DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);
    private static final Object CREATED_IN_TX = new Object();

    /** A person's key in use: its id (what ciphertexts name) and the key. */
    public record ActiveKey(String keyId, SecretKey key) {
    }

    private record Cached(Optional<SecretKey> key, Instant until) {
    }

    private final JdbcTemplate jdbc;
    private final MasterKey master;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Cached> byKeyId = new ConcurrentHashMap<>();
    private volatile Instant nextSweep = Instant.MIN;

    public DataKeys(JdbcTemplate jdbc, MasterKey master, Clock clock, @Value("${cases.crypto.key-cache:PT60S}") Duration ttl) {
        this.jdbc = jdbc;
        this.master = master;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** The person's key for new data: their current key, or a new one (written in the current transaction). */
    public ActiveKey activeKey(String personId) {
        List<Object[]> rows = jdbc.query("select key_id, wrapped_key, master_key_id from person_data_key where person_id = ? "
                + "and wrapped_key is not null", (rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3)}, personId);
        if (!rows.isEmpty()) {
            Object[] r = rows.get(0);
            return new ActiveKey((String) r[0], unwrap((String) r[0], (String) r[1], (String) r[2]));
        }
        int earlier = jdbc.queryForObject("select count(*) from person_data_key where person_id = ?", Integer.class, personId);
        String keyId = earlier == 0 ? personId : personId + "~" + (earlier + 1);
        byte[] raw = MasterKey.random(32);
        jdbc.update("insert into person_data_key (key_id, person_id, wrapped_key, master_key_id, created_at) values (?, ?, ?, ?, ?) "
                + "on conflict do nothing", keyId, personId, master.wrap(raw, keyId), master.id(), Timestamp.from(clock.instant()));
        createdInThisTransaction(keyId);
        // another transaction may have created it first: read what is stored
        List<Object[]> now = jdbc.query("select wrapped_key, master_key_id from person_data_key where key_id = ?",
                (rs, i) -> new Object[]{rs.getString(1), rs.getString(2)}, keyId);
        if (now.isEmpty() || now.get(0)[0] == null) {
            throw new IllegalStateException("the data key of a person could not be created; retry");
        }
        return new ActiveKey(keyId, unwrap(keyId, (String) now.get(0)[0], (String) now.get(0)[1]));
    }

    /** The key {@code keyId}, or empty once it is shredded (or never existed). */
    public Optional<SecretKey> key(String keyId) {
        Instant now = clock.instant();
        sweep(now);
        Cached c = byKeyId.get(keyId);
        if (c != null && now.isBefore(c.until())) {
            return c.key();
        }
        List<Object[]> rows = jdbc.query("select wrapped_key, master_key_id from person_data_key where key_id = ?",
                (rs, i) -> new Object[]{rs.getString(1), rs.getString(2)}, keyId);
        Optional<SecretKey> key = rows.isEmpty() || rows.get(0)[0] == null ? Optional.empty()
                : Optional.of(unwrap(keyId, (String) rows.get(0)[0], (String) rows.get(0)[1]));
        if (!createdInThisTransaction().contains(keyId)) {
            byKeyId.put(keyId, new Cached(key, now.plus(ttl)));
        }
        return key;
    }

    /** Whether any key of the person was shredded (their clear data from before encryption then reads as erased too). */
    public boolean shredded(String personId) {
        Instant now = clock.instant();
        sweep(now);
        String marker = "shredded:" + personId;
        Cached c = byKeyId.get(marker);
        if (c != null && now.isBefore(c.until())) {
            return c.key().isPresent();
        }
        boolean shredded = jdbc.queryForObject("select count(*) from person_data_key where person_id = ? and shredded_at is not null",
                Integer.class, personId) > 0;
        byKeyId.put(marker, new Cached(shredded ? Optional.of(new SecretKeySpec(new byte[]{1}, "none")) : Optional.empty(), now.plus(ttl)));
        return shredded;
    }

    /** Deletes every key of the person; answers how many keys were shredded (0: nothing to shred). */
    public int shred(String personId, String by, String reason, Instant at) {
        int n = jdbc.update("update person_data_key set wrapped_key = null, master_key_id = null, shredded_at = ?, shredded_by = ?, "
                + "shred_reason = ? where person_id = ? and wrapped_key is not null", Timestamp.from(at), by, reason, personId);
        if (n == 0 && jdbc.queryForObject("select count(*) from person_data_key where person_id = ?", Integer.class, personId) == 0) {
            // clear data from before encryption: remember the shred so it reads as erased as well
            jdbc.update("insert into person_data_key (key_id, person_id, created_at, shredded_at, shredded_by, shred_reason) "
                    + "values (?, ?, ?, ?, ?, ?)", personId, personId, Timestamp.from(at), Timestamp.from(at), by, reason);
            n = 1;
        }
        forget(personId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget(personId);
                }
            });
        }
        return n;
    }

    /** Whether the person has (or had) a data key. */
    public boolean known(String personId) {
        return jdbc.queryForObject("select count(*) from person_data_key where person_id = ?", Integer.class, personId) > 0;
    }

    /** Drops the expired entries (and with them the unwrapped keys they hold), once per cache period. */
    private void sweep(Instant now) {
        if (now.isBefore(nextSweep)) {
            return;
        }
        nextSweep = now.plus(ttl);
        byKeyId.values().removeIf(c -> !now.isBefore(c.until()));
    }

    /** How many keys and shred markers are cached (tests). */
    int cached() {
        return byKeyId.size();
    }

    private void forget(String personId) {
        byKeyId.keySet().removeIf(k -> k.equals(personId) || k.startsWith(personId + "~") || k.equals("shredded:" + personId));
    }

    /** Key rotation: every data key still wrapped by an older master key is rewrapped under the current one. */
    @EventListener(ApplicationReadyEvent.class)
    public void rewrapUnderCurrentMasterKey() {
        List<Object[]> old = jdbc.query("select key_id, wrapped_key, master_key_id from person_data_key where wrapped_key is not null "
                + "and master_key_id <> ?", (rs, i) -> new Object[]{rs.getString(1), rs.getString(2), rs.getString(3)}, master.id());
        int rewrapped = 0;
        Set<String> missing = new java.util.TreeSet<>();
        for (Object[] r : old) {
            String keyId = (String) r[0];
            if (!master.previousIds().contains((String) r[2])) {
                missing.add((String) r[2]);
                continue;
            }
            byte[] raw = master.unwrap((String) r[1], keyId, (String) r[2]);
            rewrapped += jdbc.update("update person_data_key set wrapped_key = ?, master_key_id = ? where key_id = ? and master_key_id = ?",
                    master.wrap(raw, keyId), master.id(), keyId, r[2]);
        }
        if (rewrapped > 0) {
            log.info("rewrapped {} data keys under the current master key {}", rewrapped, master.id());
        }
        if (!missing.isEmpty()) {
            log.error("data keys are wrapped by master keys {} that are not configured: the personal data of those persons cannot be "
                    + "read; give the key in CASES_MASTER_KEY or CASES_PREVIOUS_MASTER_KEYS (docs/security.md)", missing);
        }
    }

    private SecretKey unwrap(String keyId, String wrapped, String masterKeyId) {
        return new SecretKeySpec(master.unwrap(wrapped, keyId, masterKeyId), "AES");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> createdInThisTransaction() {
        Object r = TransactionSynchronizationManager.isSynchronizationActive() ? TransactionSynchronizationManager.getResource(CREATED_IN_TX) : null;
        return r == null ? Set.of() : (Set<String>) r;
    }

    private void createdInThisTransaction(String keyId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> created = (Set<String>) TransactionSynchronizationManager.getResource(CREATED_IN_TX);
        if (created == null) {
            Set<String> fresh = new HashSet<>();
            TransactionSynchronizationManager.bindResource(CREATED_IN_TX, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CREATED_IN_TX);
                }
            });
            created = fresh;
        }
        created.add(keyId);
    }
}
