package cn.xinfang.petition.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.DependsOn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.sql.Timestamp;
import java.util.List;

/**
 * The accounts a fresh database starts with. On the embedded H2 database (the zero-setup default)
 * the demo units and users are created, all with the password {@code demo}. Elsewhere (PostgreSQL,
 * production) there are no demo users: if the database has no admin yet, one named {@code admin}
 * is created with the password of {@code CASES_ADMIN_PASSWORD}, and start-up is refused when it is
 * not set.
 */
@Component
@DependsOn("flywayInitializer")
class AccountBootstrap implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    record Demo(String username, String displayName, String role, String unit) {
    }

    static final List<String[]> DEMO_UNITS = List.of(
            new String[]{"town", "曹庙镇信访办", null},
            new String[]{"village-1", "一村", "town"},
            new String[]{"village-2", "二村", "town"},
            new String[]{"civil-affairs", "民政办", "town"});

    static final List<Demo> DEMO_USERS = List.of(
            new Demo("admin", "系统管理员", "ADMIN", null),
            new Demo("supervisor", "督查组", "SUPERVISOR", null),
            new Demo("auditor", "纪检审计", "AUDITOR", null),
            new Demo("handler", "镇信访办经办人", "HANDLER", "town"),
            new Demo("leader", "镇长", "LEADER", "town"),
            new Demo("village1", "一村经办人", "HANDLER", "village-1"),
            new Demo("village2", "二村经办人", "HANDLER", "village-2"));

    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final SecurityProperties props;
    private final DataSourceProperties dataSource;
    private final UserAccounts accounts;
    private final Clock clock;
    private final AdminAuditLog auditLog;

    AccountBootstrap(JdbcTemplate jdbc, PasswordEncoder encoder, SecurityProperties props, DataSourceProperties dataSource,
                     UserAccounts accounts, Clock clock, AdminAuditLog auditLog) {
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.props = props;
        this.dataSource = dataSource;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        boolean demo = props.demoData() != null ? props.demoData()
                : dataSource.determineUrl() != null && dataSource.determineUrl().startsWith("jdbc:h2:");
        if (demo) {
            createDemoData();
        } else if (!accounts.anyAdmin()) {
            String password = props.adminPassword();
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("This database has no administrator yet. Set the environment variable "
                        + "CASES_ADMIN_PASSWORD to the password for the first administrator account 'admin' and start again. "
                        + "数据库中尚无系统管理员：请设置环境变量 CASES_ADMIN_PASSWORD 作为管理员 admin 的初始密码后重新启动。");
            }
            if (insertUser("admin", password, "系统管理员", "ADMIN", null)) {
                audit("create-user", "admin", "first administrator created at start-up");
                log.info("created the first administrator account 'admin'");
            }
        }
    }

    private void createDemoData() {
        Timestamp now = Timestamp.from(clock.instant());
        for (String[] u : DEMO_UNITS) {
            if (jdbc.queryForObject("select count(*) from unit where id = ?", Integer.class, u[0]) == 0) {
                try {
                    jdbc.update("insert into unit (id, name, parent, created_at, created_by) values (?, ?, ?, ?, 'system')",
                            u[0], u[1], u[2], now);
                } catch (DuplicateKeyException anotherNodeWasFirst) {
                    log.info("demo unit {} was created by another node starting at the same time", u[0]);
                }
            }
        }
        for (Demo d : DEMO_USERS) {
            if (accounts.find(d.username()).isEmpty()) {
                insertUser(d.username(), "demo", d.displayName(), d.role(), d.unit());
            }
        }
        log.info("demo units and users are ready (password 'demo'): {}", DEMO_USERS.stream().map(Demo::username).toList());
    }

    /**
     * Creates the account; false when another node starting on the same database at the same moment
     * created it first (both saw none: the second insert meets the primary key and leaves it be).
     */
    private boolean insertUser(String username, String password, String displayName, String role, String unit) {
        Timestamp now = Timestamp.from(clock.instant());
        try {
            jdbc.update("insert into app_user (username, password_hash, display_name, role, unit, enabled, created_at, updated_at) "
                    + "values (?, ?, ?, ?, ?, true, ?, ?)", username, encoder.encode(password), displayName, role, unit, now, now);
            return true;
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            log.info("account {} was created by another node starting at the same time", username);
            return false;
        }
    }

    private void audit(String action, String target, String detail) {
        auditLog.record(clock.instant(), "system", action, target, detail);
    }
}
