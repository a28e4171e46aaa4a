package cn.xinfang.petition.app.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The master key that wraps every person's data key (AES-256, given as 32 bytes in Base64).
 * <ul>
 *   <li>{@code cases.crypto.master-key} ({@code CASES_MASTER_KEY}): required on PostgreSQL; the
 *       service refuses to start without it.</li>
 *   <li>On the embedded H2 file database without it: a key generated on first start and kept in a
 *       file next to the database ({@code data/petition.master.key}, or {@code cases.crypto.master-key-file});
 *       on an in-memory database (tests): a random key for the life of the process.</li>
 *   <li>{@code cases.crypto.previous-master-keys}: older master keys (comma-separated) still accepted
 *       for unwrapping during a rotation; {@link DataKeys} rewraps every key under the current one at start.</li>
 * </ul>
 */
@Component
public class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The key of in-memory databases: one per JVM, like the databases themselves (a restarted context reads its data). */
    private static final SecretKey IN_MEMORY = new SecretKeySpec(random(32), "AES");

    private final SecretKey current;
    private final String currentId;
    private final Map<String, SecretKey> all = new LinkedHashMap<>();

    public MasterKey(@Value("${cases.crypto.master-key:}") String configured,
                     @Value("${cases.crypto.master-key-file:}") String file,
                     @Value("${cases.crypto.previous-master-keys:}") String previous,
                     @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.current = resolve(configured, file, datasourceUrl);
        this.currentId = idOf(current);
        all.put(currentId, current);
        for (String p : previous.split(",")) {
            if (!p.isBlank()) {
                SecretKey k = parse(p.trim(), "cases.crypto.previous-master-keys");
                all.putIfAbsent(idOf(k), k);
            }
        }
    }

    /** A short, non-secret id of the current master key (stored with every wrapped data key). */
    public String id() {
        return currentId;
    }

    /** Ids of the older master keys still accepted. */
    public List<String> previousIds() {
        List<String> ids = new ArrayList<>(all.keySet());
        ids.remove(currentId);
        return ids;
    }

    /** The data key wrapped under the current master key, bound to {@code keyId}. */
    public String wrap(byte[] dataKey, String keyId) {
        return Base64.getEncoder().encodeToString(Aes.encrypt(current, dataKey, keyId.getBytes(StandardCharsets.UTF_8)));
    }

    /** The data key, unwrapped by the master key that wrapped it. */
    public byte[] unwrap(String wrapped, String keyId, String masterKeyId) {
        SecretKey k = all.get(masterKeyId);
        if (k == null) {
            throw new IllegalStateException("data key " + keyId + " is wrapped by master key " + masterKeyId
                    + ", which is not configured (cases.crypto.master-key or previous-master-keys)");
        }
        return Aes.decrypt(k, Base64.getDecoder().decode(wrapped), keyId.getBytes(StandardCharsets.UTF_8));
    }

    static String idOf(SecretKey key) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(("master-key-id:" + Base64.getEncoder().encodeToString(key.getEncoded()))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKey resolve(String configured, String file, String url) {
        if (configured != null && !configured.isBlank()) {
            return parse(configured.trim(), "cases.crypto.master-key");
        }
        Path path = file != null && !file.isBlank() ? Path.of(file) : h2File(url);
        if (path != null) {
            return fromFile(path);
        }
        if (url != null && url.startsWith("jdbc:h2:mem:")) {
            return IN_MEMORY;
        }
        throw new IllegalStateException("CASES_MASTER_KEY (cases.crypto.master-key) is required on this database: 32 random bytes in "
                + "Base64, for example the output of 'openssl rand -base64 32'. Keep it safe and back it up: without it the "
                + "personal data in the event store cannot be read (docs/security.md).");
    }

    private static Path h2File(String url) {
        if (url == null || !url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        String db = url.substring("jdbc:h2:file:".length());
        int semi = db.indexOf(';');
        return Path.of((semi < 0 ? db : db.substring(0, semi)) + ".master.key");
    }

    private static SecretKey fromFile(Path path) {
        try {
            if (Files.exists(path)) {
                return parse(Files.readString(path).trim(), path.toString());
            }
            if (path.toAbsolutePath().getParent() != null) {
                Files.createDirectories(path.toAbsolutePath().getParent());
            }
            String key = Base64.getEncoder().encodeToString(random(32));
            Files.writeString(path, key + "\n");
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file keeps the directory's permissions
            }
            log.warn("generated a new master key in {}: back it up with the database (docs/security.md)", path);
            return parse(key, path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the master key file " + path, e);
        }
    }

    private static SecretKey parse(String base64, String where) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + " is not Base64: give 32 random bytes in Base64 ('openssl rand -base64 32')");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException(where + " must be 32 bytes (AES-256) in Base64, not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** AES-GCM with a random 12-byte nonce in front of the ciphertext and a 128-bit tag. */
    static final class Aes {
        private Aes() {
        }

        static byte[] encrypt(SecretKey key, byte[] plain, byte[] aad) {
            try {
                byte[] iv = random(12);
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
                c.updateAAD(aad);
                byte[] ct = c.doFinal(plain);
                byte[] out = new byte[iv.length + ct.length];
                System.arraycopy(iv, 0, out, 0, iv.length);
                System.arraycopy(ct, 0, out, iv.length, ct.length);
                return out;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM encryption failed", e);
            }
        }

        static byte[] decrypt(SecretKey key, byte[] data, byte[] aad) {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, data, 0, 12));
                c.updateAAD(aad);
                return c.doFinal(data, 12, data.length - 12);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM decryption failed (wrong key or altered data)", e);
            }
        }
    }
}
