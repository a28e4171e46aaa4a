package cn.xinfang.petition.app.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives every Spring test class a database of its own, so runs never see each other's data:
 * an in-memory H2 database named after the class by default, or, with {@code -Ppostgres}
 * ({@code test.db=postgres}), a schema named after the class in the PostgreSQL database of
 * {@code PETITION_TEST_DB_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), dropped and
 * created afresh once per JVM.
 */
public class PerClassDatabase implements ContextCustomizerFactory {

    private static final Set<String> PREPARED = ConcurrentHashMap.newKeySet();
    /** issue 17: the master key of the test runs on PostgreSQL, where one is required (32 bytes, Base64). */
    public static final String TEST_MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LW9mLXRoZS10ZXN0LXJ1bnM=";

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> attrs) {
        return new Customizer(databaseName(testClass));
    }

    public static String databaseName(Class<?> testClass) {
        Class<?> top = testClass;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        String name = "t_" + top.getSimpleName().toLowerCase(Locale.ROOT);
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    public static boolean onPostgres() {
        return "postgres".equals(System.getProperty("test.db"));
    }

    public static String pgUrl() {
        return env("PETITION_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String pgUser() {
        return env("PETITION_TEST_DB_USER", "postgres");
    }

    public static String pgPassword() {
        return env("PETITION_TEST_DB_PASSWORD", "");
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    /** The datasource properties of a test class's own database, and the demo users (cheap hashes). */
    public static String[] properties(String name) {
        String[] common = {"cases.security.demo-data=true", "cases.security.bcrypt-strength=4"};
        String[] db = datasource(name);
        String[] all = java.util.Arrays.copyOf(db, db.length + common.length);
        System.arraycopy(common, 0, all, db.length, common.length);
        return all;
    }

    private static String[] datasource(String name) {
        if (onPostgres()) {
            prepareSchema(name);
            String url = pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + name;
            return new String[]{
                    "spring.datasource.url=" + url,
                    "spring.datasource.username=" + pgUser(),
                    "spring.datasource.password=" + pgPassword(),
                    // Spring keeps each test class's context (and its pool) cached: idle connections are given back
                    // after 10 s, or the cached pools exhaust PostgreSQL's connections ("too many clients")
                    "spring.datasource.hikari.minimum-idle=1",
                    "spring.datasource.hikari.idle-timeout=10000",
                    "spring.flyway.schemas=" + name,
                    "spring.flyway.default-schema=" + name,
                    "cases.crypto.master-key=" + TEST_MASTER_KEY};
        }
        return new String[]{
                "spring.datasource.url=jdbc:h2:mem:" + name
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1",
                "spring.datasource.username=sa",
                "spring.datasource.password="};
    }

    private static void prepareSchema(String name) {
        if (!PREPARED.add(name)) {
            return;
        }
        try (Connection c = DriverManager.getConnection(pgUrl(), pgUser(), pgPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
            s.execute("CREATE SCHEMA " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare test schema " + name + " on " + pgUrl()
                    + " (is PostgreSQL running? see README): " + e.getMessage(), e);
        }
    }

    private record Customizer(String name) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            TestPropertyValues.of(properties(name)).applyTo(context);
        }
    }
}
