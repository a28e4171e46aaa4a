package cn.xinfang.petition.app.security;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.Role;

/** A user of the service as the API shows it (never the password hash). */
public record Account(String username, String displayName, Role role, String unit, boolean enabled) {

    public Actor actor() {
        return new Actor(username, unit, role);
    }
}
