package cn.xinfang.petition.domain.visit;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.visit.*;
import cn.xinfang.petition.domain.CaseRuleViolation;
import cn.xinfang.petition.domain.RuleCode;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static cn.xinfang.petition.domain.CaseFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Given/when/then of the visit, reception and rota aggregates (issue 14). */
class VisitAggregatesTest {

    static final Instant NOW = Instant.parse("2024-01-08T02:00:00Z");
    static final Petitioner PERSON = new Petitioner("张三", "11010519491231002X", "13812345678", "一村三组");
    static final VisitDetails DETAILS = new VisitDetails(LocalDate.parse("2024-01-08"), List.of("handler"), PERSON, "一村三组",
            "反映宅基地纠纷", null, null);

    @Nested
    class Visits {

        final AggregateTestFixture<Visit> fixture = new AggregateTestFixture<>(Visit.class);

        @Test
        void aHandlerRecordsForTheirUnit() {
            fixture.givenNoPriorActivity()
                    .when(new RecordVisitCommand("v1", "2024-0001", TOWN, DETAILS, HANDLER, NOW))
                    .expectEvents(new VisitRecordedEvent("v1", "2024-0001", TOWN, DETAILS, HANDLER, NOW));
        }

        @Test
        void aSupervisorRecordsForAnyUnit() {
            fixture.givenNoPriorActivity()
                    .when(new RecordVisitCommand("v1", "2024-0001", VILLAGE, DETAILS, SUPERVISOR, NOW))
                    .expectEvents(new VisitRecordedEvent("v1", "2024-0001", VILLAGE, DETAILS, SUPERVISOR, NOW));
        }

