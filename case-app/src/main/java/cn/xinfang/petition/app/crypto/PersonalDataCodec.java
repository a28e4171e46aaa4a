package cn.xinfang.petition.app.crypto;

import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.app.persons.PersonIdentity;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

import javax.crypto.SecretKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How a petitioner is stored in an event (issue 17): the four personal fields encrypted together
 * with AES-GCM under the person's data key, bound to the key id:
 * {@code {"v":1,"p":"<personId>","k":"<keyId>","c":"<base64(nonce, ciphertext, tag)>"}}. Reading
 * decrypts; once the key is shredded the petitioner reads as {@link Petitioner#erased}. A petitioner
 * stored in clear before this (plain {@code {"name":…}}) still reads, with its person id, and reads
 * as erased once the person is shredded. Registered on the event serializer only.
 */
@Component
public class PersonalDataCodec {

    static final int VERSION = 1;
    private static final ObjectMapper PLAIN = new ObjectMapper();

    private final DataKeys keys;
    private final PersonIdentity identity;

    public PersonalDataCodec(DataKeys keys, PersonIdentity identity) {
        this.keys = keys;
        this.identity = identity;
    }

    /** The Jackson module for the event serializer's mapper. */
    public Module module() {
        SimpleModule m = new SimpleModule("petition-personal-data");
        m.addSerializer(Petitioner.class, new JsonSerializer<>() {
            @Override
            public void serialize(Petitioner p, JsonGenerator gen, SerializerProvider sp) throws IOException {
                gen.writeTree(encrypt(p));
            }
        });
        m.addDeserializer(Petitioner.class, new JsonDeserializer<>() {
            @Override
            public Petitioner deserialize(JsonParser parser, DeserializationContext ctx) throws IOException {
                return decrypt(parser.readValueAsTree());
            }
        });
        return m;
    }

    /** The stored form of a petitioner. */
    public ObjectNode encrypt(Petitioner p) {
        String personId = p.personId() != null ? p.personId() : identity.personIdOf(p);
        ObjectNode out = PLAIN.createObjectNode();
        out.put("v", VERSION);
        out.put("p", personId);
        if (p.isErased()) {
            out.put("erased", true);
            return out;
        }
        DataKeys.ActiveKey key = keys.activeKey(personId);
        ObjectNode clear = PLAIN.createObjectNode();
        clear.put("name", p.name());
        clear.put("idNumber", p.idNumber());
        clear.put("phone", p.phone());
        clear.put("address", p.address());
        byte[] plain;
        try {
            plain = PLAIN.writeValueAsBytes(clear);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.put("k", key.keyId());
        out.put("c", Base64.getEncoder().encodeToString(MasterKey.Aes.encrypt(key.key(), plain, aad(key.keyId()))));
        return out;
    }

    /** A petitioner from its stored form (encrypted, erased, or clear from before encryption). */
    public Petitioner decrypt(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.has("v")) {
            Petitioner clear = new Petitioner(text(node, "name"), text(node, "idNumber"), text(node, "phone"), text(node, "address"),
                    text(node, "personId"));
            String personId = clear.personId() != null ? clear.personId() : identity.personIdOf(clear);
            return keys.shredded(personId) ? Petitioner.erased(personId) : clear.withPersonId(personId);
        }
        String personId = text(node, "p");
        if (node.path("erased").asBoolean(false) || !node.hasNonNull("k")) {
            return Petitioner.erased(personId);
        }
        String keyId = node.get("k").asText();
        Optional<SecretKey> key = keys.key(keyId);
        if (key.isEmpty()) {
            return Petitioner.erased(personId);
        }
        byte[] plain = MasterKey.Aes.decrypt(key.get(), Base64.getDecoder().decode(node.get("c").asText()), aad(keyId));
        try {
            JsonNode clear = PLAIN.readTree(plain);
            return new Petitioner(text(clear, "name"), text(clear, "idNumber"), text(clear, "phone"), text(clear, "address"), personId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] aad(String keyId) {
        return ("petitioner:v1:" + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
