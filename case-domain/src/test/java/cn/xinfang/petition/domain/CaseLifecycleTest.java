package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.TransferKind;
import cn.xinfang.petition.api.command.SignPetitionCommand;
import cn.xinfang.petition.api.event.MeetingWaivedEvent;
import cn.xinfang.petition.api.event.PetitionDeclinedEvent;
import cn.xinfang.petition.api.event.PetitionReclassifiedEvent;
import cn.xinfang.petition.api.event.PetitionReturnedEvent;
import cn.xinfang.petition.api.event.PetitionTransferredEvent;
import cn.xinfang.petition.time.TimeLimitPolicy;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static cn.xinfang.petition.domain.CaseAction.*;
import static cn.xinfang.petition.domain.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The case lifecycle in plain JUnit: the table of (state, step, actor) → outcome, what each state
 * allows, which stages run, and the finer rules of waivers, transfers, returns, reclassification and
 * occurrence times. States are built by folding events, as the aggregate does.
 */
class CaseLifecycleTest {

    static final Actor OTHER_HANDLER = VILLAGE_HANDLER;

    /** Named states of a SIMPLE case of unit {@code town}, registered Mon 2024-03-04 09:00. */
    static CaseLifecycle state(String name) {
        List<Object> events = new java.util.ArrayList<>(List.of(registered(Track.SIMPLE, "2024-03-04T09:00")));
        switch (name) {
            case "REGISTERED" -> { }
            case "SIGNED" -> events.add(signed("2024-03-04T09:30"));
            case "ACCEPTED" -> events.addAll(List.of(signed("2024-03-04T09:30"), accepted("2024-03-04T10:00")));
            case "RESPONDED" -> events.addAll(List.of(signed("2024-03-04T09:30"), accepted("2024-03-04T10:00"),
                    responded("2024-03-04T11:00")));
            case "HANDLING_MET" -> events.addAll(List.of(signed("2024-03-04T09:30"), accepted("2024-03-04T10:00"),
                    responded("2024-03-04T11:00"), met(MeetingKind.HANDLING, "2024-03-05T09:00")));
            case "OPINION_GIVEN" -> events.addAll(List.of(signed("2024-03-04T09:30"), accepted("2024-03-04T10:00"),
                    responded("2024-03-04T11:00"), met(MeetingKind.HANDLING, "2024-03-05T09:00"),
                    opinionGiven("2024-03-06T09:00")));
            case "CONCLUSION_MET" -> events.addAll(List.of(signed("2024-03-04T09:30"), accepted("2024-03-04T10:00"),
                    responded("2024-03-04T11:00"), met(MeetingKind.HANDLING, "2024-03-05T09:00"),
                    opinionGiven("2024-03-06T09:00"), new MeetingWaivedEvent(ID, MeetingKind.CONCLUSION, "拒绝见面",
                            SUPERVISOR, at("2024-03-07T09:00"), at("2024-03-07T09:00"))));
            case "RESOLVED" -> events.addAll(List.of(signed("2024-03-04T09:30"), accepted("2024-03-04T10:00"),
                    responded("2024-03-04T11:00"), met(MeetingKind.HANDLING, "2024-03-05T09:00"),
                    opinionGiven("2024-03-06T09:00"), met(MeetingKind.CONCLUSION, "2024-03-07T09:00"),
                    resolved("2024-03-07T10:00")));
            case "DECLINED" -> events.addAll(List.of(signed("2024-03-04T09:30"), new PetitionDeclinedEvent(ID, TOWN,
                    "属于诉讼程序", "请向人民法院起诉", HANDLER, at("2024-03-04T10:00"), at("2024-03-04T10:00"))));
            case "TRANSFERRED" -> events.add(new PetitionTransferredEvent(ID, TOWN, VILLAGE, "属地管理",
                    TransferKind.TRANSFER, at("2024-03-11T17:30"), HANDLER, at("2024-03-04T09:20"), at("2024-03-04T09:20")));
            default -> throw new IllegalArgumentException(name);
        }
        CaseLifecycle l = CaseLifecycle.none();
        for (Object e : events) {
            l = l.evolve(e);
        }
        return l;
    }

