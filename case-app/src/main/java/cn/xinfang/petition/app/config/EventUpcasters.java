package cn.xinfang.petition.app.config;

import cn.xinfang.petition.api.SatisfactionSource;
import cn.xinfang.petition.api.TransferKind;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.api.event.PetitionResolvedEvent;
import cn.xinfang.petition.api.event.PetitionTransferredEvent;
import cn.xinfang.petition.api.event.TimeLimitExtendedEvent;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * The upcasters of the stored events whose shape changed (docs/events.md, "Rules for changing events").
 * Axon's Spring Boot support puts every {@link EventUpcaster} bean into the event store's upcaster
 * chain, in {@link Order}.
 */
@Configuration(proxyBeanMethods = false)
public class EventUpcasters {

    /** Revision 2 names the accused unit, the parent and level of a review case: none before. */
    @Bean
    @Order(1)
    EventUpcaster registeredRevision2() {
        return new RevisionUpcaster(PetitionRegisteredEvent.class, "1", "2", o -> {
            o.putNull("accusedUnit");
            o.putNull("parentCaseId");
            o.putNull("reviewLevel");
        });
    }

    /** Revision 2 tells a transfer from an assignment (交办): every revision 1 event was a transfer. */
    @Bean
    @Order(2)
    EventUpcaster transferredRevision2() {
        return new RevisionUpcaster(PetitionTransferredEvent.class, "1", "2", o -> o.put("kind", TransferKind.TRANSFER.name()));
    }

    /** Revision 2 records who approved an extension and when the petitioner was told: unknown before. */
    @Bean
    @Order(3)
    EventUpcaster extendedRevision2() {
        return new RevisionUpcaster(TimeLimitExtendedEvent.class, "1", "2", o -> {
            o.putNull("approvedBy");
            o.putNull("petitionerToldAt");
        });
    }

    /**
     * Revision 2 records where the rating came from. Revision 1 kept no source: a rating then is
     * recorded as of unknown source (null), no rating as NOT_GIVEN.
     */
    @Bean
    @Order(4)
    EventUpcaster resolvedRevision2() {
        return new RevisionUpcaster(PetitionResolvedEvent.class, "1", "2", o -> {
            if (o.path("satisfaction").isNull() || o.path("satisfaction").isMissingNode()) {
                o.put("satisfactionSource", SatisfactionSource.NOT_GIVEN.name());
            } else {
                o.putNull("satisfactionSource");
            }
        });
    }
}
