package cn.xinfang.petition.app.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Moves a stored event's JSON payload from one revision to the next: the type and the revision it
 * applies to, the change to make (usually a field that did not exist, written with the value the old
 * revision meant), and the new revision. A stored row is never changed; events are upcast as read.
 */
final class RevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final Consumer<ObjectNode> change;

    RevisionUpcaster(Class<?> eventType, String fromRevision, String toRevision, Consumer<ObjectNode> change) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.to = new SimpleSerializedType(eventType.getName(), toRevision);
        this.change = Objects.requireNonNull(change, "change");
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            if (payload instanceof ObjectNode o) {
                change.accept(o);
            }
            return payload;
        });
    }
}
