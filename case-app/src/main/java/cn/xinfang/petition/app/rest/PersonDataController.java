package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.privacy.PersonShredding;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.time.BusinessTime;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.ZoneId;

/**
 * 个人信息删除与保存期限 (issue 17, ADMIN): shred a person's data ({@code POST /api/admin/persons/{id}/shred},
 * {@code {"reason"}}) and the persons whose retention period has ended ({@code GET /api/admin/retention}).
 */
@RestController
public class PersonDataController {

    /** Why the person's data is deleted (required, recorded in the admin log). */
    public record ShredRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "保存期限届满") String reason) {
    }

    private final PersonShredding shredding;
    private final CurrentUser currentUser;
    private final ZoneId zone;

    public PersonDataController(PersonShredding shredding, CurrentUser currentUser, BusinessTime time) {
        this.shredding = shredding;
        this.currentUser = currentUser;
        this.zone = time.zone();
    }

    @PostMapping("/api/admin/persons/{id}/shred")
    public PersonShredding.Shredded shred(@PathVariable String id, @RequestBody(required = false) ShredRequest body) {
        var who = currentUser.get();
        Fields f = new Fields();
        String reason = body == null || body.reason() == null ? null : body.reason().trim();
        if (reason == null || reason.isEmpty()) {
            f.add("reason", "is required: say why the person's data is deleted", "必填：请说明删除该人员个人信息的原因");
        } else if (reason.length() > 1000) {
            f.add("reason", "must be at most 1000 characters", "不能超过 1000 个字符");
        }
        if (id.length() > 64) {
            f.add("id", "is not a person id", "不是有效的人员编号");
        }
        f.throwIfInvalid();
        return shredding.shred(who, id, reason);
    }

    @GetMapping("/api/admin/retention")
    public PersonShredding.Retention retention(@RequestParam(required = false) String asOf) {
        var who = currentUser.get();
        Fields f = new Fields();
        Instant at = TimeParams.start(f, "asOf", asOf, zone);
        f.throwIfInvalid();
        return shredding.retention(who, at);
    }
}
