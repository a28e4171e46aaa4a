package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.support.Api;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document tells a client what each step needs: its own body, its required fields, the allowed values. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {

    @LocalServerPort
    int port;
    JsonNode doc;

    @BeforeAll
    void read() {
        Api.Res r = new Api(port).get(null, "/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        doc = r.body();
    }

    JsonNode schemaOfStep(String step) {
        JsonNode op = doc.path("paths").path("/api/cases/{id}/" + step).path("post");
        assertThat(op.isMissingNode()).as(step).isFalse();
        String ref = op.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText();
        assertThat(ref).as(step).startsWith("#/components/schemas/");
        return doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
    }

    static List<String> names(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("每个环节有自己的请求体和必填字段")
    @CsvSource(delimiter = ';', value = {
            "sign; ''; occurredAt",
            "accept; ''; occurredAt",
            "decline; reason; reason guidance occurredAt",
            "respond; mode summary; mode summary occurredAt",
            "meetings; kind summary; kind place summary occurredAt",
            "meetings/waive; kind reason; kind reason occurredAt",
            "opinion; decision text; decision text occurredAt",
            "resolve; summary; summary satisfaction satisfactionSource occurredAt",
            "notify; kind mode text; kind mode text occurredAt",
            "deliver; mode; mode receivedBy occurredAt",
            "review-decision; decision text; decision text occurredAt",
            "reviews; unit reason; unit reason occurredAt",
            "escalate; reason leader; reason leader plan stage occurredAt",
            "transfer; toUnit reason; toUnit reason occurredAt",
            "return; reason; reason occurredAt",
            "reclassify; track; track occurredAt field",
            "extend; stage amount reason approvedBy petitionerToldAt; stage amount reason approvedBy petitionerToldAt occurredAt"})
    void eachStepShowsItsOwnFields(String step, String required, String properties) {
        JsonNode schema = schemaOfStep(step);
        List<String> props = new ArrayList<>();
        schema.path("properties").fieldNames().forEachRemaining(props::add);
        assertThat(props).containsExactlyInAnyOrder(properties.split(" "));
        List<String> expectedRequired = required.isBlank() ? List.of() : List.of(required.split(" "));
        assertThat(names(schema.path("required"))).containsExactlyInAnyOrderElementsOf(expectedRequired);
    }

    @Test
    @DisplayName("枚举字段列出可选值")
    void enumerationsListTheirValues() {
        JsonNode stage = schemaOfStep("extend").path("properties").path("stage");
        JsonNode values = stage.has("enum") ? stage.path("enum") : doc.path("components").path("schemas")
                .path(stage.path("$ref").asText().replace("#/components/schemas/", "")).path("enum");
        assertThat(names(values)).contains("SIGN", "ACCEPT", "OPINION", "CONCLUDE");
        JsonNode track = schemaOfStep("reclassify").path("properties").path("track");
        JsonNode trackValues = track.has("enum") ? track.path("enum") : doc.path("components").path("schemas")
                .path(track.path("$ref").asText().replace("#/components/schemas/", "")).path("enum");
        assertThat(names(trackValues)).containsExactlyInAnyOrder("SIMPLE", "GENERAL");
    }
}
