package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Decision;
import cn.xinfang.petition.api.DeliveryMode;
import cn.xinfang.petition.api.NoticeKind;
import cn.xinfang.petition.api.NoticeMode;
import cn.xinfang.petition.api.LimitAmount;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.ResponseMode;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Satisfaction;
import cn.xinfang.petition.api.SatisfactionSource;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.StopReason;
import cn.xinfang.petition.api.TimeLimit;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.command.*;
import cn.xinfang.petition.api.event.*;
import cn.xinfang.petition.time.BusinessTime;
import cn.xinfang.petition.time.CalendarFile;
import cn.xinfang.petition.time.TimeLimitCalculator;
import cn.xinfang.petition.time.TimeLimitPolicy;
import cn.xinfang.petition.time.TimeRules;
import cn.xinfang.petition.time.WorkingHours;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Small factories for the case's commands and events, so that each test shows only what differs.
 * Times are written in Asia/Shanghai local time ("2024-03-01T09:00").
 * <p>
 * Every time limit here has its due and warning instants counted by hand ({@link #HAND}), never by
 * the calculator the case uses: a wrong count in the engine fails the tests. Only a limit's
 * explanation (how it was counted) is taken from the calculator; DeadlineExplanationTest checks it.
 */
public final class CaseFixtures {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final CaseId ID = new CaseId("case-1");
    public static final String TOWN = "town";
    public static final String VILLAGE = "village-1";
    public static final Actor HANDLER = new Actor("handler", TOWN, Role.HANDLER);
    public static final Actor VILLAGE_HANDLER = new Actor("village1", VILLAGE, Role.HANDLER);
    public static final Actor SUPERVISOR = new Actor("supervisor", null, Role.SUPERVISOR);
    public static final Actor AUDITOR = new Actor("auditor", null, Role.AUDITOR);
    public static final Actor ADMIN = new Actor("admin", null, Role.ADMIN);
    public static final Actor LEADER = new Actor("leader", TOWN, Role.LEADER);
    /** Villages are under the town. */
    public static final UnitHierarchy UNITS = (unit, other) -> unit != null && (unit.equals(other)
            || (other.equals(TOWN) && (unit.equals(VILLAGE) || unit.equals("village-2"))));
    public static final Petitioner PETITIONER = new Petitioner("张三", "11010519491231002X", "13812345678", "一村三组");
    public static final TimeLimitCalculator CALC = new TimeLimitCalculator(TimeLimitPolicy.townDefault(),
            new BusinessTime(CalendarFile.shipped(), WorkingHours.DEFAULT, ZONE));

    /**
     * Hand-counted limits: "TRACK STAGE start" → {due, warning}. Working hours 08:30–12:00 and
     * 14:00–17:30; 2024: 清明 04-04..06 off, Sun 04-07 worked; 劳动节 05-01..05 off, Sun 04-28 worked.
     * The warning is at 75 % of the allowed working time (from the start for hours, from the opening
     * of the first counted day for days).
     */
    static final Map<String, String[]> HAND = Map.ofEntries(
            // Mon 09:00 + 2 working hours = 11:00; 75 % = 1 h 30 → 10:30
            entry("SIMPLE SIGN 2024-03-04T09:00", new String[]{"2024-03-04T11:00", "2024-03-04T10:30"}),
            // transferred Mon 09:20: + 2 h = 11:20; warning 10:50
            entry("SIMPLE SIGN 2024-03-04T09:20", new String[]{"2024-03-04T11:20", "2024-03-04T10:50"}),
            // returned Fri 03-08 10:00: + 2 h = 12:00 (the count ends at the noon closing); warning 11:30
            entry("SIMPLE SIGN 2024-03-08T10:00", new String[]{"2024-03-08T12:00", "2024-03-08T11:30"}),
            // signed Mon 09:30: + 2 h = 11:30; warning 11:00
            entry("SIMPLE ACCEPT 2024-03-04T09:30", new String[]{"2024-03-04T11:30", "2024-03-04T11:00"}),
            // accepted Mon 03-04: day 1 = Tue 03-05 → 17:30; 7 h × 75 % = 5 h 15 from 08:30 → 15:45
            entry("SIMPLE RESPOND 2024-03-04T10:00", new String[]{"2024-03-05T17:30", "2024-03-05T15:45"}),
            // 03-05 (1) 06 (2) 07 (3) 08 (4) 11 (5) → Mon 03-11 17:30; 35 h × 75 % = 26 h 15:
            // three days (21 h) + 5 h 15 on Fri 03-08 → 15:45
            entry("SIMPLE OPINION 2024-03-04T10:00", new String[]{"2024-03-11T17:30", "2024-03-08T15:45"}),
            entry("SIMPLE MEET_HANDLING 2024-03-04T10:00", new String[]{"2024-03-11T17:30", "2024-03-08T15:45"}),
            // 03-04 + 60 days = Fri 05-03 (劳动节) → Mon 05-06 17:30. Working days 03-05..05-06:
            // March 19, April 22 (with Sun 04-07 and Sun 04-28), May 1 = 42 days = 294 h; 75 % = 220 h 30 =
            // 31 days + 3 h 30 → the 32nd working day (Thu 04-18) at 12:00
            entry("SIMPLE CONCLUDE 2024-03-04T10:00", new String[]{"2024-05-06T17:30", "2024-04-18T12:00"}),
            // opinion Wed 03-06: 03-07 (1) 08 (2) 11 (3) → 17:30; 21 h × 75 % = 15 h 45 → Mon 10:15
            entry("SIMPLE MEET_CONCLUSION 2024-03-06T09:00", new String[]{"2024-03-11T17:30", "2024-03-11T10:15"}),
            // opinion Tue 03-12: 03-13 (1) 14 (2) 15 (3) → 17:30; 15 h 45 → Fri 03-15 10:15
            entry("SIMPLE MEET_CONCLUSION 2024-03-12T10:00", new String[]{"2024-03-15T17:30", "2024-03-15T10:15"}),
            // registered Mon 03-04: 5 working days → Mon 03-11 17:30; warning Fri 03-08 15:45 (as OPINION above)
            entry("GENERAL ACCEPT 2024-03-04T09:00", new String[]{"2024-03-11T17:30", "2024-03-08T15:45"}),
            // 书面告知, 15 calendar days: 03-04 + 15 = Tue 03-19 (a working day) → 17:30. Working days 03-05..03-19:
            // 11 = 77 h; 75 % = 57 h 45 = 8 days + 1 h 45 → the 9th working day (Fri 03-15) at 10:15
            entry("SIMPLE NOTIFY 2024-03-04T09:00", new String[]{"2024-03-19T17:30", "2024-03-15T10:15"}),
            entry("SIMPLE NOTIFY 2024-03-04T09:20", new String[]{"2024-03-19T17:30", "2024-03-15T10:15"}),
            entry("GENERAL NOTIFY 2024-03-04T09:00", new String[]{"2024-03-19T17:30", "2024-03-15T10:15"}),
            // returned Fri 03-08: + 15 = Sat 03-23 → Mon 03-25 17:30; working days 03-11..03-25: 11; 9th = Thu 03-21 10:15
            entry("SIMPLE NOTIFY 2024-03-08T10:00", new String[]{"2024-03-25T17:30", "2024-03-21T10:15"}));

    /** The rule text of each stage, as the policy writes it. */
    static final Map<String, String> RULES = Map.ofEntries(
            entry("SIMPLE SIGN", "225.sign: 2 working hours from registration or transfer"),
            entry("SIMPLE ACCEPT", "225.accept: 2 working hours from signing"),
            entry("SIMPLE RESPOND", "225.respond: 1 working day from acceptance"),
            entry("SIMPLE MEET_HANDLING", "225.meet_handling: with the opinion, 5 working days from acceptance"),
            entry("SIMPLE OPINION", "225.opinion: 5 working days from acceptance"),
            entry("SIMPLE MEET_CONCLUSION", "225.meet_conclusion: 3 working days from the opinion"),
            entry("SIMPLE CONCLUDE", "225.conclude: 60 calendar days from acceptance"),
            entry("GENERAL ACCEPT", "510.accept: 5 working days from registration or transfer"),
            entry("SIMPLE NOTIFY", "225.notify: 15 calendar days from registration or transfer"),
            entry("GENERAL NOTIFY", "510.notify: 15 calendar days from registration or transfer"));

    static final Map<String, LimitAmount> AMOUNTS = Map.ofEntries(
            entry("SIMPLE SIGN", LimitAmount.workingHours(2)), entry("SIMPLE ACCEPT", LimitAmount.workingHours(2)),
            entry("SIMPLE RESPOND", LimitAmount.workingDays(1)), entry("SIMPLE MEET_HANDLING", LimitAmount.workingDays(5)),
            entry("SIMPLE OPINION", LimitAmount.workingDays(5)), entry("SIMPLE MEET_CONCLUSION", LimitAmount.workingDays(3)),
            entry("SIMPLE CONCLUDE", LimitAmount.calendarDays(60)), entry("GENERAL ACCEPT", LimitAmount.workingDays(5)),
            entry("SIMPLE NOTIFY", LimitAmount.calendarDays(15)), entry("GENERAL NOTIFY", LimitAmount.calendarDays(15)));

    private CaseFixtures() {
    }

    public static TimeRules rules() {
        return new TimeRules(CALC);
    }

    public static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    /** The hand-counted limit of a stage started at {@code start} (see {@link #HAND}). */
    public static TimeLimit limit(Track track, Stage stage, String start) {
        String key = track + " " + stage;
        String[] instants = HAND.get(key + " " + start);
        if (instants == null) {
            throw new IllegalArgumentException("no hand-counted limit for " + key + " from " + start + ": count it and add it to HAND");
        }
        return limit(track, stage, start, AMOUNTS.get(key), instants[0], instants[1], RULES.get(key));
    }

    /** A limit with instants written by hand; the explanation is the calculator's (not asserted by these tests). */
    public static TimeLimit limit(Track track, Stage stage, String start, LimitAmount amount, String due, String warning,
                                  String rule) {
        TimeLimit computed = CALC.start(track, stage, at(start)).orElseThrow();
        return new TimeLimit(stage, at(start), amount, List.of(), at(due), at(warning), rule,
                TimeLimitPolicy.DEFAULT_ID, 1, computed.explanation());
    }

    /** A refusal with this rule code (and, when given, exactly these arguments). */
    public static Matcher<Object> refused(RuleCode code, Object... args) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof CaseRuleViolation v && v.code() == code
                        && (args.length == 0 || v.args().equals(List.of(args)));
            }

            @Override
            public void describeTo(Description d) {
                d.appendText("a refusal " + code.code() + (args.length == 0 ? "" : " " + List.of(args)));
            }
        };
    }

    /** The "allowed now: …" part of a refusal. */
    public static Rejection.Part allowedNow(CaseAction... actions) {
        return Rejection.Part.of("rule.part.allowed-now", List.of(actions));
    }

    // ------------------------------------------------------------ commands

    public static RegisterPetitionCommand register(Track track, String when) {
        return register(track, 1, when);
    }

    public static RegisterPetitionCommand register(Track track, int headcount, String when) {
        return new RegisterPetitionCommand(ID, "2024-000001", track, Channel.VISIT, Category.COMPLAINT, PETITIONER,
                headcount, "宅基地纠纷", "反映邻里宅基地边界纠纷", TOWN, null, HANDLER, null, at(when));
    }

    public static SignPetitionCommand sign(String when) {
        return new SignPetitionCommand(ID, HANDLER, null, at(when));
    }

    public static AcceptPetitionCommand accept(String when) {
        return new AcceptPetitionCommand(ID, HANDLER, null, at(when));
    }

    public static RespondToPetitionerCommand respond(String when) {
        return new RespondToPetitionerCommand(ID, ResponseMode.PHONE, "电话告知已受理", HANDLER, null, at(when));
    }

    public static RecordMeetingCommand meet(MeetingKind kind, String when) {
        return new RecordMeetingCommand(ID, kind, "镇信访办", "当面沟通", HANDLER, null, at(when));
    }

    public static GiveOpinionCommand opinion(String when) {
        return new GiveOpinionCommand(ID, Decision.SUPPORTED, "支持其诉求", HANDLER, null, at(when));
    }

    public static NotifyPetitionerCommand notifyAccepted(String when) {
        return new NotifyPetitionerCommand(ID, NoticeKind.ACCEPTED, NoticeMode.POST, "受理告知书已邮寄", HANDLER, null, at(when));
    }

    public static DeliverReplyCommand deliver(String when) {
        return new DeliverReplyCommand(ID, DeliveryMode.IN_PERSON, "张三", HANDLER, null, at(when));
    }

    public static ResolvePetitionCommand resolve(String when) {
        return new ResolvePetitionCommand(ID, "已化解", Satisfaction.SATISFIED, SatisfactionSource.PHONE_CALLBACK, HANDLER, null,
                at(when));
    }

    // ------------------------------------------------------------ events

    public static PetitionRegisteredEvent registered(Track track, String when) {
        return registered(track, 1, when);
    }

    public static PetitionRegisteredEvent registered(Track track, int headcount, String when) {
        return new PetitionRegisteredEvent(ID, "2024-000001", track, Channel.VISIT, Category.COMPLAINT, PETITIONER,
                headcount, headcount >= 5, "宅基地纠纷", "反映邻里宅基地边界纠纷", TOWN, TOWN, null, null, null, HANDLER, at(when),
                at(when));
    }

    public static TimeLimitStartedEvent started(Track track, Stage stage, String start) {
        return started(track, stage, start, start, TOWN);
    }

    public static TimeLimitStartedEvent started(Track track, Stage stage, String start, String recorded, String unit) {
        return new TimeLimitStartedEvent(ID, unit, limit(track, stage, start), at(start), at(recorded));
    }

    public static TimeLimitStoppedEvent stopped(Track track, Stage stage, String start, String when, StopReason reason) {
        TimeLimit l = limit(track, stage, start);
        return new TimeLimitStoppedEvent(ID, stage, l.due(), !at(when).isAfter(l.due()), reason, at(when), at(when));
    }

    public static PetitionSignedEvent signed(String when) {
        return new PetitionSignedEvent(ID, TOWN, HANDLER, at(when), at(when));
    }

    public static PetitionAcceptedEvent accepted(String when) {
        return new PetitionAcceptedEvent(ID, TOWN, HANDLER, at(when), at(when));
    }

    public static PetitionerRespondedEvent responded(String when) {
        return new PetitionerRespondedEvent(ID, ResponseMode.PHONE, "电话告知已受理", HANDLER, at(when), at(when));
    }

    public static MeetingRecordedEvent met(MeetingKind kind, String when) {
        return new MeetingRecordedEvent(ID, kind, "镇信访办", "当面沟通", HANDLER, at(when), at(when));
    }

    public static OpinionGivenEvent opinionGiven(String when) {
        return new OpinionGivenEvent(ID, Decision.SUPPORTED, "支持其诉求", HANDLER, at(when), at(when));
    }

    public static PetitionResolvedEvent resolved(String when) {
        return new PetitionResolvedEvent(ID, "已化解", Satisfaction.SATISFIED, SatisfactionSource.PHONE_CALLBACK, HANDLER,
                at(when), at(when));
    }
}
