package cn.xinfang.petition.app.persons;

import cn.xinfang.petition.api.Petitioner;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Who a person (信访人) is, without keeping who they are: the same resident ID number, or without
 * one the same name and phone, is the same person. The person id is derived from a keyed hash
 * (HMAC-SHA256) of that identity, so the clear number is never a key anywhere; the same function
 * gives the search hash of an ID number. A petitioner known by name alone is nobody else: they get a
 * random id at input ({@link #identify}). The person registry, the data keys of the encrypted
 * personal data and the case view's {@code petitioner.personId} all use this id.
 */
@Component
public class PersonIdentity {

    private final byte[] key;

    public PersonIdentity(@Value("${cases.persons.hash-key:petition-person-identity-v1}") String key) {
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** The person id of {@code p}: a name-based UUID of the keyed hash of its identity. */
    public String personIdOf(Petitioner p) {
        return UUID.nameUUIDFromBytes(hmac(identityOf(p))).toString();
    }

    /**
     * {@code p} with its person id, given at input: derived ({@link #personIdOf}) from an ID number or a name
     * and phone; a fresh random id for a petitioner known by name alone, since two people of the same name
     * are not the same person (they would share a data key, and shredding one would erase the other).
     * A petitioner that already has an id keeps it.
     */
    public Petitioner identify(Petitioner p) {
        if (p == null || p.personId() != null) {
            return p;
        }
        if (p.idNumber() == null && p.phone() == null) {
            return p.withPersonId(UUID.randomUUID().toString());
        }
        return p.withPersonId(personIdOf(p));
    }

    /** The keyed hash (hex) of a normalised resident ID number: what a search by number looks up. */
    public String idNumberHash(String normalisedIdNumber) {
        return HexFormat.of().formatHex(hmac("id:" + normalisedIdNumber));
    }

    private static String identityOf(Petitioner p) {
        if (p.idNumber() != null) {
            return "id:" + p.idNumber();
        }
        return "np:" + p.name() + "|" + (p.phone() == null ? "" : p.phone());
    }

    private byte[] hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
