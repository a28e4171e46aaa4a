package cn.xinfang.petition.api;

import java.util.Objects;

/** 操作人 – who performs a step: user id, the unit they act for (null for roles without a unit) and their role. */
public record Actor(String userId, String unit, Role role) {

    public static final Actor SYSTEM = new Actor("system", null, Role.SYSTEM);

    public Actor {
        Objects.requireNonNull(userId, "actor user id");
        Objects.requireNonNull(role, "actor role");
        if (userId.isBlank()) {
            throw new IllegalArgumentException("actor user id must not be blank");
        }
    }

    public boolean is(Role r) {
        return role == r;
    }
}
