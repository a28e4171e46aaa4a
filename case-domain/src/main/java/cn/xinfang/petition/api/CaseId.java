package cn.xinfang.petition.api;

import java.util.Objects;
import java.util.UUID;

/** 信访事项标识 – the identifier of one petition case; its raw value is the aggregate id in the event store. */
public record CaseId(String value) {

    public CaseId {
        Objects.requireNonNull(value, "case id");
        if (value.isBlank()) {
            throw new IllegalArgumentException("case id must not be blank");
        }
    }

    public static CaseId newId() {
        return new CaseId(UUID.randomUUID().toString());
    }

    /** The raw value: Axon stores it as the aggregate identifier and saga association value. */
    @Override
    public String toString() {
        return value;
    }
}
