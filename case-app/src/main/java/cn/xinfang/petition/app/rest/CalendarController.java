package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.calendar.CalendarRevisions;
import cn.xinfang.petition.app.security.CurrentUser;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;

/** 日历修订 (ADMIN): load a new or corrected holiday calendar; list revisions and their progress. */
@RestController
@RequestMapping("/api/admin/calendar")
public class CalendarController {

    private final CalendarRevisions revisions;
    private final CurrentUser currentUser;

    public CalendarController(CalendarRevisions revisions, CurrentUser currentUser) {
        this.revisions = revisions;
        this.currentUser = currentUser;
    }

    @GetMapping
    public List<CalendarRevisions.Revision> all() {
        return revisions.all();
    }

    /**
     * 预览 – the open stages this calendar file would move (due and warning now and after), without
     * putting it in force; the same 400 / 409 as loading it.
     */
    @PostMapping("/preview")
    public CalendarRevisions.Preview preview(@RequestBody String json) {
        return revisions.preview(json);
    }

    /** Body: a calendar file of the shipped shape, e.g. {"years": {"2027": {"holidays": [...], "workdays": [...], "names": {...}}}}. */
    @PostMapping
    public ResponseEntity<CalendarRevisions.Revision> load(@RequestBody String json) {
        CalendarRevisions.Revision r = revisions.load(currentUser.get(), json);
        return ResponseEntity.accepted().location(URI.create("/api/admin/calendar")).body(r);
    }
}
