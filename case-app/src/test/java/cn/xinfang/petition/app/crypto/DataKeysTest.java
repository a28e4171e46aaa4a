package cn.xinfang.petition.app.crypto;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The cache of unwrapped data keys holds the keys read lately, not every person's key ever read. */
@SpringBootTest(classes = cn.xinfang.petition.app.CaseApplication.class)
class DataKeysTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MasterKey master;
    @Autowired
    PlatformTransactionManager tm;

    /** A clock the test moves. */
    static final class StepClock extends Clock {
        private Instant now = Instant.parse("2026-03-02T02:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void expiredKeysLeaveTheMemoryAtTheNextReading() {
        StepClock clock = new StepClock();
        DataKeys keys = new DataKeys(jdbc, master, clock, Duration.ofSeconds(60));
        String person = "data-keys-test-" + UUID.randomUUID();
        String keyId = new TransactionTemplate(tm).execute(s -> keys.activeKey(person).keyId());

        assertThat(keys.key(keyId)).isPresent();
        assertThat(keys.shredded(person)).isFalse();
        assertThat(keys.cached()).isEqualTo(2); // the key and the person's shred marker, until 02:01:00

        clock.advance(Duration.ofSeconds(30)); // 02:00:30: both still valid
        assertThat(keys.key(keyId)).isPresent();
        assertThat(keys.cached()).isEqualTo(2);

        clock.advance(Duration.ofSeconds(31)); // 02:01:01: both expired; reading another key drops them
        assertThat(keys.key("no-such-key-" + UUID.randomUUID())).isEmpty();
        assertThat(keys.cached()).isEqualTo(1); // only the answer just read (no such key)

        assertThat(keys.key(keyId)).as("an expired key is read again from the table").isPresent();
        assertThat(keys.cached()).isEqualTo(2);
    }
}
