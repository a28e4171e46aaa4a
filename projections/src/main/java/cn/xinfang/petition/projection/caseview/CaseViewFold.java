package cn.xinfang.petition.projection.caseview;

import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.PhoneNumber;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.TimeLimitStatus;
import cn.xinfang.petition.api.event.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds a case's events, in order, into its {@link CaseView}. Pure: no I/O, no clock. The status
 * names are those of the API: REGISTERED, SIGNED, ACCEPTED, OPINION_GIVEN, RESOLVED, DECLINED.
 */
public final class CaseViewFold {

    private String id;
    private String caseNo;
    private PetitionRegisteredEvent registration;
    private String status;
    private cn.xinfang.petition.api.Track track;
    private String unit;
    private Instant signedAt, acceptedAt, declinedAt, respondedAt, handlingMeetingAt, opinionAt, conclusionMeetingAt, resolvedAt;
    private CaseView.Decline decline;
    private CaseView.Response response;
    private final List<CaseView.Meeting> meetings = new ArrayList<>();
    private CaseView.Opinion opinion;
    private CaseView.Resolution resolution;
    private final List<CaseView.Escalation> escalations = new ArrayList<>();
    private final List<CaseView.Transfer> transfers = new ArrayList<>();
    private final List<MutableLimit> limits = new ArrayList<>();
    private long version = -1;

    /** Applies the next event of the case; {@code sequenceNumber} is its position in the case's stream. */
    public CaseViewFold apply(Object event, long sequenceNumber) {
        version = sequenceNumber;
        if (event instanceof PetitionRegisteredEvent e) {
            id = e.caseId().value();
            caseNo = e.caseNo();
            registration = e;
            status = "REGISTERED";
            track = e.track();
            unit = e.unit();
        } else if (event instanceof PetitionSignedEvent e) {
            status = "SIGNED";
            signedAt = e.occurredAt();
        } else if (event instanceof PetitionAcceptedEvent e) {
            status = "ACCEPTED";
            acceptedAt = e.occurredAt();
        } else if (event instanceof PetitionDeclinedEvent e) {
            status = "DECLINED";
            declinedAt = e.occurredAt();
            decline = new CaseView.Decline(e.reason(), e.guidance(), e.actor().userId(), e.occurredAt());
        } else if (event instanceof PetitionerRespondedEvent e) {
            respondedAt = e.occurredAt();
            response = new CaseView.Response(e.mode().name(), e.summary(), e.actor().userId(), e.occurredAt());
        } else if (event instanceof MeetingRecordedEvent e) {
            meetingAt(e.kind(), e.occurredAt());
            meetings.add(new CaseView.Meeting(e.kind().name(), false, e.place(), e.summary(), e.actor().userId(), e.occurredAt()));
        } else if (event instanceof MeetingWaivedEvent e) {
            meetingAt(e.kind(), e.occurredAt());
            meetings.add(new CaseView.Meeting(e.kind().name(), true, null, e.reason(), e.actor().userId(), e.occurredAt()));
        } else if (event instanceof OpinionGivenEvent e) {
            status = "OPINION_GIVEN";
            opinionAt = e.occurredAt();
            opinion = new CaseView.Opinion(e.decision().name(), e.text(), e.actor().userId(), e.occurredAt());
        } else if (event instanceof PetitionResolvedEvent e) {
            status = "RESOLVED";
            resolvedAt = e.occurredAt();
            resolution = new CaseView.Resolution(e.summary(), e.satisfaction() == null ? null : e.satisfaction().name(),
            e.actor().userId(), e.occurredAt());
        } else if (event instanceof PetitionEscalatedEvent e) {
            escalations.add(new CaseView.Escalation(e.reason().name(), e.leader(), e.plan(),
            e.stage() == null ? null : e.stage().name(), e.actor().userId(), e.occurredAt()));
        } else if (event instanceof PetitionTransferredEvent e) {
            transfers.add(new CaseView.Transfer(e.fromUnit(), e.toUnit(), e.reason(), false, e.returnableUntil(),
            e.actor().userId(), e.occurredAt()));
            restart(e.toUnit());
        } else if (event instanceof PetitionReturnedEvent e) {
            transfers.add(new CaseView.Transfer(e.fromUnit(), e.toUnit(), e.reason(), true, null, e.actor().userId(),
            e.occurredAt()));
            restart(e.toUnit());
        } else if (event instanceof PetitionReclassifiedEvent e) {
            track = e.toTrack();
        } else if (event instanceof TimeLimitStartedEvent e) {
            limits.add(new MutableLimit(e.unit(), e.timeLimit()));
        } else if (event instanceof TimeLimitStoppedEvent e) {
            openLimit(e.stage()).ifPresent(l -> {
                l.status = e.met() ? TimeLimitStatus.MET : TimeLimitStatus.MET_LATE;
                l.stoppedAt = e.occurredAt();
                l.stopReason = e.reason();
            });
        } else if (event instanceof TimeLimitExtendedEvent e) {
            openLimit(e.stage()).ifPresent(l -> l.replace(e.timeLimit()));
        } else if (event instanceof TimeLimitRecomputedEvent e) {
            openLimit(e.stage()).ifPresent(l -> l.replace(e.timeLimit()));
        } else if (event instanceof TimeLimitWarningRaisedEvent e) {
            openLimit(e.stage()).ifPresent(l -> {
                l.warnedAt = e.occurredAt();
                if (l.status == TimeLimitStatus.OPEN) {
                    l.status = TimeLimitStatus.WARNED;
                }
            });
        } else if (event instanceof TimeLimitBreachedEvent e) {
            openLimit(e.stage()).ifPresent(l -> {
                l.breachedAt = e.occurredAt();
                l.status = TimeLimitStatus.BREACHED;
            });
        }
        return this;
    }

