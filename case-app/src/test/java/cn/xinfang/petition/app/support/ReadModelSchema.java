package cn.xinfang.petition.app.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

/** A fresh in-memory database (H2 in PostgreSQL mode, as the service runs it) with the service's schema, for the views' own tests. */
public final class ReadModelSchema {

    private ReadModelSchema() {
    }

    /** A new database of its own, migrated by Flyway from the service's common and read-model migrations. */
    public static JdbcTemplate migrated() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration/common", "classpath:db/migration/projections").load()
                .migrate();
        return new JdbcTemplate(ds);
    }
}
