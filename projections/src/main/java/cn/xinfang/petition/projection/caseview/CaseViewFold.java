package cn.xinfang.petition.projection.caseview;

import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.PhoneNumber;
import cn.xinfang.petition.api.ResidentIdNumber;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.TransferKind;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.event.*;
import cn.xinfang.petition.api.lifecycle.CaseStatusEvolution;
import cn.xinfang.petition.api.lifecycle.StageRun;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Folds a case's events, in order, into its {@link CaseView}. Pure: no I/O, no clock. The status and
 * every stage run move by the shared lifecycle ({@link CaseStatusEvolution}, {@link StageRun}), the
 * same functions the case itself uses.
 */
public final class CaseViewFold {

    private String id;
    private String caseNo;
    private PetitionRegisteredEvent registration;
    private CaseStatus status;
    private cn.xinfang.petition.api.Track track;
    private String unit;
    private Instant signedAt, acceptedAt, declinedAt, respondedAt, handlingMeetingAt, opinionAt, conclusionMeetingAt, resolvedAt;
    private Instant notifiedAt, deliveredAt, reviewDecidedAt, reviewRequestDeadline;
    private final List<CaseView.Notice> notices = new ArrayList<>();
    private CaseView.Delivery delivery;
    private CaseView.ReviewDecisionView reviewDecision;
    private final List<CaseView.Review> reviews = new ArrayList<>();
    private final List<CaseView.Extension> extensions = new ArrayList<>();
    private CaseView.Decline decline;
    private CaseView.Response response;
    private final List<CaseView.Meeting> meetings = new ArrayList<>();
    private CaseView.Opinion opinion;
    private CaseView.Resolution resolution;
    private final List<CaseView.Escalation> escalations = new ArrayList<>();
    private final List<CaseView.Transfer> transfers = new ArrayList<>();
    private final List<StageRun> limits = new ArrayList<>();
    private long version = -1;
    private final BacklogFold backlog = new BacklogFold(); // issue 15

    /** Applies the next event of the case; {@code sequenceNumber} is its position in the case's stream. */
    public CaseViewFold apply(Object event, long sequenceNumber) {
        version = sequenceNumber;
        status = CaseStatusEvolution.evolve(status, event);
        backlog.apply(event);
        if (event instanceof PetitionRegisteredEvent e) {
            id = e.caseId().value();
            caseNo = e.caseNo();
            registration = e;
            track = e.track();
            unit = e.unit();
        } else if (event instanceof PetitionSignedEvent e) {
            signedAt = e.occurredAt();
        } else if (event instanceof PetitionAcceptedEvent e) {
            acceptedAt = e.occurredAt();
        } else if (event instanceof PetitionDeclinedEvent e) {
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
            opinionAt = e.occurredAt();
            opinion = new CaseView.Opinion(e.decision().name(), e.text(), e.actor().userId(), e.occurredAt());
        } else if (event instanceof PetitionResolvedEvent e) {
            resolvedAt = e.occurredAt();
            resolution = new CaseView.Resolution(e.summary(), e.satisfaction() == null ? null : e.satisfaction().name(),
                    e.satisfactionSource() == null ? null : e.satisfactionSource().name(), e.actor().userId(), e.occurredAt());
        } else if (event instanceof PetitionerNotifiedEvent e) {
            notifiedAt = e.occurredAt();
            notices.add(new CaseView.Notice(e.kind().name(), e.mode().name(), e.text(), e.unit(), e.actor().userId(), e.occurredAt()));
        } else if (event instanceof ReplyDeliveredEvent e) {
            deliveredAt = e.occurredAt();
            reviewRequestDeadline = e.reviewRequestDeadline();
            delivery = new CaseView.Delivery(e.mode().name(), e.receivedBy(), e.actor().userId(), e.occurredAt());
        } else if (event instanceof ReviewRequestedEvent e) {
            reviews.add(new CaseView.Review(e.reviewCaseId().value(), e.level().name(), e.unit(), e.occurredAt()));
        } else if (event instanceof ReviewDecidedEvent e) {
            reviewDecidedAt = e.occurredAt();
            opinionAt = e.occurredAt();
            reviewDecision = new CaseView.ReviewDecisionView(e.decision().name(), e.text(), e.actor().userId(), e.occurredAt());
        } else if (event instanceof PetitionEscalatedEvent e) {
            escalations.add(new CaseView.Escalation(e.reason().name(), e.leader(), e.plan(),
            e.stage() == null ? null : e.stage().name(), e.actor().userId(), e.occurredAt()));
        } else if (event instanceof PetitionTransferredEvent e) {
            transfers.add(new CaseView.Transfer(e.fromUnit(), e.toUnit(), e.reason(),
                    e.kind() == null ? TransferKind.TRANSFER.name() : e.kind().name(), false, e.returnableUntil(),
                    e.actor().userId(), e.occurredAt()));
            restart(e.toUnit());
        } else if (event instanceof PetitionReturnedEvent e) {
            transfers.add(new CaseView.Transfer(e.fromUnit(), e.toUnit(), e.reason(), null, true, null, e.actor().userId(),
                    e.occurredAt()));
            restart(e.toUnit());
        } else if (event instanceof PetitionReclassifiedEvent e) {
            track = e.toTrack();
        } else if (event instanceof TimeLimitStartedEvent e) {
            limits.add(StageRun.started(e.timeLimit(), e.unit()));
        } else if (event instanceof TimeLimitStoppedEvent e) {
            moveOpen(e.stage(), run -> run.stopped(e.met(), e.reason(), e.occurredAt()));
        } else if (event instanceof TimeLimitExtendedEvent e) {
            moveOpen(e.stage(), run -> run.replaced(e.timeLimit()));
            extensions.add(new CaseView.Extension(e.stage().name(), e.extension(), e.reason(), e.approvedBy(), e.petitionerToldAt(),
                    e.actor().userId(), e.occurredAt()));
        } else if (event instanceof TimeLimitRecomputedEvent e) {
            moveOpen(e.stage(), run -> run.replaced(e.timeLimit()));
        } else if (event instanceof TimeLimitWarningRaisedEvent e) {
            moveOpen(e.stage(), run -> run.warned(e.occurredAt()));
        } else if (event instanceof TimeLimitBreachedEvent e) {
            moveOpen(e.stage(), run -> run.breached(e.occurredAt()));
        }
        return this;
    }

