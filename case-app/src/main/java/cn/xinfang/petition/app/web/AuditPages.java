package cn.xinfang.petition.app.web;

import cn.xinfang.petition.app.audit.AuditService;
import cn.xinfang.petition.app.cases.CaseHistoryService;
import cn.xinfang.petition.app.rest.AuditController;
import cn.xinfang.petition.app.rest.ReadModelController;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.ledger.LedgerPage;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * 审计 – for auditors: a case's history with each event's hash, the case as it was at a past
 * instant (as-of and known-at), verification of the case's hash chain with its verdict in words;
 * the store digest to download and a kept digest to verify. Through the API's own audit checks.
 */
@Controller
class AuditPages {

    private final AuditController audit;
    private final ReadModelController readModels;
    private final ObjectMapper json;
    private final PageProblems problems;

    AuditPages(AuditController audit, ReadModelController readModels, ObjectMapper json, PageProblems problems) {
        this.problems = problems;
        this.audit = audit;
        this.readModels = readModels;
        this.json = json;
    }

    @GetMapping("/audit")
    String audit(Model model) {
        return "audit";
    }

    /** Finds a case by its number (or id) and opens its history. */
    @GetMapping("/audit/find")
    String find(@RequestParam(required = false) String no, Model model, HttpServletResponse response) {
        if (no != null && !no.isBlank()) {
            LedgerPage lp = (LedgerPage) readModels.ledger(null, null, null, null, null, null, no.trim(), null, null, 0, 5, null).getBody();
            var match = lp.items().stream().filter(e -> e.caseNo().equals(no.trim()) || e.caseId().equals(no.trim())).findFirst();
            if (match.isPresent()) {
                return "redirect:/audit/cases/" + match.get().caseId();
            }
        }
        model.addAttribute("notFound", no);
        response.setStatus(404);
        return "audit";
    }

    @GetMapping("/audit/cases/{id}")
    String history(@PathVariable String id, @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt,
                   Model model) {
        return historyPage(id, asOf, knownAt, null, model);
    }

    @PostMapping("/audit/cases/{id}/verify")
    String verify(@PathVariable String id, Model model) {
        return historyPage(id, null, null, audit.verify(id), model);
    }

    @SuppressWarnings("unchecked")
    private String historyPage(String id, String asOf, String knownAt, AuditService.CaseVerification verification, Model model) {
        List<CaseHistoryService.Entry> events = (List<CaseHistoryService.Entry>) audit.history(id, null, null);
        model.addAttribute("caseId", id);
        model.addAttribute("events", events);
        model.addAttribute("asOf", asOf);
        model.addAttribute("knownAt", knownAt);
        if (asOf != null && !asOf.isBlank()) {
            model.addAttribute("then", (CaseView) audit.history(id, asOf, knownAt));
        }
        model.addAttribute("verification", verification);
        model.addAttribute("problemKind", verification == null || verification.firstProblem() == null ? null
                : kind(verification.firstProblem().problem()));
        return "audit-case";
    }

    /** The store digest as a JSON file to keep outside the system. */
    @GetMapping("/audit/digest")
    ResponseEntity<byte[]> digest() throws IOException {
        AuditService.Digest d = audit.digest();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("digest.json").build().toString())
                .body(json.writeValueAsBytes(d));
    }

    /** Verifies a digest kept earlier (an uploaded file) against the store as it is now. */
    @PostMapping("/audit/verify")
    String verifyDigest(@RequestParam("digest") MultipartFile file, Model model, HttpServletResponse response, Locale locale) {
        AuditService.Digest d;
        try {
            d = json.readValue(file.getBytes(), AuditService.Digest.class);
        } catch (IOException | RuntimeException e) {
            response.setStatus(400);
            model.addAttribute("digestError", "ui.audit.digestUnreadable");
            return "audit";
        }
        try {
            model.addAttribute("digestResult", audit.verify(d));
        } catch (RuntimeException e) {
            PageProblem p = problems.of(e).orElseThrow(() -> e);
            response.setStatus(p.status());
            model.addAttribute("digestError", "ui.audit.digestUnreadable");
        }
        return "audit";
    }

    /** The kind of a verification finding ("ALTERED: ..." → ALTERED), for its words in the bundle. */
    static String kind(String problem) {
        int colon = problem == null ? -1 : problem.indexOf(':');
        return colon > 0 ? problem.substring(0, colon) : "OTHER";
    }
}
