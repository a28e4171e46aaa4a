package cn.xinfang.petition.app.cases;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.command.RegisterPetitionCommand;
import cn.xinfang.petition.api.command.RegisterReviewCaseCommand;
import cn.xinfang.petition.api.command.RequestReviewCommand;
import cn.xinfang.petition.api.event.PetitionRegisteredEvent;
import cn.xinfang.petition.app.problem.ServiceException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.caseview.CaseViewFold;
import cn.xinfang.petition.domain.CaseAction;
import cn.xinfang.petition.domain.CaseLifecycle;
import cn.xinfang.petition.domain.PetitionCase;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Registers cases and takes their steps on behalf of the signed-in user, and reads a case from its
 * events. Handlers see the cases of their unit (and those their unit first received); supervisors
 * and auditors see every case; only supervisors and auditors may see personal data unmasked, and
 * each such reading is logged.
 */
@Service
public class CaseService {

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    /** A registration's answer: the case view, and whether it repeats an earlier answer for the same key. */
    public record Registered(CaseView view, boolean replayed) {
    }

    private final CommandGateway commands;
    private final EventStore events;
    private final CaseNumbers numbers;
    private final IdempotencyKeys keys;
    private final PersonalDataAccessLog accessLog;
    private final Clock clock;
    private final ZoneId zone;
    private final CaseAccessPolicy access;
    private final TransactionTemplate transactions;
    private final Accusations accusations;

    public CaseService(CommandGateway commands, EventStore events, CaseNumbers numbers, IdempotencyKeys keys,
                       PersonalDataAccessLog accessLog, Clock clock, cn.xinfang.petition.time.BusinessTime time,
                       CaseAccessPolicy access, PlatformTransactionManager transactionManager, Accusations accusations) {
        this.accusations = accusations;
        this.access = access;
        this.transactions = new TransactionTemplate(transactionManager);
        this.commands = commands;
        this.events = events;
        this.numbers = numbers;
        this.keys = keys;
        this.accessLog = accessLog;
        this.clock = clock;
        this.zone = time.zone();
    }

