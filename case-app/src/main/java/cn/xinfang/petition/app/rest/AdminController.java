package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.app.admin.AdminService;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.app.security.SecurityProperties;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.util.List;

/** 系统管理 – units and users (ADMIN only; see SecurityConfiguration). */
@RestController
@RequestMapping("/api/admin")
public class AdminController {

    /** Body of {@code POST /api/admin/units}. */
    public record UnitRequest(String id, String name, String parent) {
    }

    /** Body of {@code POST /api/admin/users}. */
    public record UserRequest(String username, String password, String displayName, String role, String unit) {
    }

    /** Body of {@code PUT /api/admin/users/{username}}: only what is given changes. */
    public record UserUpdate(String role, String unit, Boolean enabled, String password, String displayName) {
    }

    private final AdminService admin;
    private final CurrentUser currentUser;
    private final SecurityProperties security;

    public AdminController(AdminService admin, CurrentUser currentUser, SecurityProperties security) {
        this.admin = admin;
        this.currentUser = currentUser;
        this.security = security;
    }

    @GetMapping("/units")
    public List<AdminService.Unit> units() {
        return admin.units();
    }

    @PostMapping("/units")
    public ResponseEntity<AdminService.Unit> createUnit(@RequestBody UnitRequest body) {
        Fields f = new Fields();
        String id = f.text("id", body.id());
        if (id != null && !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            f.add("id", "must be 1 to 64 lowercase letters, digits or '-', e.g. village-3", "须为1至64位小写字母、数字或'-'，例如 village-3");
        }
        String name = f.text("name", body.name(), 100);
        String parent = f.optionalText(body.parent());
        if (parent != null && !admin.unitExists(parent)) {
            f.add("parent", "unit \"" + parent + "\" does not exist", "上级单位 \"" + parent + "\" 不存在");
        }
        f.throwIfInvalid();
        AdminService.Unit u = admin.createUnit(currentUser.get(), new AdminService.Unit(id, name, parent));
        return ResponseEntity.created(URI.create("/api/admin/units/" + u.id())).body(u);
    }

    @GetMapping("/users")
    public List<Account> users() {
        return admin.users();
    }

    @PostMapping("/users")
    public ResponseEntity<Account> createUser(@RequestBody UserRequest body) {
        Fields f = new Fields();
        String username = f.text("username", body.username());
        if (username != null && !username.matches("[A-Za-z0-9_.-]{1,64}")) {
            f.add("username", "must be 1 to 64 letters, digits, '_', '.' or '-'", "须为1至64位字母、数字、'_'、'.'或'-'");
        }
        String password = password(f, body.password(), true);
        String displayName = f.text("displayName", body.displayName(), 100);
        Role role = f.required("role", body.role(), Role.class);
        if (role == Role.SYSTEM) {
            f.add("role", "SYSTEM is the engine's own role and cannot be given to a user", "SYSTEM 为系统内部角色，不能分配给用户");
        }
        String unit = unit(f, body.unit(), role);
        f.throwIfInvalid();
        Account a = admin.createUser(currentUser.get(), username, password, displayName, role, unit);
        return ResponseEntity.created(URI.create("/api/admin/users/" + a.username())).body(a);
    }

    @PutMapping("/users/{username}")
    public Account updateUser(@PathVariable String username, @RequestBody UserUpdate body) {
        Fields f = new Fields();
        Role role = f.optional("role", body.role(), Role.class);
        if (role == Role.SYSTEM) {
            f.add("role", "SYSTEM is the engine's own role and cannot be given to a user", "SYSTEM 为系统内部角色，不能分配给用户");
        }
        String unit = body.unit();
        if (unit != null && !unit.isBlank() && !admin.unitExists(unit.trim())) {
            f.add("unit", "unit \"" + unit + "\" does not exist", "单位 \"" + unit + "\" 不存在");
        }
        String password = password(f, body.password(), false);
        String displayName = f.optionalText("displayName", body.displayName(), 100);
        f.throwIfInvalid();
        return admin.updateUser(currentUser.get(), username, role, unit == null ? null : unit.trim(), body.enabled(), password,
                displayName);
    }

    private String password(Fields f, String password, boolean required) {
        if (password == null) {
            if (required) {
                f.add("password", "is required", "必填");
            }
            return null;
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            f.add("password", "is longer than 72 bytes, the most BCrypt can use; choose a shorter one",
                    "超过 72 字节（BCrypt 的上限），请使用较短的密码");
            return null;
        }
        if (password.length() < security.minPasswordLength()) {
            f.add("password", "must have at least " + security.minPasswordLength() + " characters",
                    "至少 " + security.minPasswordLength() + " 个字符");
            return null;
        }
        return password;
    }

    private String unit(Fields f, String unit, Role role) {
        String u = f.optionalText(unit);
        if (u == null && role != null && role.isUnitBound()) {
            f.add("unit", "a " + role + " must belong to a unit", "经办人和单位负责人必须属于一个单位");
        } else if (u != null && !admin.unitExists(u)) {
            f.add("unit", "unit \"" + u + "\" does not exist", "单位 \"" + u + "\" 不存在");
        }
        return u;
    }

}
