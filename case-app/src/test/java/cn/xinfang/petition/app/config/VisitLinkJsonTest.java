package cn.xinfang.petition.app.config;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14's links on the registration: stored registrations without them read as null; new ones keep them. */
class VisitLinkJsonTest {

    final ObjectMapper mapper = AxonConfiguration.storageMapper();
    final Instant t = Instant.parse("2024-01-08T02:00:00Z");
    final PetitionRegisteredEvent linked = new PetitionRegisteredEvent(new CaseId("c1"), "2024-000001", Track.SIMPLE, Channel.FIELD_VISIT,
            Category.COMPLAINT, new Petitioner("张三", null, "13812345678", null), 1, false, "s", "c", "town", "town", null, null, null,
            new Actor("handler", "town", Role.HANDLER), t, t, "v1", null, null, null);

    @Test
    void aStoredRegistrationWithoutTheLinksReadsNull() throws Exception {
        ObjectNode json = (ObjectNode) mapper.readTree(mapper.writeValueAsString(linked));
        json.remove("visitId");
        json.remove("receptionId");
        PetitionRegisteredEvent read = mapper.treeToValue(json, PetitionRegisteredEvent.class);
        assertThat(read.visitId()).isNull();
        assertThat(read.receptionId()).isNull();
        assertThat(read.caseNo()).isEqualTo("2024-000001");
    }

    @Test
    void theLinksRoundTrip() throws Exception {
        PetitionRegisteredEvent read = mapper.readValue(mapper.writeValueAsString(linked), PetitionRegisteredEvent.class);
        assertThat(read).isEqualTo(linked);
        assertThat(read.visitId()).isEqualTo("v1");
    }
}