    static Actor actor(String name) {
        return switch (name) {
            case "UNIT_HANDLER" -> HANDLER;
            case "OTHER_HANDLER" -> OTHER_HANDLER;
            case "SUPERVISOR" -> SUPERVISOR;
            case "AUDITOR" -> AUDITOR;
            case "ADMIN" -> ADMIN;
            case "SYSTEM" -> Actor.SYSTEM;
            case "UNIT_LEADER" -> LEADER;
            case "OTHER_LEADER" -> new Actor("village-leader", VILLAGE, Role.LEADER);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} {1} by {2} → {3}")
    @DisplayName("办理流程表：（状态，环节，操作人）→ 结果")
    @CsvSource({
            // registered: the unit's handler signs; supervisors transfer, reclassify, escalate, extend
            "REGISTERED, SIGN, UNIT_HANDLER, ok",
            "REGISTERED, SIGN, OTHER_HANDLER, not-handler-of-unit",
            "REGISTERED, SIGN, SUPERVISOR, not-handler-of-unit",
            "REGISTERED, SIGN, AUDITOR, not-handler-of-unit",
            "REGISTERED, ACCEPT, UNIT_HANDLER, step-not-allowed",
            "REGISTERED, DECLINE, UNIT_HANDLER, step-not-allowed",
            "REGISTERED, RESPOND, UNIT_HANDLER, step-not-allowed",
            "REGISTERED, GIVE_OPINION, UNIT_HANDLER, step-not-allowed",
            "REGISTERED, RESOLVE, UNIT_HANDLER, step-not-allowed",
            "REGISTERED, TRANSFER, UNIT_HANDLER, ok",
            "REGISTERED, TRANSFER, SUPERVISOR, ok",
            "REGISTERED, TRANSFER, OTHER_HANDLER, not-handler-of-unit",
            "REGISTERED, TRANSFER, AUDITOR, not-handler-of-unit",
            "REGISTERED, RETURN, UNIT_HANDLER, not-transferred",
            "REGISTERED, RECLASSIFY, SUPERVISOR, ok",
            "REGISTERED, RECLASSIFY, UNIT_HANDLER, role-not-permitted",
            "REGISTERED, ESCALATE, SUPERVISOR, ok",
            "REGISTERED, ESCALATE, UNIT_HANDLER, role-not-permitted",
            "REGISTERED, ESCALATE, SYSTEM, role-not-permitted",
            "REGISTERED, EXTEND, SUPERVISOR, ok",
            "REGISTERED, EXTEND, ADMIN, not-handler-of-unit",
            "REGISTERED, EXTEND, UNIT_HANDLER, ok",
            "REGISTERED, NOTIFY, UNIT_HANDLER, ok",
            "REGISTERED, NOTIFY, SUPERVISOR, not-handler-of-unit",
            "REGISTERED, DELIVER, UNIT_HANDLER, step-not-allowed",
            "REGISTERED, REQUEST_REVIEW, UNIT_HANDLER, reply-not-delivered",
            "REGISTERED, DECIDE_REVIEW, UNIT_HANDLER, step-not-allowed",
            "REGISTERED, WAIVE_MEETING, SUPERVISOR, step-not-allowed",
            "REGISTERED, RECOMPUTE, SYSTEM, ok",
            "REGISTERED, RECOMPUTE, ADMIN, ok",
            "REGISTERED, RECOMPUTE, SUPERVISOR, role-not-permitted",
            // signed: accept or decline
            "SIGNED, ACCEPT, UNIT_HANDLER, ok",
            "SIGNED, DECLINE, UNIT_HANDLER, ok",
            "SIGNED, ACCEPT, OTHER_HANDLER, not-handler-of-unit",
            "SIGNED, SIGN, UNIT_HANDLER, step-not-allowed",
            "SIGNED, RESPOND, UNIT_HANDLER, step-not-allowed",
            "SIGNED, TRANSFER, SUPERVISOR, ok",
            "SIGNED, RECLASSIFY, SUPERVISOR, ok",
            // accepted: 一回应两见面 before the opinion
            "ACCEPTED, RESPOND, UNIT_HANDLER, ok",
            "ACCEPTED, MEET_HANDLING, UNIT_HANDLER, ok",
            "ACCEPTED, MEET_CONCLUSION, UNIT_HANDLER, step-not-allowed",
            "ACCEPTED, WAIVE_MEETING, SUPERVISOR, ok",
            "ACCEPTED, WAIVE_MEETING, UNIT_HANDLER, role-not-permitted",
            "ACCEPTED, WAIVE_MEETING, UNIT_LEADER, ok",
            "ACCEPTED, WAIVE_MEETING, OTHER_LEADER, role-not-permitted",
            "ACCEPTED, GIVE_OPINION, UNIT_HANDLER, response-required",
            "ACCEPTED, DECLINE, UNIT_HANDLER, step-not-allowed",
            "ACCEPTED, TRANSFER, SUPERVISOR, step-not-allowed",
            "ACCEPTED, RECLASSIFY, SUPERVISOR, ok",
            "ACCEPTED, RESOLVE, UNIT_HANDLER, step-not-allowed",
            "RESPONDED, RESPOND, UNIT_HANDLER, step-not-allowed",
            "RESPONDED, GIVE_OPINION, UNIT_HANDLER, handling-meeting-required",
            "HANDLING_MET, GIVE_OPINION, UNIT_HANDLER, ok",
            "HANDLING_MET, MEET_HANDLING, UNIT_HANDLER, step-not-allowed",
            "HANDLING_MET, WAIVE_MEETING, SUPERVISOR, step-not-allowed",
            // opinion given: the conclusion meeting before the resolution
            "OPINION_GIVEN, MEET_CONCLUSION, UNIT_HANDLER, ok",
            "OPINION_GIVEN, WAIVE_MEETING, SUPERVISOR, ok",
            "OPINION_GIVEN, RESOLVE, UNIT_HANDLER, conclusion-meeting-required",
            "OPINION_GIVEN, RECLASSIFY, SUPERVISOR, step-not-allowed",
            "OPINION_GIVEN, GIVE_OPINION, UNIT_HANDLER, step-not-allowed",
            "OPINION_GIVEN, ESCALATE, SUPERVISOR, ok",
            "OPINION_GIVEN, EXTEND, SUPERVISOR, ok",
            "OPINION_GIVEN, DELIVER, UNIT_HANDLER, ok",
            "OPINION_GIVEN, DELIVER, SUPERVISOR, not-handler-of-unit",
            "CONCLUSION_MET, RESOLVE, UNIT_HANDLER, ok",
            "CONCLUSION_MET, RESOLVE, SUPERVISOR, not-handler-of-unit",
            "CONCLUSION_MET, MEET_CONCLUSION, UNIT_HANDLER, step-not-allowed",
            // closed: nothing, but who may act is checked first
            "RESOLVED, RESOLVE, UNIT_HANDLER, case-closed",
            "RESOLVED, SIGN, UNIT_HANDLER, case-closed",
            "RESOLVED, ESCALATE, SUPERVISOR, case-closed",
            "RESOLVED, EXTEND, SUPERVISOR, case-closed",
            "RESOLVED, DELIVER, UNIT_HANDLER, ok",
            "RESOLVED, NOTIFY, UNIT_HANDLER, ok",
            "RESOLVED, RESOLVE, AUDITOR, not-handler-of-unit",
            "RESOLVED, ESCALATE, AUDITOR, role-not-permitted",
            "RESOLVED, RECOMPUTE, SYSTEM, ok",
            "DECLINED, ACCEPT, UNIT_HANDLER, case-closed",
            "DECLINED, TRANSFER, SUPERVISOR, case-closed",
            "DECLINED, NOTIFY, UNIT_HANDLER, ok",
            "DECLINED, REQUEST_REVIEW, SUPERVISOR, reply-not-delivered",
            // transferred: the receiving unit signs or returns; the sending one no longer acts
            "TRANSFERRED, SIGN, OTHER_HANDLER, ok",
            "TRANSFERRED, RETURN, OTHER_HANDLER, ok",
            "TRANSFERRED, SIGN, UNIT_HANDLER, not-handler-of-unit",
            "TRANSFERRED, RETURN, UNIT_HANDLER, not-handler-of-unit",
    })
    void theTable(String state, CaseAction action, String actor, String outcome) {
        Optional<Rejection> r = state(state).check(action, actor(actor));
        assertThat(r.map(x -> x.code().code()).orElse("ok")).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "{0}")
    @DisplayName("先判断谁可以办理，再判断事项状态：审计人员在任何状态下都被拒绝为“无权”")
    @CsvSource({"REGISTERED", "SIGNED", "ACCEPTED", "OPINION_GIVEN", "RESOLVED", "DECLINED", "TRANSFERRED"})
    void anAuditorIsRefusedAsSuchInEveryState(String state) {
        for (CaseAction action : CaseAction.values()) {
            Optional<Rejection> r = state(state).check(action, AUDITOR);
            assertThat(r).as(action.name()).isPresent();
            assertThat(r.get().code().kind()).as(action.name()).isEqualTo(RuleCode.Kind.FORBIDDEN);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @DisplayName("当前可办理的环节")
    @CsvSource(delimiter = ';', value = {
            "REGISTERED; SIGN ESCALATE TRANSFER RECLASSIFY EXTEND NOTIFY",
            "SIGNED; ACCEPT DECLINE ESCALATE TRANSFER RECLASSIFY EXTEND NOTIFY",
            "ACCEPTED; RESPOND MEET_HANDLING WAIVE_MEETING ESCALATE RECLASSIFY EXTEND NOTIFY",
            "RESPONDED; MEET_HANDLING WAIVE_MEETING ESCALATE RECLASSIFY EXTEND NOTIFY",
            "HANDLING_MET; GIVE_OPINION ESCALATE RECLASSIFY EXTEND NOTIFY",
            "OPINION_GIVEN; MEET_CONCLUSION WAIVE_MEETING ESCALATE EXTEND NOTIFY DELIVER",
            "CONCLUSION_MET; RESOLVE ESCALATE EXTEND NOTIFY DELIVER",
            "RESOLVED; NOTIFY DELIVER",
            "DECLINED; NOTIFY",
            "TRANSFERRED; SIGN ESCALATE TRANSFER RETURN RECLASSIFY EXTEND NOTIFY"})
    void allowedNow(String state, String actions) {
        List<String> expected = actions.isBlank() ? List.of() : List.of(actions.split(" "));
        // in the order of the lifecycle: sign, accept, decline, respond, meetings, waive, opinion, resolve,
        // escalate, transfer, return, reclassify, extend
        assertThat(state(state).allowedNow()).extracting(Enum::name).containsExactlyElementsOf(expected);
    }

    @Test
    void allowedNowForAnActorKeepsOnlyTheStepsTheyMayTake() {
        assertThat(state("ACCEPTED").allowedNow(HANDLER)).containsExactly(RESPOND, MEET_HANDLING, EXTEND, NOTIFY);
        assertThat(state("ACCEPTED").allowedNow(SUPERVISOR)).containsExactly(WAIVE_MEETING, ESCALATE, RECLASSIFY, EXTEND);
        assertThat(state("ACCEPTED").allowedNow(AUDITOR)).isEmpty();
        assertThat(state("TRANSFERRED").allowedNow(OTHER_HANDLER)).containsExactly(SIGN, TRANSFER, RETURN, EXTEND, NOTIFY);
    }

    @Test
    @DisplayName("状态由事件演进：转送后回到已登记，由接收单位办理")
    void statusAndUnitFollowTheEvents() {
        assertThat(state("SIGNED").status()).isEqualTo(CaseStatus.SIGNED);
        assertThat(state("RESOLVED").status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(state("TRANSFERRED").status()).isEqualTo(CaseStatus.REGISTERED);
        assertThat(state("TRANSFERRED").unit()).isEqualTo(VILLAGE);
        assertThat(state("TRANSFERRED").transferredFrom()).isEqualTo(TOWN);
        CaseLifecycle returned = state("TRANSFERRED").evolve(new PetitionReturnedEvent(ID, VILLAGE, TOWN, "不属本村",
                VILLAGE_HANDLER, at("2024-03-05T10:00"), at("2024-03-05T10:00")));
        assertThat(returned.unit()).isEqualTo(TOWN);
        assertThat(returned.transferredFrom()).isNull();
        assertThat(returned.lastOccurredAt()).isEqualTo(at("2024-03-05T10:00"));
    }

    @Nested
    class RunningStages {

        final TimeLimitPolicy policy = TimeLimitPolicy.townDefault();

        @Test
        @DisplayName("各状态下计时的环节及其起算时间")
        void theStagesEachStateRuns() {
            Instant r = at("2024-03-04T09:00");
            assertThat(state("REGISTERED").runningStages(policy)).containsExactly(Map.entry(Stage.SIGN, r), Map.entry(Stage.NOTIFY, r));
            assertThat(state("SIGNED").runningStages(policy)).containsExactly(Map.entry(Stage.ACCEPT, at("2024-03-04T09:30")),
                    Map.entry(Stage.NOTIFY, r));
            Map<Stage, Instant> accepted = new LinkedHashMap<>();
            accepted.put(Stage.RESPOND, at("2024-03-04T10:00"));
            accepted.put(Stage.MEET_HANDLING, at("2024-03-04T10:00"));
            accepted.put(Stage.OPINION, at("2024-03-04T10:00"));
            accepted.put(Stage.CONCLUDE, at("2024-03-04T10:00"));
            accepted.put(Stage.NOTIFY, r);
            assertThat(state("ACCEPTED").runningStages(policy)).containsExactlyEntriesOf(accepted);
            assertThat(state("HANDLING_MET").runningStages(policy)).containsOnlyKeys(Stage.OPINION, Stage.CONCLUDE, Stage.NOTIFY);
            assertThat(state("OPINION_GIVEN").runningStages(policy)).containsExactly(
                    Map.entry(Stage.MEET_CONCLUSION, at("2024-03-06T09:00")), Map.entry(Stage.CONCLUDE, at("2024-03-04T10:00")),
                    Map.entry(Stage.NOTIFY, r));
            assertThat(state("CONCLUSION_MET").runningStages(policy)).containsOnlyKeys(Stage.CONCLUDE, Stage.NOTIFY);
            // closed, but the reply is not delivered and no written notice given: both still run
            assertThat(state("RESOLVED").runningStages(policy)).containsOnlyKeys(Stage.CONCLUDE, Stage.NOTIFY);
            assertThat(state("DECLINED").runningStages(policy)).containsOnlyKeys(Stage.NOTIFY);
            assertThat(state("TRANSFERRED").runningStages(policy)).containsExactly(Map.entry(Stage.SIGN, at("2024-03-04T09:20")),
                    Map.entry(Stage.NOTIFY, at("2024-03-04T09:20")));
        }

        @Test
        @DisplayName("一般程序：受理自登记起算，签收不计时")
        void aGeneralCaseCountsAcceptanceFromRegistration() {
            CaseLifecycle general = state("SIGNED").evolve(new PetitionReclassifiedEvent(ID, Track.SIMPLE, Track.GENERAL,
                    SUPERVISOR, at("2024-03-04T09:40"), at("2024-03-04T09:40")));
            assertThat(general.runningStages(policy)).containsExactly(Map.entry(Stage.ACCEPT, at("2024-03-04T09:00")),
                    Map.entry(Stage.NOTIFY, at("2024-03-04T09:00")));
        }
    }

    @Nested
    class FinerRules {

        @Test
        void aMeetingIsWaivedOnlyWhileItIsDue() {
            assertThat(state("ACCEPTED").checkWaiver(MeetingKind.HANDLING)).isEmpty();
            assertThat(state("ACCEPTED").checkWaiver(MeetingKind.CONCLUSION)).map(Rejection::code).contains(RuleCode.MEETING_NOT_DUE);
            assertThat(state("OPINION_GIVEN").checkWaiver(MeetingKind.CONCLUSION)).isEmpty();
            assertThat(state("OPINION_GIVEN").checkWaiver(MeetingKind.HANDLING)).map(Rejection::code).contains(RuleCode.MEETING_NOT_DUE);
        }

        @Test
        void aCaseIsNotTransferredToTheUnitItIsWith() {
            assertThat(state("REGISTERED").checkTransfer(TOWN, UNITS)).map(Rejection::code).contains(RuleCode.TRANSFER_TO_SAME_UNIT);
            assertThat(state("REGISTERED").checkTransfer(VILLAGE, UNITS)).isEmpty();
        }

        @Test
        @DisplayName("退回：转送后 5 个工作日内（至 03-11 17:30，含）")
        void aReturnIsAllowedUpToTheReturnableInstantInclusive() {
            CaseLifecycle t = state("TRANSFERRED");
            assertThat(t.checkReturn(at("2024-03-11T17:30"), UNITS)).isEmpty();
            assertThat(t.checkReturn(at("2024-03-11T17:31"), UNITS)).map(Rejection::code).contains(RuleCode.RETURN_PERIOD_EXPIRED);
        }

        @Test
        void reclassificationChangesTheTrackAndGoesBackOnlyBeforeAcceptance() {
            assertThat(state("SIGNED").checkReclassification(Track.SIMPLE)).map(Rejection::code).contains(RuleCode.SAME_TRACK);
            assertThat(state("SIGNED").checkReclassification(Track.GENERAL)).isEmpty();
            CaseLifecycle acceptedGeneral = state("ACCEPTED").evolve(new PetitionReclassifiedEvent(ID, Track.SIMPLE,
                    Track.GENERAL, SUPERVISOR, at("2024-03-04T10:10"), at("2024-03-04T10:10")));
            assertThat(acceptedGeneral.checkReclassification(Track.SIMPLE)).map(Rejection::code)
                    .contains(RuleCode.RECLASSIFY_AFTER_ACCEPTANCE);
        }

        @Test
        @DisplayName("发生时间：可早于记录时间（补录），不得晚于记录时间 1 分钟以上，不得早于上一环节")
        void occurrenceTimes() {
            CaseLifecycle l = state("REGISTERED"); // last step Mon 09:00
            Duration skew = Duration.ofMinutes(1);
            Instant recorded = at("2024-03-04T10:00");
            assertThat(l.occurrence(new SignPetitionCommand(ID, HANDLER, null, recorded), skew)).isEqualTo(recorded);
            assertThat(l.occurrence(new SignPetitionCommand(ID, HANDLER, at("2024-03-04T09:10"), recorded), skew))
                    .isEqualTo(at("2024-03-04T09:10"));
            assertThat(l.occurrence(new SignPetitionCommand(ID, HANDLER, recorded.plusSeconds(60), recorded), skew))
                    .isEqualTo(recorded.plusSeconds(60));
            assertThatThrownBy(() -> l.occurrence(new SignPetitionCommand(ID, HANDLER, recorded.plusSeconds(61), recorded), skew))
                    .isInstanceOfSatisfying(CaseRuleViolation.class, v -> assertThat(v.code()).isEqualTo(RuleCode.OCCURRED_AT_IN_FUTURE));
            assertThatThrownBy(() -> l.occurrence(new SignPetitionCommand(ID, HANDLER, at("2024-03-04T08:59"), recorded), skew))
                    .isInstanceOfSatisfying(CaseRuleViolation.class,
                            v -> assertThat(v.code()).isEqualTo(RuleCode.OCCURRED_AT_BEFORE_PREVIOUS_STEP));
            // recorded before the previous step (a clock behind a back-entered step): counts from the previous step
            assertThat(l.occurrence(new SignPetitionCommand(ID, HANDLER, null, at("2024-03-04T08:00")), skew))
                    .isEqualTo(at("2024-03-04T09:00"));
        }

        @Test
        void whoMayRegister() {
            assertThat(CaseLifecycle.mayRegister(HANDLER)).isEmpty();
            assertThat(CaseLifecycle.mayRegister(SUPERVISOR)).isEmpty();
            Set<Role> refused = EnumSet.of(Role.AUDITOR, Role.ADMIN, Role.SYSTEM);
            for (Role role : refused) {
                assertThat(CaseLifecycle.mayRegister(new Actor("x", null, role))).map(Rejection::code)
                        .as(role.name()).contains(RuleCode.ROLE_NOT_PERMITTED);
            }
        }
    }
}
