package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.problem.Fields;
import cn.xinfang.petition.app.audit.AuditService;
import cn.xinfang.petition.app.cases.CaseHistoryService;
import cn.xinfang.petition.app.cases.CaseService;
import cn.xinfang.petition.app.cases.CaseAccessPolicy;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.app.security.CurrentUser;
import cn.xinfang.petition.time.BusinessTime;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.ZoneId;

/**
 * 审计 – a case's history and its state at a past instant, verification of its hash chain, and
 * digests of the whole event store for auditors to keep and verify later.
 */
@RestController
public class AuditController {

    private final CaseHistoryService history;
    private final CaseService cases;
    private final AuditService audit;
    private final CurrentUser currentUser;
    private final CaseAccessPolicy access;
    private final ZoneId zone;

    public AuditController(CaseHistoryService history, CaseService cases, AuditService audit, CurrentUser currentUser,
                           CaseAccessPolicy access, BusinessTime time) {
        this.access = access;
        this.history = history;
        this.cases = cases;
        this.audit = audit;
        this.currentUser = currentUser;
        this.zone = time.zone();
    }

    /** Every event of the case in order; with {@code asOf} (and optionally {@code knownAt}) the case view as it was then. */
    @GetMapping("/api/cases/{id}/history")
    public Object history(@PathVariable String id, @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String knownAt) {
        Account who = currentUser.get();
        Fields f = new Fields();
        Instant t = TimeParams.start(f, "asOf", asOf, zone);
        Instant k = TimeParams.start(f, "knownAt", knownAt, zone);
        if (t == null && k != null) {
            f.add("asOf", "is required with knownAt", "使用 knownAt 时须同时给出 asOf");
        }
        f.throwIfInvalid();
        if (t != null) {
            return history.asOf(id, who, t, k);
        }
        return history.history(id, who);
    }

    /** Recomputes the case's hash chain and names the first event that does not match, or says the history is intact. */
    @GetMapping("/api/cases/{id}/verify")
    public AuditService.CaseVerification verify(@PathVariable String id) {
        Account who = currentUser.get();
        // the stored events are not decoded here: verification must work even on a payload altered beyond reading
        if (!audit.exists(id)) {
            throw new ServiceException(ServiceException.Kind.NOT_FOUND, "case-not-found",
                    "case " + id + " does not exist; check the id", "信访事项 " + id + " 不存在，请核对编号");
        }
        String[] units = audit.units(id).orElse(new String[]{null, null, null});
        access.requireRead(who, id, units[0], units[1], units[2]);
        return audit.verify(id);
    }

    /** A digest of the whole event store up to now, to keep outside the system. */
    @GetMapping("/api/audit/digest")
    public AuditService.Digest digest() {
        access.requireSupervisorOrAuditor(currentUser.get());
        return audit.digest();
    }

    /** Verifies a digest kept earlier against the store as it is now. */
    @PostMapping("/api/audit/verify")
    public AuditService.DigestVerification verify(@RequestBody AuditService.Digest digest) {
        access.requireSupervisorOrAuditor(currentUser.get());
        Fields f = new Fields();
        if (digest.heads() == null) {
            f.add("heads", "is required: send the digest exactly as GET /api/audit/digest returned it", "必填：请原样提交 GET /api/audit/digest 返回的摘要");
        }
        if (digest.root() == null) {
            f.add("root", "is required", "必填");
        }
        if (digest.heads() != null) {
            for (int i = 0; i < digest.heads().size(); i++) {
                AuditService.Head h = digest.heads().get(i);
                if (h == null || h.caseId() == null || h.hash() == null) {
                    f.add("heads[" + i + "]", "needs caseId, sequence and hash, as the digest gave them", "须含 caseId、sequence 与 hash，与摘要原样一致");
                    break;
                }
            }
        }
        f.throwIfInvalid();
        return audit.verify(digest);
    }
}