    /**
     * Registers a case. {@code command} builds the command from the new case id and case number.
     * With an idempotency key, a repeat of the same request returns the case the first one created.
     */
    public Registered register(Account who, String idempotencyKey, String requestHash, Instant occurredAt,
                               BiFunction<CaseId, String, RegisterPetitionCommand> command) {
        CaseId id = CaseId.newId();
        if (idempotencyKey != null) {
            var earlier = keys.claim(idempotencyKey, who.username(), requestHash, id.value(), clock.instant());
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash().equals(requestHash)) {
                    throw new ServiceException(ServiceException.Kind.UNPROCESSABLE, "idempotency-key-reused",
                            "this Idempotency-Key was used for a different request; use a new key for a new petition",
                            "该 Idempotency-Key 已用于另一请求；新的登记请使用新的键");
                }
                Optional<CaseView> existing = awaitCase(earlier.get().caseId(), who);
                if (existing.isPresent()) {
                    return new Registered(existing.get(), true);
                }
                // the first request claimed the key but never recorded its case (it failed or the node died): start afresh
                keys.release(who.username(), idempotencyKey, earlier.get().caseId());
                return register(who, idempotencyKey, requestHash, occurredAt, command);
            }
        }
        Instant effective = occurredAt != null ? occurredAt : clock.instant();
        String caseNo = numbers.next(effective.atZone(zone).getYear());
        RegisterPetitionCommand cmd = command.apply(id, caseNo);
        try {
            // the case and its accusation entry (条例 第三十条) are recorded together
            transactions.executeWithoutResult(status -> {
                commands.sendAndWait(cmd);
                if (cmd.category() == Category.ACCUSATION) {
                    accusations.record(id.value(), cmd.accusedUnit());
                }
            });
        } catch (RuntimeException e) {
            if (idempotencyKey != null) {
                keys.release(who.username(), idempotencyKey, id.value());
            }
            throw e;
        }
        log.info("case registered caseId={} caseNo={}", id, caseNo);
        // the registering user sees what they registered, even an accusation of their own unit passed on at once
        return new Registered(load(id.value()).view(false, access.seesAccusedUnit(who)), false);
    }

    /**
     * Takes a step and answers the case as the command left it. {@code expectedVersions} (the
     * versions the client decided on, comma-separated; null for any) travel with the command and the
     * case checks them while it is locked (412 version-mismatch); a missing case answers 404: nothing
     * is read beforehand.
     */
    public CaseView step(String caseId, Account who, String expectedVersions, Function<CaseId, Object> command) {
        requireNotHidden(who, caseId);
        Object cmd = command.apply(new CaseId(caseId));
        commands.sendAndWait(expectedVersions == null ? cmd
                : GenericCommandMessage.asCommandMessage(cmd).andMetaData(Map.of(PetitionCase.EXPECTED_VERSION, expectedVersions)));
        log.info("step {} caseId={}", cmd.getClass().getSimpleName(), caseId);
        // the actor just took the step: they see its result even if the case has left their unit
        return load(caseId).view(false, access.seesAccusedUnit(who));
    }

    /** The case as {@code who} may see it; {@code reveal} unmasks personal data for supervisors and auditors, and is logged. */
    public CaseView view(String caseId, Account who, boolean reveal) {
        CaseViewFold fold = load(caseId);
        requireRead(who, fold);
        if (reveal) {
            access.requireReveal(who);
            accessLog.revealed(who, caseId, "case-view", clock.instant());
        }
        return fold.view(reveal, access.seesAccusedUnit(who));
    }

    /**
     * 复查 / 复核: the parent records the request (it refuses one out of time, before delivery, or after
     * 复核), then the review case is registered with the parent's petitioner and matter, in one
     * transaction: a refused request leaves no trace on either case and takes no case number.
     */
    public CaseView requestReview(String parentId, Account who, String unit, String reason, Instant occurredAt, Instant now) {
        CaseViewFold parent = load(parentId);
        requireRead(who, parent);
        CaseLifecycle parentLifecycle = lifecycle(parentId);
        CaseId reviewId = CaseId.newId();
        Instant effective = occurredAt != null ? occurredAt : now;
        transactions.executeWithoutResult(status -> {
            commands.sendAndWait(new RequestReviewCommand(new CaseId(parentId), reviewId, unit, reason, who.actor(), occurredAt, now));
            PetitionRegisteredEvent p = parent.registration();
            String caseNo = numbers.next(effective.atZone(zone).getYear());
            commands.sendAndWait(new RegisterReviewCaseCommand(reviewId, caseNo, p.caseId(), parentLifecycle.nextReviewLevel(),
                    parentLifecycle.track(), p.channel(), p.category(), p.petitioner(), p.headcount(), p.subject(), p.content(), unit,
                    p.accusedUnit(), reason, who.actor(), occurredAt, now));
            accusations.record(reviewId.value(), p.accusedUnit());
        });
        log.info("review requested caseId={} reviewCaseId={}", parentId, reviewId);
        return load(reviewId.value()).view(false, access.seesAccusedUnit(who));
    }

    /** The steps {@code who} may take on the case now (for the pages' forms), by the case's own rules. */
    public List<CaseAction> allowedSteps(String caseId, Account who) {
        CaseLifecycle lifecycle = lifecycle(caseId);
        return lifecycle.status() == null ? List.of() : lifecycle.allowedNow(who.actor());
    }

    /** The case's lifecycle, folded from its events by the case's own rules. */
    private CaseLifecycle lifecycle(String caseId) {
        CaseLifecycle lifecycle = CaseLifecycle.none();
        DomainEventStream stream = events.readEvents(caseId, 0);
        while (stream.hasNext()) {
            lifecycle = lifecycle.evolve(stream.next().getPayload());
        }
        return lifecycle;
    }

    /**
     * The case's events folded; 404 if there are none. Read from the first event: the service stores no snapshots
     * (decision 0007), so the snapshot table is not asked (a transaction less on every read of a case).
     */
    public CaseViewFold load(String caseId) {
        CaseViewFold fold = new CaseViewFold();
        DomainEventStream stream = events.readEvents(caseId, 0);
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            fold.apply(m.getPayload(), m.getSequenceNumber());
        }
        if (fold.isEmpty()) {
            throw ServiceException.notFound("case-not-found", "case " + caseId + " does not exist; check the id",
                    "信访事项 " + caseId + " 不存在，请核对编号");
        }
        return fold;
    }

    /**
     * An accusation is kept from the unit it accuses before anything touches the case: its users get
     * 404 for every step, as for every read (条例 第三十条).
     */
    private void requireNotHidden(Account who, String caseId) {
        if (accusations.keptFrom(who, caseId)) {
            throw ServiceException.notFound("case-not-found", "case " + caseId + " does not exist; check the id",
                    "信访事项 " + caseId + " 不存在，请核对编号");
        }
    }

    /** Refuses {@code who} reading the case (see {@link CaseAccessPolicy}). */
    public void requireRead(Account who, CaseViewFold fold) {
        access.requireRead(who, fold.caseId(), fold.unit(), fold.firstUnit(), fold.accusedUnit());
    }

    /** The case an earlier request with the same key is creating: waits up to 10 s for it to be recorded. */
    private Optional<CaseView> awaitCase(String caseId, Account who) {
        Instant until = clock.instant().plus(Duration.ofSeconds(10));
        while (true) {
            try {
                return Optional.of(view(caseId, who, false));
            } catch (ServiceException e) {
                if (e.kind() != ServiceException.Kind.NOT_FOUND) {
                    throw e;
                }
                if (clock.instant().isAfter(until)) {
                    return Optional.empty();
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
