package cn.xinfang.petition.app.cases;

import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.command.RegisterPetitionCommand;
import cn.xinfang.petition.app.rest.ApiException;
import cn.xinfang.petition.app.security.Account;
import cn.xinfang.petition.projection.caseview.CaseView;
import cn.xinfang.petition.projection.caseview.CaseViewFold;
import cn.xinfang.petition.domain.PetitionCase;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
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

    public CaseService(CommandGateway commands, EventStore events, CaseNumbers numbers, IdempotencyKeys keys,
                       PersonalDataAccessLog accessLog, Clock clock, cn.xinfang.petition.time.BusinessTime time) {
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
                    throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused",
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
        try {
            commands.sendAndWait(command.apply(id, caseNo));
        } catch (RuntimeException e) {
            if (idempotencyKey != null) {
                keys.release(who.username(), idempotencyKey, id.value());
            }
            throw e;
        }
        log.info("case registered caseId={} caseNo={}", id, caseNo);
        return new Registered(view(id.value(), who, false), false);
    }

    /**
     * Takes a step: checks that the case exists and that {@code ifMatch} (the ETag the client
     * holds), if given, is the case's current version, sends the command, and answers the case
     * as the command left it.
     */
    public CaseView step(String caseId, Account who, String ifMatch, Function<CaseId, Object> command) {
        Object cmd = command.apply(new CaseId(caseId));
        String expected = expectedVersions(ifMatch);
        // The version the client decided on travels with the command; the case checks it while it is
        // locked (412 version-mismatch), and a missing case answers 404: nothing is read beforehand.
        commands.sendAndWait(expected == null ? cmd
                : GenericCommandMessage.asCommandMessage(cmd).andMetaData(Map.of(PetitionCase.EXPECTED_VERSION, expected)));
        log.info("step {} caseId={}", cmd.getClass().getSimpleName(), caseId);
        // the actor just took the step: they see its result even if the case has left their unit
        return load(caseId).view(false);
    }

    /** The case as {@code who} may see it; {@code reveal} unmasks personal data for supervisors and auditors, and is logged. */
    public CaseView view(String caseId, Account who, boolean reveal) {
        CaseViewFold fold = load(caseId);
        requireRead(who, fold);
        if (reveal) {
            if (who.role() != Role.SUPERVISOR && who.role() != Role.AUDITOR) {
                throw ApiException.forbidden("only supervisors and auditors may see personal data unmasked",
                        "只有督查和审计人员可以查看未脱敏的个人信息");
            }
            accessLog.revealed(who, caseId, "case-view", clock.instant());
        }
        return fold.view(reveal);
    }

    /** The case's events folded; 404 if there are none. */
    public CaseViewFold load(String caseId) {
        CaseViewFold fold = new CaseViewFold();
        DomainEventStream stream = events.readEvents(caseId);
        while (stream.hasNext()) {
            DomainEventMessage<?> m = stream.next();
            fold.apply(m.getPayload(), m.getSequenceNumber());
        }
        if (fold.isEmpty()) {
            throw new ApiException(HttpStatus.NOT_FOUND, "case-not-found", "case " + caseId + " does not exist; check the id",
                    "信访事项 " + caseId + " 不存在，请核对编号");
        }
        return fold;
    }

    /** Whether {@code who} may read a case: all of it for supervisors and auditors, their unit's cases for handlers. */
    public void requireRead(Account who, CaseViewFold fold) {
        boolean allowed = switch (who.role()) {
            case SUPERVISOR, AUDITOR -> true;
            case HANDLER -> who.unit() != null && (who.unit().equals(fold.unit()) || who.unit().equals(fold.firstUnit()));
            default -> false;
        };
        if (!allowed && who.role() == Role.HANDLER) {
            throw ApiException.forbidden("handlers see only their own unit's cases; this one is not with unit " + who.unit(),
                    "经办人只能查看本单位的事项；该事项不在 " + who.unit() + " 办理");
        }
        if (!allowed) {
            throw ApiException.forbidden("the role " + who.role() + " has no access to cases", "角色 " + who.role() + " 无权查看信访事项");
        }
    }

    /** The case an earlier request with the same key is creating: waits up to 10 s for it to be recorded. */
    private Optional<CaseView> awaitCase(String caseId, Account who) {
        Instant until = clock.instant().plus(Duration.ofSeconds(10));
        while (true) {
            try {
                return Optional.of(view(caseId, who, false));
            } catch (ApiException e) {
                if (e.status() != HttpStatus.NOT_FOUND) {
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

    /**
     * The versions an {@code If-Match} header accepts, comma-separated ({@code "4"}, {@code W/"4"},
     * {@code "3", "4"}), or null for none given or {@code *}. A header naming no version at all
     * can match nothing: it is refused with 412 at once.
     */
    static String expectedVersions(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return null;
        }
        java.util.List<String> versions = new java.util.ArrayList<>();
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            t = t.replace("\"", "");
            if (t.matches("\\d{1,18}")) {
                versions.add(Long.toString(Long.parseLong(t)));
            }
        }
        if (versions.isEmpty()) {
            throw new ApiException(HttpStatus.PRECONDITION_FAILED, "version-mismatch",
                    "If-Match " + ifMatch + " names no version of this case; send the ETag of the case as you last read it",
                    "If-Match 未给出有效的版本；请使用最近一次读取该事项时的 ETag");
        }
        return String.join(",", versions);
    }
}
