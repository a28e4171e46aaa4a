package cn.xinfang.petition.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark's database: a fresh PostgreSQL database {@code petition_bench} (dropped and created
 * at every run, next to the database of {@code bench.pgUrl}) or a fresh H2 file database under the
 * work directory, in the same mode as the service's default.
 */
final class BenchDatabase {

    /** {@code bench.pgDatabase} (default {@code petition_bench}): a shared server gives each user a database of their own. */
    static final String NAME = System.getProperty("bench.pgDatabase", "petition_bench").isBlank()
            ? "petition_bench" : System.getProperty("bench.pgDatabase");

    private final BenchConfig config;
    private final String url;

    BenchDatabase(BenchConfig config) {
        this.config = config;
        this.url = config.onH2()
                ? "jdbc:h2:file:" + config.work().resolve("h2").resolve(NAME).toAbsolutePath()
                  + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE"
                : withDatabase(config.pgUrl(), NAME);
    }

    /** Drops and creates the database. */
    void recreate() throws SQLException, IOException {
        if (config.onH2()) {
            Path dir = config.work().resolve("h2");
            if (Files.exists(dir)) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            Files.createDirectories(dir);
            return;
        }
        try (Connection c = DriverManager.getConnection(config.pgUrl(), config.pgUser(), config.pgPassword());
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + NAME + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + NAME);
        }
    }

    /** The service's JDBC URL. */
    String url() {
        return url;
    }

    String user() {
        return config.onH2() ? "sa" : config.pgUser();
    }

    String password() {
        return config.onH2() ? "" : config.pgPassword();
    }

    /** A connection of the benchmark's own, outside the service's pool. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user(), password());
    }

    /** A connection for bulk loading: PostgreSQL rewrites a batch of inserts into multi-row inserts. */
    Connection connectForBulk() throws SQLException {
        String bulk = config.onH2() ? url : url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        return DriverManager.getConnection(bulk, user(), password());
    }

    /** The server's version and the settings that decide commit and scan costs. */
    Map<String, Object> describe() throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            if (config.onH2()) {
                try (ResultSet rs = s.executeQuery("select h2version()")) {
                    rs.next();
                    m.put("version", "H2 " + rs.getString(1) + " (file, MODE=PostgreSQL)");
                }
                return m;
            }
            try (ResultSet rs = s.executeQuery("select version()")) {
                rs.next();
                m.put("version", rs.getString(1));
            }
            try (ResultSet rs = s.executeQuery("select name, setting, coalesce(unit, '') from pg_settings where name in "
                    + "('fsync', 'synchronous_commit', 'shared_buffers', 'work_mem', 'max_connections', 'autovacuum') order by name")) {
                StringBuilder b = new StringBuilder();
                while (rs.next()) {
                    b.append(b.isEmpty() ? "" : ", ").append(rs.getString(1)).append('=').append(rs.getString(2))
                            .append(rs.getString(3).isEmpty() ? "" : " × " + rs.getString(3));
                }
                m.put("settings", b.toString());
            }
        }
        return m;
    }

    /** The URL with its database name replaced. */
    static String withDatabase(String jdbcUrl, String database) {
        int hostStart = jdbcUrl.indexOf("//") + 2;
        int slash = jdbcUrl.indexOf('/', hostStart);
        int query = jdbcUrl.indexOf('?', hostStart);
        String params = query < 0 ? "" : jdbcUrl.substring(query);
        String head = slash < 0 || (query >= 0 && slash > query) ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query))
                : jdbcUrl.substring(0, slash);
        return head + "/" + database + params;
    }
}