    public boolean isEmpty() {
        return registration == null;
    }

    public long version() {
        return version;
    }

    /** The case's registration (null before one was folded). */
    public PetitionRegisteredEvent registration() {
        return registration;
    }

    public String caseId() {
        return id;
    }

    public String unit() {
        return unit;
    }

    public String firstUnit() {
        return registration == null ? null : registration.firstUnit();
    }

    /** The unit an accusation accuses (null for other cases). */
    public String accusedUnit() {
        return registration == null ? null : registration.accusedUnit();
    }

    /** The view with the accused unit hidden; {@code reveal} shows ID number and phone unmasked. */
    public CaseView view(boolean reveal) {
        return view(reveal, false);
    }

    /** The view; {@code reveal} shows ID number and phone unmasked, {@code showAccused} the accused unit of an accusation. */
    public CaseView view(boolean reveal, boolean showAccused) {
        if (registration == null) {
            throw new IllegalStateException("no events folded: the case does not exist");
        }
        Petitioner p = registration.petitioner();
        CaseView.PetitionerView petitioner = new CaseView.PetitionerView(p.name(),
                reveal ? p.idNumber() : ResidentIdNumber.mask(p.idNumber()),
                reveal ? p.phone() : PhoneNumber.mask(p.phone()), p.address(), !reveal, p.personId());
        return new CaseView(id, caseNo, track, status, registration.channel(), registration.category(), petitioner,
                registration.headcount(), registration.collective(), registration.subject(), registration.content(), unit,
                registration.firstUnit(), showAccused ? registration.accusedUnit() : null,
                registration.parentCaseId() == null ? null : registration.parentCaseId().value(),
                registration.reviewLevel() == null ? null : registration.reviewLevel().name(), deliveredAt, reviewRequestDeadline,
                new CaseView.Steps(registration.occurredAt(), signedAt, acceptedAt, declinedAt, respondedAt, handlingMeetingAt,
                        opinionAt, conclusionMeetingAt, resolvedAt, notifiedAt, deliveredAt, reviewDecidedAt),
                decline, response, List.copyOf(meetings), opinion, resolution, List.copyOf(escalations), List.copyOf(transfers),
                List.copyOf(notices), delivery, reviewDecision, List.copyOf(reviews), List.copyOf(extensions),
                limits.stream().map(CaseViewFold::view).toList(), version, registration.visitId(), registration.receptionId(),
                backlog.field, backlog.repeatOf(), backlog.view());
    }

    private void restart(String newUnit) {
        unit = newUnit;
        signedAt = null;
    }

    private void meetingAt(MeetingKind kind, Instant at) {
        if (kind == MeetingKind.HANDLING) {
            handlingMeetingAt = at;
        } else {
            conclusionMeetingAt = at;
        }
    }

    /** The latest run of {@code stage}, moved by {@code step} if it is still open. */
    private void moveOpen(Stage stage, UnaryOperator<StageRun> step) {
        for (int i = limits.size() - 1; i >= 0; i--) {
            StageRun run = limits.get(i);
            if (run.stage() == stage) {
                if (run.isOpen()) {
                    limits.set(i, step.apply(run));
                }
                return;
            }
        }
    }

    private static TimeLimitView view(StageRun run) {
        TimeLimit limit = run.limit();
        return new TimeLimitView(limit.stage(), run.unit(), limit.start(), limit.due(), limit.warning(), run.status(), limit.rule(),
                limit.limit(), limit.extensions(), run.warnedAt(), run.breachedAt(), run.stoppedAt(), run.stopReason(),
                TimeLimitView.Explanation.of(limit.explanation()));
    }
}