    public boolean isEmpty() {
        return registration == null;
    }

    public long version() {
        return version;
    }

    public String unit() {
        return unit;
    }

    public String firstUnit() {
        return registration == null ? null : registration.firstUnit();
    }

    /** The view; {@code reveal} shows ID number and phone unmasked. */
    public CaseView view(boolean reveal) {
        if (registration == null) {
            throw new IllegalStateException("no events folded: the case does not exist");
        }
        Petitioner p = registration.petitioner();
        CaseView.PetitionerView petitioner = new CaseView.PetitionerView(p.name(),
                reveal ? p.idNumber() : ResidentIdNumber.mask(p.idNumber()),
                reveal ? p.phone() : PhoneNumber.mask(p.phone()), p.address(), !reveal);
        return new CaseView(id, caseNo, track, status, registration.channel(), registration.category(), petitioner,
                registration.headcount(), registration.collective(), registration.subject(), registration.content(), unit,
                registration.firstUnit(),
                new CaseView.Steps(registration.occurredAt(), signedAt, acceptedAt, declinedAt, respondedAt, handlingMeetingAt,
                        opinionAt, conclusionMeetingAt, resolvedAt),
                decline, response, List.copyOf(meetings), opinion, resolution, List.copyOf(escalations), List.copyOf(transfers),
                limits.stream().map(MutableLimit::view).toList(), version);
    }

    private void restart(String newUnit) {
        unit = newUnit;
        status = "REGISTERED";
        signedAt = null;
    }

    private void meetingAt(MeetingKind kind, Instant at) {
        if (kind == MeetingKind.HANDLING) {
            handlingMeetingAt = at;
        } else {
            conclusionMeetingAt = at;
        }
    }

    private java.util.Optional<MutableLimit> openLimit(Stage stage) {
        for (int i = limits.size() - 1; i >= 0; i--) {
            MutableLimit l = limits.get(i);
            if (l.limit.stage() == stage) {
                return l.stoppedAt == null ? java.util.Optional.of(l) : java.util.Optional.empty();
            }
        }
        return java.util.Optional.empty();
    }

    private static final class MutableLimit {
        final String unit;
        TimeLimit limit;
        TimeLimitStatus status = TimeLimitStatus.OPEN;
        Instant warnedAt;
        Instant breachedAt;
        Instant stoppedAt;
        cn.xinfang.petition.api.StopReason stopReason;

        MutableLimit(String unit, TimeLimit limit) {
            this.unit = unit;
            this.limit = limit;
        }

        void replace(TimeLimit fresh) {
            if (!fresh.due().equals(limit.due())) {
                status = TimeLimitStatus.OPEN;
                warnedAt = null;
                breachedAt = null;
            }
            limit = fresh;
        }

        TimeLimitView view() {
            return new TimeLimitView(limit.stage(), unit, limit.start(), limit.due(), limit.warning(), status, limit.rule(),
                    limit.limit(), limit.extensions(), warnedAt, breachedAt, stoppedAt, stopReason,
                    TimeLimitView.Explanation.of(limit.explanation()));
        }
    }
}
