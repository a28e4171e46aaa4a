package cn.xinfang.petition.app.admin;

import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.AdminAuditLog;
import cn.xinfang.petition.app.security.UserAccounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Creates and changes units and users; each change is recorded with who, when and what. */
@Service
public class AdminService {

    /** A unit (单位): a village, a town department, the petition office. */
    public record Unit(String id, String name, String parent) {
    }

    private final JdbcTemplate jdbc;
    private final UserAccounts accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final AdminAuditLog auditLog;

    public AdminService(JdbcTemplate jdbc, UserAccounts accounts, PasswordEncoder encoder, Clock clock, AdminAuditLog auditLog) {
        this.auditLog = auditLog;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    public List<Unit> units() {
        return jdbc.query("select id, name, parent from unit order by id", (rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    public boolean unitExists(String id) {
        return jdbc.queryForObject("select count(*) from unit where id = ?", Integer.class, id) > 0;
    }

    @Transactional
    public Unit createUnit(Account admin, Unit unit) {
        try {
            jdbc.update("insert into unit (id, name, parent, created_at, created_by) values (?, ?, ?, ?, ?)",
                    unit.id(), unit.name(), unit.parent(), now(), admin.username());
        } catch (DuplicateKeyException e) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "unit-exists", "unit \"" + unit.id() + "\" already exists",
                    "单位 \"" + unit.id() + "\" 已存在");
        }
        audit(admin, "create-unit", unit.id(), "name=" + unit.name() + (unit.parent() == null ? "" : ", parent=" + unit.parent()));
        return unit;
    }

    public List<Account> users() {
        return accounts.all();
    }

    @Transactional
    public Account createUser(Account admin, String username, String password, String displayName, Role role, String unit) {
        try {
            jdbc.update("insert into app_user (username, password_hash, display_name, role, unit, enabled, created_at, updated_at) "
                    + "values (?, ?, ?, ?, ?, true, ?, ?)", username, encoder.encode(password), displayName, role.name(), unit, now(), now());
        } catch (DuplicateKeyException e) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "user-exists", "user \"" + username + "\" already exists",
                    "用户 \"" + username + "\" 已存在");
        }
        audit(admin, "create-user", username, "role=" + role + (unit == null ? "" : ", unit=" + unit));
        return accounts.find(username).orElseThrow();
    }

    /** Changes what is given (null: unchanged). A handler must keep a unit. */
    @Transactional
    public Account updateUser(Account admin, String username, Role role, String unit, Boolean enabled, String password,
                              String displayName) {
        Account current = accounts.find(username)
                .orElseThrow(() -> new ServiceException(ServiceException.Kind.NOT_FOUND, "user-not-found", "user \"" + username + "\" does not exist",
                        "用户 \"" + username + "\" 不存在"));
        Role newRole = role != null ? role : current.role();
        String newUnit = unit != null ? (unit.isBlank() ? null : unit) : current.unit();
        if (newRole.isUnitBound() && newUnit == null) {
            throw new ServiceException(ServiceException.Kind.INVALID, "handler-needs-unit", "a " + newRole + " must belong to a unit; give unit",
                    "经办人和单位负责人必须属于一个单位，请填写 unit");
        }
        boolean staysActiveAdmin = newRole == Role.ADMIN && (enabled != null ? enabled : current.enabled());
        if (current.role() == Role.ADMIN && current.enabled() && !staysActiveAdmin
                && jdbc.queryForObject("select count(*) from app_user where role = 'ADMIN' and enabled = true and username <> ?",
                Integer.class, username) == 0) {
            throw new ServiceException(ServiceException.Kind.CONFLICT, "last-admin",
                    "\"" + username + "\" is the last enabled administrator; create or enable another ADMIN first, or nobody could manage users",
                    "\"" + username + "\" 是最后一个启用的系统管理员；请先创建或启用另一个管理员");
        }
        List<String> changes = new ArrayList<>();
        if (newRole != current.role()) {
            changes.add("role " + current.role() + "->" + newRole);
        }
        if (!java.util.Objects.equals(newUnit, current.unit())) {
            changes.add("unit " + current.unit() + "->" + newUnit);
        }
        if (enabled != null && enabled != current.enabled()) {
            changes.add(enabled ? "enabled" : "disabled");
        }
        if (displayName != null && !displayName.equals(current.displayName())) {
            changes.add("displayName changed");
        }
        jdbc.update("update app_user set role = ?, unit = ?, enabled = ?, display_name = ?, updated_at = ? where username = ?",
                newRole.name(), newUnit, enabled != null ? enabled : current.enabled(),
                displayName != null ? displayName : current.displayName(), now(), username);
        if (password != null) {
            jdbc.update("update app_user set password_hash = ? where username = ?", encoder.encode(password), username);
            changes.add("password changed");
        }
        audit(admin, "update-user", username, String.join(", ", changes));
        return accounts.find(username).orElseThrow();
    }

    private void audit(Account admin, String action, String target, String detail) {
        auditLog.record(clock.instant(), admin.username(), action, target, detail);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
