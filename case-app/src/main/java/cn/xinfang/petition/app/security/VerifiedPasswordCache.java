package cn.xinfang.petition.app.security;

import org.springframework.security.crypto.password.PasswordEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The password encoder with a short-lived memory of passwords it has verified (issue 18): HTTP
 * Basic sends the password with every API request, and a BCrypt check at cost 10 costs tens of
 * milliseconds of CPU, so a client taking ten steps paid for ten BCrypt checks. A successful check
 * is remembered for {@code ttl} under a key that is the HMAC-SHA256, with a random key made at start
 * and never stored, of the stored hash and the password together: the password itself is kept
 * nowhere, the key cannot be tested offline without the HMAC key, and a password change (which
 * stores a new hash, with a new salt) makes every earlier entry of that account unreachable at once.
 * Failed checks are never remembered: a wrong password always costs a full BCrypt check.
 * A disabled account is refused before any password check (the account is read on every request),
 * so the memory never lets a disabled user in. Storage (encode) is the delegate's, unchanged.
 */
public final class VerifiedPasswordCache implements PasswordEncoder {

    private final PasswordEncoder delegate;
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;
    private final SecretKeySpec key;
    private final Map<String, Long> verifiedUntil = new ConcurrentHashMap<>();

    public VerifiedPasswordCache(PasswordEncoder delegate, long ttlNanos, int maxEntries, LongSupplier nanoTime) {
        this.delegate = delegate;
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || ttlNanos <= 0) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String k = keyOf(rawPassword, encodedPassword);
        long now = nanoTime.getAsLong();
        Long until = verifiedUntil.get(k);
        if (until != null) {
            if (now - until < 0) {
                return true;
            }
            verifiedUntil.remove(k, until);
        }
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (verifiedUntil.size() >= maxEntries) {
                verifiedUntil.values().removeIf(u -> now - u >= 0);
                if (verifiedUntil.size() >= maxEntries) {
                    verifiedUntil.clear();
                }
            }
            verifiedUntil.put(k, now + ttlNanos);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    /** Forgets every verified password (for example after an administrator changed accounts in bulk). */
    public void clear() {
        verifiedUntil.clear();
    }

    int size() {
        return verifiedUntil.size();
    }

    private String keyOf(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java runtime", e);
        }
    }
}
