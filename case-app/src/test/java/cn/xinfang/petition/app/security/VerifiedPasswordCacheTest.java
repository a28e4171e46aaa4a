package cn.xinfang.petition.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordCacheTest {

    /** BCrypt (cost 4) that counts its checks. */
    static final class Counting implements PasswordEncoder {
        final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    final Counting bcrypt = new Counting();
    final AtomicLong now = new AtomicLong(1_000);
    final VerifiedPasswordCache cache = new VerifiedPasswordCache(bcrypt, 300, 3, now::get);

    @Test
    void aVerifiedPasswordIsCheckedOnceWithinItsLifetime() {
        String hash = cache.encode("demo");
        assertThat(cache.matches("demo", hash)).isTrue();
        assertThat(cache.matches("demo", hash)).isTrue();
        now.addAndGet(299);
        assertThat(cache.matches("demo", hash)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(1);

        now.addAndGet(1); // 300 ns after the check: expired
        assertThat(cache.matches("demo", hash)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsNeverRemembered() {
        String hash = cache.encode("demo");
        assertThat(cache.matches("demo", hash)).isTrue();
        assertThat(cache.matches("wrong", hash)).isFalse();
        assertThat(cache.matches("wrong", hash)).isFalse();
        assertThat(bcrypt.checks.get()).isEqualTo(3);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void aChangedPasswordHashMakesTheOldEntryUnreachable() {
        String before = cache.encode("demo");
        assertThat(cache.matches("demo", before)).isTrue();
        String after = cache.encode("new-secret"); // the admin set a new password: a new hash, a new salt
        assertThat(cache.matches("demo", after)).isFalse();
        assertThat(cache.matches("new-secret", after)).isTrue();
        // even the same password stored again (new salt) is checked anew
        String again = cache.encode("demo");
        assertThat(cache.matches("demo", again)).isTrue();
        assertThat(bcrypt.checks.get()).isEqualTo(4);
    }

    @Test
    void theMemoryIsBoundedAndNeverHoldsThePassword() {
        for (int i = 0; i < 5; i++) {
            String hash = cache.encode("pw-" + i);
            assertThat(cache.matches("pw-" + i, hash)).isTrue();
            assertThat(cache.size()).isLessThanOrEqualTo(3);
        }
    }
}
