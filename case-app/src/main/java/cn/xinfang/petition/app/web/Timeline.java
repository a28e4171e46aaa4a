package cn.xinfang.petition.app.web;

import cn.xinfang.petition.api.TimeLimitStatus;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.caseview.TimeLimitView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A case's timeline for its page: every step and every time-limit event (started, warning,
 * breach, stopped) in the order they happened. Each entry names a message key ({@code what}) and
 * the values the template shows with it; nothing here decides anything about the case.
 */
public record Timeline(List<Entry> entries) {

    /**
     * One entry: when, the message key of what happened, the message key of its detail (a track,
     * a stage, a kind, a reason), the text recorded with it, who, and for time-limit entries the
     * run's index in {@code timeLimits} (to open its explanation) and why it stopped.
     */
    public record Entry(Instant at, String what, String label, String text, String by, Integer limit, String reason) {
    }

    static Timeline of(CaseView v) {
        List<Entry> e = new ArrayList<>();
        CaseView.Steps s = v.steps();
        add(e, s.registeredAt(), "ui.timeline.registered", "label.track." + v.track().name(), v.subject(), null, null);
        add(e, s.signedAt(), "ui.timeline.signed", null, null, null, null);
        add(e, s.acceptedAt(), "ui.timeline.accepted", null, null, null, null);
        if (v.decline() != null) {
            add(e, v.decline().at(), "ui.timeline.declined", null, v.decline().reason(), v.decline().by(), null);
        }
        if (v.response() != null) {
            add(e, v.response().at(), "ui.timeline.responded", "label.responseMode." + v.response().mode(), v.response().summary(), v.response().by(), null);
        }
        for (CaseView.Meeting m : v.meetings()) {
            add(e, m.at(), m.waived() ? "ui.timeline.meetingWaived" : "ui.timeline.meeting", "meeting." + m.kind(),
                    m.place() == null ? m.summary() : m.place() + " · " + m.summary(), m.by(), null);
        }
        if (v.opinion() != null) {
            add(e, v.opinion().at(), "ui.timeline.opinion", "label.decision." + v.opinion().decision(), v.opinion().text(), v.opinion().by(), null);
        }
        if (v.resolution() != null) {
            add(e, v.resolution().at(), "ui.timeline.resolved",
                    v.resolution().satisfaction() == null ? "label.satisfaction.NOT_RATED" : "label.satisfaction." + v.resolution().satisfaction(), v.resolution().summary(),
                    v.resolution().by(), null);
        }
        for (CaseView.Notice n : v.notices()) {
            add(e, n.at(), "ui.timeline.notified", "notice." + n.kind(), n.text(), n.by(), null);
        }
        if (v.delivery() != null) {
            add(e, v.delivery().at(), "ui.timeline.delivered", "label.deliveryMode." + v.delivery().mode(), v.delivery().receivedBy(),
                    v.delivery().by(), null);
        }
        if (v.reviewDecision() != null) {
            add(e, v.reviewDecision().at(), "ui.timeline.reviewDecided", "label.reviewDecision." + v.reviewDecision().decision(),
                    v.reviewDecision().text(), v.reviewDecision().by(), null);
        }
        for (CaseView.Review r : v.reviews()) {
            add(e, r.requestedAt(), "ui.timeline.reviewRequested", null, r.unit(), null, null);
        }
        for (CaseView.Extension x : v.extensions()) {
            add(e, x.at(), "ui.timeline.extended", "stage." + x.stage(), x.reason() + (x.approvedBy() == null ? "" : " · " + x.approvedBy()),
                    x.by(), null);
        }
        for (CaseView.Escalation x : v.escalations()) {
            add(e, x.at(), "ui.timeline.escalated", "label.escalationReason." + x.reason(), x.leader() + (x.plan() == null ? "" : " · " + x.plan()), x.by(), null);
        }
        for (CaseView.Transfer t : v.transfers()) {
            add(e, t.at(), t.returned() ? "ui.timeline.returned" : "ui.timeline.transferred", null,
                    t.fromUnit() + " → " + t.toUnit() + " · " + t.reason(), t.by(), null);
        }
        for (int i = 0; i < v.timeLimits().size(); i++) {
            TimeLimitView l = v.timeLimits().get(i);
            String stage = "stage." + l.stage().name();
            add(e, l.startedAt(), "ui.timeline.limitStarted", stage, null, null, i);
            add(e, l.warnedAt(), "ui.timeline.limitWarned", stage, null, null, i);
            add(e, l.breachedAt(), "ui.timeline.limitBreached", stage, null, null, i);
            if (l.stoppedAt() != null) {
                boolean late = l.status() == TimeLimitStatus.MET_LATE;
                add(e, l.stoppedAt(), late ? "ui.timeline.limitMetLate" : l.stopReason() != null
                        && l.stopReason().name().equals("COMPLETED") ? "ui.timeline.limitMet" : "ui.timeline.limitStopped", stage,
                        null, null, i);
                if (l.stopReason() != null) {
                    Entry last = e.remove(e.size() - 1);
                    e.add(new Entry(last.at(), last.what(), last.label(), null, null, i, l.stopReason().name()));
                }
            }
        }
        e.sort(Comparator.comparing(Entry::at));
        return new Timeline(e);
    }

    private static void add(List<Entry> e, Instant at, String what, String code, String text, String by, Integer limit) {
        if (at != null) {
            e.add(new Entry(at, what, code, text, by, limit, null));
        }
    }

    /** Whether a run of a stage is still running (not stopped). */
    static boolean running(TimeLimitView l) {
        return l.stoppedAt() == null;
    }
}
