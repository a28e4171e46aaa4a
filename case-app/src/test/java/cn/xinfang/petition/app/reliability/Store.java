package cn.xinfang.petition.app.reliability;

import cn.xinfang.petition.app.support.PerClassDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a child service keeps its data: the embedded default (an H2 file under {@code ./data} of
 * its working directory, exactly the README's zero-setup run) or, with {@code -Ppostgres}, a
 * schema of its own in the test database.
 */
record Store(Path workDir, String schema) {

    /** The store for {@code name}: a fresh PostgreSQL schema on -Ppostgres, else the H2 file under {@code workDir}. */
    static Store fresh(String name, Path workDir) {
        if (PerClassDatabase.onPostgres()) {
            String schema = "rel_" + name;
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
            return new Store(workDir, schema);
        }
        return new Store(workDir, null);
    }

    boolean postgres() {
        return schema != null;
    }

    /** The service's command-line properties for this store (none for the embedded default). */
    List<String> properties() {
        return properties(PerClassDatabase.pgUrl());
    }

    /** The same, with the database reached through a local port (a {@link TcpProxy}) instead of its own. */
    List<String> propertiesThrough(int localPort) {
        return properties(PerClassDatabase.pgUrl().replaceFirst("//[^/]+/", "//127.0.0.1:" + localPort + "/"));
    }

    /** The host and port of the test database. */
    static java.net.InetSocketAddress databaseAddress() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("//([^:/]+)(?::(\\d+))?/").matcher(PerClassDatabase.pgUrl());
        if (!m.find()) {
            throw new IllegalStateException("no host in " + PerClassDatabase.pgUrl());
        }
        return java.net.InetSocketAddress.createUnresolved(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
    }

    private List<String> properties(String url) {
        List<String> p = new ArrayList<>();
        if (postgres()) {
            p.add("spring.datasource.url=" + jdbcUrl(url, schema));
            p.add("spring.datasource.username=" + PerClassDatabase.pgUser());
            p.add("spring.datasource.password=" + PerClassDatabase.pgPassword());
            p.add("spring.flyway.schemas=" + schema);
            p.add("spring.flyway.default-schema=" + schema);
            p.add("cases.crypto.master-key=" + PerClassDatabase.TEST_MASTER_KEY); // issue 17: required on PostgreSQL
        }
        return p;
    }

    static String jdbcUrl(String base, String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /**
     * A connection to the store from the test. On H2 only while no service runs on it: the
     * embedded database is locked by the process that opened it.
     */
    Connection connect() throws SQLException {
        if (postgres()) {
            return DriverManager.getConnection(jdbcUrl(PerClassDatabase.pgUrl(), schema), PerClassDatabase.pgUser(),
                    PerClassDatabase.pgPassword());
        }
        return DriverManager.getConnection("jdbc:h2:file:" + workDir.resolve("data/petition").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE", "sa", "");
    }

    /** Statements on the test database itself (PostgreSQL). */
    static void execute(String... sql) {
        try (Connection c = DriverManager.getConnection(PerClassDatabase.pgUrl(), PerClassDatabase.pgUser(), PerClassDatabase.pgPassword());
             Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + String.join("; ", sql) + " on " + PerClassDatabase.pgUrl() + ": " + e.getMessage(), e);
        }
    }
}
