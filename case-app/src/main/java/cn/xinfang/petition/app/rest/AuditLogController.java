package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.audit.AuditLogs;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.time.BusinessTime;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * 审计日志 (issue 17): who saw personal data unmasked ({@code /api/audit/reveals}) and every
 * administrative action ({@code /api/audit/admin-actions}), for AUDITOR and ADMIN; newest first,
 * filtered by time ({@code from}, {@code to}) and by user, case, action or target; {@code format=xlsx}
 * exports every matching row.
 */
@RestController
public class AuditLogController {

    private static final int EXPORT_LIMIT = 100_000;
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditLogs logs;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId zone;

    public AuditLogController(AuditLogs logs, CurrentUser currentUser, Clock clock, BusinessTime time) {
        this.logs = logs;
        this.currentUser = currentUser;
        this.clock = clock;
        this.zone = time.zone();
    }

    /** Every reading of unmasked personal data. */
    @GetMapping("/api/audit/reveals")
    public ResponseEntity<?> reveals(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                     @RequestParam(required = false) String username, @RequestParam(required = false) String caseId,
                                     @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                     @RequestParam(required = false) String format) {
        Account who = currentUser.get();
        AuditLogs.requireReader(who);
        Fields f = new Fields();
        Instant fromAt = TimeParams.start(f, "from", from, zone);
        Instant toAt = TimeParams.end(f, "to", to, zone);
        check(f, page, size, format);
        if ("xlsx".equals(format)) {
            List<List<String>> rows = new ArrayList<>();
            for (AuditLogs.Reveal r : logs.reveals(who, fromAt, toAt, username, caseId, 0, EXPORT_LIMIT).items()) {
                rows.add(List.of(Long.toString(r.id()), time(r.at()), r.username(), r.role(), r.caseId(), r.purpose()));
            }
            return xlsx("个人信息查看记录", List.of("序号", "时间", "用户", "角色", "信访事项", "用途"), rows, "reveals.xlsx");
        }
        return ResponseEntity.ok(logs.reveals(who, fromAt, toAt, username, caseId, page, size));
    }

    /** Every administrative action. */
    @GetMapping("/api/audit/admin-actions")
    public ResponseEntity<?> adminActions(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                          @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                                          @RequestParam(required = false) String target,
                                          @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                                          @RequestParam(required = false) String format) {
        Account who = currentUser.get();
        AuditLogs.requireReader(who);
        Fields f = new Fields();
        Instant fromAt = TimeParams.start(f, "from", from, zone);
        Instant toAt = TimeParams.end(f, "to", to, zone);
        check(f, page, size, format);
        if ("xlsx".equals(format)) {
            List<List<String>> rows = new ArrayList<>();
            for (AuditLogs.AdminAction a : logs.adminActions(who, fromAt, toAt, actor, action, target, 0, EXPORT_LIMIT).items()) {
                rows.add(List.of(Long.toString(a.id()), time(a.at()), a.actor(), a.action(), a.target(), a.detail() == null ? "" : a.detail()));
            }
            return xlsx("管理操作记录", List.of("序号", "时间", "操作人", "操作", "对象", "详情"), rows, "admin-actions.xlsx");
        }
        return ResponseEntity.ok(logs.adminActions(who, fromAt, toAt, actor, action, target, page, size));
    }

    private static void check(Fields f, int page, int size, String format) {
        if (page < 0) {
            f.add("page", "must be 0 or more", "须不小于 0");
        }
        if (size < 1 || size > 500) {
            f.add("size", "must be between 1 and 500", "须在 1 到 500 之间");
        }
        if (format != null && !format.isBlank() && !List.of("json", "xlsx").contains(format)) {
            f.add("format", "must be json or xlsx", "须为 json 或 xlsx");
        }
        f.throwIfInvalid();
    }

    private String time(Instant at) {
        return SECOND.format(at.atZone(zone));
    }

    private ResponseEntity<byte[]> xlsx(String title, List<String> headers, List<List<String>> rows, String name) {
        byte[] body = LedgerExport.xlsx(title, "全部单位", clock.instant(), headers, rows, zone);
        return ResponseEntity.ok()
                .contentType(ReadModelController.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
