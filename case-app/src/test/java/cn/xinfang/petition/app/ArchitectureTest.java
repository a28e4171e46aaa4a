package cn.xinfang.petition.app;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering of the engine: a pure domain (aggregate, saga, commands and events, business time)
 * with no Spring, JPA, Lombok or JSON; projections that read events only; Axon handlers where they
 * belong; controllers that never touch the database; and one clock, the Clock bean.
 */
@AnalyzeClasses(packages = "cn.xinfang.petition", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] PURE = {"..petition.domain..", "..petition.api..", "..petition.process..", "..petition.time.."};

    @ArchTest
    static final ArchRule theDomainHasNoFrameworks = noClasses()
            .that().resideInAnyPackage(PURE)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.persistence..", "lombok..")
            .because("the case domain (aggregate, saga, commands, events, business time) is plain Java and Axon");

    @ArchTest
    static final ArchRule theDomainHasNoJson = noClasses()
            .that().resideInAnyPackage("..petition.domain..", "..petition.api..", "..petition.process..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
            .because("events and commands are serialized by the application's own mapper, not annotated for it");

    @ArchTest
    static final ArchRule onlyTheCalendarFileReadsJson = noClasses()
            .that().resideInAPackage("..petition.time..")
            .and().doNotHaveFullyQualifiedName("cn.xinfang.petition.time.CalendarFile")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml..")
            .because("only CalendarFile reads the holiday calendar with jackson-databind's tree model");

    @ArchTest
    static final ArchRule projectionsReadEventsOnly = noClasses()
            .that().resideInAPackage("..projection..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..petition.domain..", "..petition.process..", "..api.command..", "..petition.app..")
            .because("a projection is a fold of events; it knows neither the aggregate, the saga, commands nor the service");

    @ArchTest
    static final ArchRule theApiStandsAlone = noClasses()
            .that().resideInAPackage("..petition.api..")
            .should().dependOnClassesThat().resideInAnyPackage("..petition.domain..", "..petition.process..", "..petition.time..")
            .because("commands, events and value types are the published language; the implementation depends on them, not the reverse");

    @ArchTest
    static final ArchRule commandAndEventSourcingHandlersLiveInTheDomain = methods()
            .that().areAnnotatedWith("org.axonframework.eventsourcing.EventSourcingHandler")
            .or().areAnnotatedWith("org.axonframework.commandhandling.CommandHandler")
            .should().beDeclaredInClassesThat().resideInAPackage("..domain..")
            .because("only the aggregate decides commands and applies its own events");

    @ArchTest
    static final ArchRule commandHandlingConstructorsLiveInTheDomain = constructors()
            .that().areAnnotatedWith("org.axonframework.commandhandling.CommandHandler")
            .should().beDeclaredInClassesThat().resideInAPackage("..domain..")
            .because("only the aggregate is created by a command");

    @ArchTest
    static final ArchRule sagaAndDeadlineHandlersLiveInTheProcess = methods()
            .that().areAnnotatedWith("org.axonframework.modelling.saga.SagaEventHandler")
            .or().areAnnotatedWith("org.axonframework.deadline.annotation.DeadlineHandler")
            .should().beDeclaredInClassesThat().resideInAPackage("..process..")
            .because("time limits are watched by the time-limit saga alone");

    @ArchTest
    static final ArchRule eventsAreRecordsNamedEvent = classes()
            .that().resideInAPackage("..api.event..")
            .and().areTopLevelClasses()
            .and().areNotInterfaces()
            .and().doNotHaveSimpleName("package-info")
            .should().beRecords()
            .andShould().haveSimpleNameEndingWith("Event")
            .because("events are immutable facts, named as such");

    @ArchTest
    static final ArchRule commandsAreRecordsNamedCommand = classes()
            .that().resideInAPackage("..api.command..")
            .and().areTopLevelClasses()
            .and().areNotInterfaces()
            .and().doNotHaveSimpleName("package-info")
            .and().doNotHaveFullyQualifiedName("cn.xinfang.petition.api.command.CommandChecks")
            .should().beRecords()
            .andShould().haveSimpleNameEndingWith("Command")
            .because("commands are immutable requests, named as such");

    @ArchTest
    static final ArchRule controllersNeverTouchTheDatabase = noClasses()
            .that().resideInAPackage("..app.rest..")
            .should().dependOnClassesThat().resideInAPackage("org.springframework.jdbc..")
            .because("controllers go through the services; SQL lives behind them");

    @ArchTest
    static final ArchRule pagesNeverTouchTheDatabase = noClasses()
            .that().resideInAPackage("..app.web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.axonframework.eventsourcing..")
            .because("the pages call the same services and request checks as the API, never a second way to the data");

    @ArchTest
    static final ArchRule theServiceHasNoPackageCycles = slices()
            .matching("cn.xinfang.petition.app.(*)..")
            .should().beFreeOfCycles()
            .because("services know no HTTP: they throw their own exceptions, and the web layers depend on them, never the reverse");

    @ArchTest
    static final ArchRule servicesKnowNoHttp = noClasses()
            .that().resideInAnyPackage("..app.cases..", "..app.admin..", "..app.audit..", "..app.calendar..", "..app.ops..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.rest..", "..app.web..", "org.springframework.http..",
                    "org.springframework.web..", "jakarta.servlet..")
            .because("application services answer the REST API and the web pages alike; refusals are ServiceExceptions");

    @ArchTest
    static final ArchRule timeComesFromTheClockBean = noClasses()
            .that().resideOutsideOfPackage("..app.config..")
            .should().callMethod(Instant.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(LocalDate.class, "now")
            .orShould().callMethod(ZonedDateTime.class, "now")
            .orShould().callMethod(System.class, "currentTimeMillis")
            .because("every time is read from the injected java.time.Clock (see app.config), so tests and replays control it");
}
