package cn.xinfang.petition.domain;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Decision;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.Petitioner;
import cn.xinfang.petition.api.ResponseMode;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Satisfaction;
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

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * Small factories for the case's commands and events, so that each test shows only what differs.
 * Times are written in Asia/Shanghai local time ("2024-03-01T09:00").
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
    public static final Petitioner PETITIONER = new Petitioner("张三", "11010519491231002X", "13812345678", "一村三组");
    public static final TimeLimitCalculator CALC = new TimeLimitCalculator(TimeLimitPolicy.townDefault(),
            new BusinessTime(CalendarFile.shipped(), WorkingHours.DEFAULT, ZONE));

    private CaseFixtures() {
    }

    public static TimeRules rules() {
        return new TimeRules(CALC);
    }

    public static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZONE).toInstant();
    }

    public static TimeLimit limit(Track track, Stage stage, String start) {
        return CALC.start(track, stage, at(start)).orElseThrow();
    }

    // ------------------------------------------------------------ commands

    public static RegisterPetitionCommand register(Track track, String when) {
        return register(track, 1, when);
    }

    public static RegisterPetitionCommand register(Track track, int headcount, String when) {
        return new RegisterPetitionCommand(ID, "2024-000001", track, Channel.VISIT, Category.COMPLAINT, PETITIONER,
                headcount, "宅基地纠纷", "反映邻里宅基地边界纠纷", TOWN, HANDLER, null, at(when));
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

    public static ResolvePetitionCommand resolve(String when) {
        return new ResolvePetitionCommand(ID, "已化解", Satisfaction.SATISFIED, HANDLER, null, at(when));
    }

    // ------------------------------------------------------------ events

    public static PetitionRegisteredEvent registered(Track track, String when) {
        return registered(track, 1, when);
    }

    public static PetitionRegisteredEvent registered(Track track, int headcount, String when) {
        return new PetitionRegisteredEvent(ID, "2024-000001", track, Channel.VISIT, Category.COMPLAINT, PETITIONER,
                headcount, headcount >= 5, "宅基地纠纷", "反映邻里宅基地边界纠纷", TOWN, TOWN, HANDLER, at(when), at(when));
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
        return new PetitionResolvedEvent(ID, "已化解", Satisfaction.SATISFIED, HANDLER, at(when), at(when));
    }
}
