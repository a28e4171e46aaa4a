package cn.xinfang.petition.app.persons;

import org.springframework.jdbc.core.JdbcTemplate;

/** Test access to the registry's package-private event handlers. */
public final class PersonRegistryAccess {

    private final PersonRegistry registry;

    public PersonRegistryAccess(JdbcTemplate jdbc, PersonIdentity identity) {
        this.registry = new PersonRegistry(jdbc, identity, java.time.ZoneId.of("Asia/Shanghai"));
    }

    public void handle(Object event) {
        try {
            var m = PersonRegistry.class.getDeclaredMethod("on", event.getClass());
            m.setAccessible(true);
            m.invoke(registry, event);
        } catch (NoSuchMethodException e) {
            // not handled by the registry
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