        @Test
        void anotherUnitsHandlerIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordVisitCommand("v1", "2024-0001", TOWN, DETAILS, VILLAGE_HANDLER, NOW))
                    .expectNoEvents()
                    .expectException(CaseRuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith(RuleCode.NOT_OWN_UNIT.code()));
        }

        @Test
        void anAuditorIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RecordVisitCommand("v1", "2024-0001", TOWN, DETAILS, AUDITOR, NOW))
                    .expectNoEvents()
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith(RuleCode.RECORD_ROLE_NOT_PERMITTED.code()));
        }

        @Test
        void aCorrectionIsRecordedWithWhoAndWhen() {
            VisitDetails corrected = new VisitDetails(DETAILS.visitedAt(), List.of("handler", "leader"), PERSON, "一村三组",
                    "反映宅基地纠纷", "已调解", null);
            fixture.given(new VisitRecordedEvent("v1", "2024-0001", TOWN, DETAILS, HANDLER, NOW))
                    .when(new CorrectVisitCommand("v1", corrected, LEADER, NOW.plusSeconds(60)))
                    .expectEvents(new VisitCorrectedEvent("v1", TOWN, corrected, LEADER, NOW.plusSeconds(60)));
        }

        @Test
        void aCaseIsRaisedOnce() {
            fixture.given(new VisitRecordedEvent("v1", "2024-0001", TOWN, DETAILS, HANDLER, NOW),
                            new VisitCaseLinkedEvent("v1", TOWN, "c1", HANDLER, NOW))
                    .when(new LinkVisitCaseCommand("v1", "c2", HANDLER, NOW))
                    .expectNoEvents()
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith(RuleCode.CASE_ALREADY_RAISED.code()));
        }
    }

    @Nested
    class Rota {

        final AggregateTestFixture<ReceptionRota> fixture = new AggregateTestFixture<>(ReceptionRota.class);
        final Actor admin = new Actor("admin", null, Role.ADMIN);

        Rota() {
            fixture.registerInjectableResource(rules());
        }

        @Test
        void aSupervisorGeneratesAWeek() {
            // 2024-01-08 (Mon) .. 01-14 (Sun): Mon shuji, Tue a, Wed b, Thu a, Fri zhenzhang
            List<RotaEntry> week = List.of(new RotaEntry(d("2024-01-08"), "shuji", null), new RotaEntry(d("2024-01-09"), "a", null),
                    new RotaEntry(d("2024-01-10"), "b", null), new RotaEntry(d("2024-01-11"), "a", null),
                    new RotaEntry(d("2024-01-12"), "zhenzhang", null));
            fixture.givenNoPriorActivity()
                    .when(new GenerateRotaCommand("rota:town", TOWN, d("2024-01-08"), d("2024-01-14"), "shuji", "zhenzhang",
                            List.of("a", "b"), SUPERVISOR, NOW))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.exactSequenceOf(
                            org.axonframework.test.matchers.Matchers.messageWithPayload(org.hamcrest.Matchers.<Object>allOf(
                                    org.hamcrest.Matchers.instanceOf(RotaGeneratedEvent.class),
                                    org.hamcrest.Matchers.hasToString(org.hamcrest.Matchers.containsString(week.toString())))),
                            org.axonframework.test.matchers.Matchers.andNoMore()));
        }

        @Test
        void aHandlerMayNotPlan() {
            fixture.givenNoPriorActivity()
                    .when(new GenerateRotaCommand("rota:town", TOWN, d("2024-01-08"), d("2024-01-14"), "shuji", "zhenzhang",
                            List.of("a"), HANDLER, NOW))
                    .expectNoEvents()
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith(RuleCode.RECORD_ROLE_NOT_PERMITTED.code()));
        }

        @Test
        void aPeriodWithoutWorkingDaysIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new GenerateRotaCommand("rota:town", TOWN, d("2024-02-10"), d("2024-02-17"), "shuji", "zhenzhang",
                            List.of("a"), admin, NOW))
                    .expectNoEvents()
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith(RuleCode.ROTA_NO_WORKING_DAY.code()));
        }

        @Test
        void aDayIsSwappedWithItsReason() {
            fixture.given(generated())
                    .when(new SwapRotaDayCommand("rota:town", d("2024-01-09"), "b", "外出开会", SUPERVISOR, NOW))
                    .expectEvents(new RotaDaySwappedEvent(TOWN, d("2024-01-09"), "a", "b", "外出开会", SUPERVISOR, NOW));
        }

        @Test
        void aDayWithoutEntryCannotBeSwapped() {
            fixture.given(generated())
                    .when(new SwapRotaDayCommand("rota:town", d("2024-01-13"), "b", "周六", SUPERVISOR, NOW))
                    .expectNoEvents()
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith(RuleCode.ROTA_DAY_NOT_SCHEDULED.code()));
        }

        RotaGeneratedEvent generated() {
            return new RotaGeneratedEvent(TOWN, d("2024-01-08"), d("2024-01-12"), List.of(new RotaEntry(d("2024-01-08"), "shuji", null),
                    new RotaEntry(d("2024-01-09"), "a", null), new RotaEntry(d("2024-01-10"), "a", null),
                    new RotaEntry(d("2024-01-11"), "a", null), new RotaEntry(d("2024-01-12"), "zhenzhang", null)), "v", SUPERVISOR, NOW);
        }
    }

    @Nested
    class Receptions {

        final AggregateTestFixture<Reception> fixture = new AggregateTestFixture<>(Reception.class);

        @Test
        void aLeaderRecordsAReceptionAndItsCase() {
            fixture.givenNoPriorActivity()
                    .when(new RecordReceptionCommand("r1", TOWN, d("2024-01-08"), "leader", ReceptionKind.RECEPTION, PERSON, 1, "诉求",
                            LEADER, NOW))
                    .expectEvents(new ReceptionRecordedEvent("r1", TOWN, d("2024-01-08"), "leader", ReceptionKind.RECEPTION, PERSON, 1,
                            "诉求", LEADER, NOW));
            fixture.given(new ReceptionRecordedEvent("r1", TOWN, d("2024-01-08"), "leader", ReceptionKind.RECEPTION, PERSON, 1, "诉求",
                            LEADER, NOW))
                    .when(new LinkReceptionCaseCommand("r1", "c1", LEADER, NOW))
                    .expectEvents(new ReceptionCaseLinkedEvent("r1", TOWN, "c1", LEADER, NOW));
        }
    }

    @Nested
    class RaisingACase {

        final AggregateTestFixture<cn.xinfang.petition.domain.PetitionCase> fixture =
                new AggregateTestFixture<>(cn.xinfang.petition.domain.PetitionCase.class);

        RaisingACase() {
            fixture.registerInjectableResource(rules());
            fixture.registerInjectableResource(UNITS);
        }

        cn.xinfang.petition.api.command.RegisterPetitionCommand register(Actor actor, String unit, String visitId, String receptionId) {
            return new cn.xinfang.petition.api.command.RegisterPetitionCommand(new cn.xinfang.petition.api.CaseId("c1"), "2024-000001",
                    cn.xinfang.petition.api.Track.SIMPLE, cn.xinfang.petition.api.Channel.LEADER_RECEPTION,
                    cn.xinfang.petition.api.Category.COMPLAINT, PERSON, 1, "s", "c", unit, null, actor, null, NOW, visitId, receptionId, null, null);
        }

        @Test
        void aLeaderRaisesTheCaseOfTheirUnitsReceptionWithTheLink() {
            fixture.givenNoPriorActivity()
                    .when(register(LEADER, TOWN, null, "r1"))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.listWithAnyOf(linkedTo("r1"))));
        }

        org.hamcrest.Matcher<Object> linkedTo(String receptionId) {
            return new org.hamcrest.TypeSafeMatcher<>() {
                @Override
                protected boolean matchesSafely(Object item) {
                    return item instanceof cn.xinfang.petition.api.event.PetitionRegisteredEvent e && receptionId.equals(e.receptionId())
                            && e.visitId() == null;
                }

                @Override
                public void describeTo(org.hamcrest.Description d) {
                    d.appendText("a registration linked to reception " + receptionId);
                }
            };
        }

        @Test
        void aLeaderWithoutARecordOrOfAnotherUnitMayNotRegister() {
            fixture.givenNoPriorActivity()
                    .when(register(LEADER, TOWN, null, null))
                    .expectNoEvents()
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith(RuleCode.ROLE_NOT_PERMITTED.code()));
            fixture.givenNoPriorActivity()
                    .when(register(LEADER, VILLAGE, "v1", null))
                    .expectNoEvents()
                    .expectExceptionMessage(org.hamcrest.Matchers.startsWith(RuleCode.ROLE_NOT_PERMITTED.code()));
        }
    }

    @Test
    void theRotaIdIsPerUnit() {
        assertThat(ReceptionRota.idOf("town")).isEqualTo("rota:town");
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
