package cn.xinfang.petition.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A small HTTP client for the API tests: JSON in, status, headers and JSON out. */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final java.time.Duration timeout;

    public Api(int port) {
        this(port, null);
    }

    /** A client whose requests give up after {@code timeout} (an {@link IllegalStateException}). */
    public Api(int port, java.time.Duration timeout) {
        this.base = "http://localhost:" + port;
        this.timeout = timeout;
    }

    /** A response: status, headers and the body as JSON (a text node when it is not JSON). */
    public record Res(int status, HttpResponse<byte[]> raw, JsonNode body) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }

    public Res get(String user, String path) {
        return send(user, "GET", path, null, Map.of());
    }

    public Res post(String user, String path, String json) {
        return send(user, "POST", path, json, Map.of());
    }

    public Res post(String user, String path, String json, Map<String, String> headers) {
        return send(user, "POST", path, json, headers);
    }

    public Res put(String user, String path, String json) {
        return send(user, "PUT", path, json, Map.of());
    }

    /** The last run of {@code stage} in a case view's {@code timeLimits}, or null. */
    public static JsonNode timeLimit(JsonNode view, String stage) {
        JsonNode found = null;
        for (JsonNode l : view.get("timeLimits")) {
            if (l.get("stage").asText().equals(stage)) {
                found = l;
            }
        }
        return found;
    }

    /** {@code user} is "name" (password demo), "name:password", or null for no authentication. */
    public Res send(String user, String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (user != null) {
            String cred = user.contains(":") ? user : user + ":demo";
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(cred.getBytes(StandardCharsets.UTF_8)));
        }
        headers.forEach(b::header);
        try {
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body;
            try {
                body = r.body().length == 0 ? JSON.nullNode() : JSON.readTree(r.body());
            } catch (IOException notJson) {
                body = JSON.getNodeFactory().textNode(new String(r.body(), StandardCharsets.UTF_8));
            }
            return new Res(r.statusCode(), r, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
