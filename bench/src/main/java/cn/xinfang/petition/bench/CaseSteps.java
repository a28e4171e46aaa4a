package cn.xinfang.petition.bench;

import cn.xinfang.petition.api.Actor;
import cn.xinfang.petition.api.CaseId;
import cn.xinfang.petition.api.Category;
import cn.xinfang.petition.api.Channel;
import cn.xinfang.petition.api.Decision;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.ResponseMode;
import cn.xinfang.petition.api.Role;
import cn.xinfang.petition.api.Satisfaction;
import cn.xinfang.petition.api.SatisfactionSource;
import cn.xinfang.petition.api.DeliveryMode;
import cn.xinfang.petition.api.NoticeKind;
import cn.xinfang.petition.api.NoticeMode;
import cn.xinfang.petition.api.command.DeliverReplyCommand;
import cn.xinfang.petition.api.command.NotifyPetitionerCommand;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.api.command.AcceptPetitionCommand;
import cn.xinfang.petition.api.command.GiveOpinionCommand;
import cn.xinfang.petition.api.command.RecordMeetingCommand;
import cn.xinfang.petition.api.command.RegisterPetitionCommand;
import cn.xinfang.petition.api.command.ResolvePetitionCommand;
import cn.xinfang.petition.api.command.RespondToPetitionerCommand;
import cn.xinfang.petition.api.command.SignPetitionCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One complete "225" case as a handler of the town's petition office takes it: register → sign →
 * accept → 书面告知 → respond → handling meeting → opinion → conclusion meeting → 送达 → resolve, each a command
 * sent with {@link CommandGateway#sendAndWait} and timed.
 */
final class CaseSteps {

    static final String UNIT = "town";
    static final Actor HANDLER = new Actor("handler", UNIT, Role.HANDLER);
    static final int COMMANDS_PER_CASE = 10;

    /** Case numbers of cases registered over the command bus (the HTTP path numbers its own through the service). */
    private static final AtomicInteger NUMBERS = new AtomicInteger(900_000);

    private CaseSteps() {
    }

    /** The steps of one case; each makes its command at the instant it is sent (its recordedAt). */
    static List<Function<Instant, Object>> of(CaseId id, Samples samples) {
        String caseNo = Instant.now().toString().substring(0, 4) + "-" + NUMBERS.incrementAndGet();
        String subject = samples.subject();
        var petitioner = samples.petitioner();
        return List.of(
                now -> new RegisterPetitionCommand(id, caseNo, Track.SIMPLE, Channel.VISIT, Category.COMPLAINT, petitioner, 1,
                        subject, samples.content(subject), UNIT, null, HANDLER, null, now),
                now -> new SignPetitionCommand(id, HANDLER, null, now),
                now -> new AcceptPetitionCommand(id, HANDLER, null, now),
                now -> new NotifyPetitionerCommand(id, NoticeKind.ACCEPTED, NoticeMode.POST, "受理告知书（曹信受〔2026〕号）", HANDLER, null, now),
                now -> new RespondToPetitionerCommand(id, ResponseMode.PHONE, "电话告知信访人已受理，并告知办理时限", HANDLER, null, now),
                now -> new RecordMeetingCommand(id, MeetingKind.HANDLING, "镇信访接待室", "当面听取信访人诉求，现场查看争议地块", HANDLER, null, now),
                now -> new GiveOpinionCommand(id, Decision.SUPPORTED, "经调查核实，信访人诉求合理，由村委会按原界址恢复并书面告知", HANDLER, null, now),
                now -> new RecordMeetingCommand(id, MeetingKind.CONCLUSION, "信访人家中", "当面送达处理意见书并听取意见", HANDLER, null, now),
                now -> new DeliverReplyCommand(id, DeliveryMode.IN_PERSON, "信访人本人", HANDLER, null, now),
                now -> new ResolvePetitionCommand(id, "按处理意见落实到位，信访人表示认可", Satisfaction.SATISFIED,
                        SatisfactionSource.PHONE_CALLBACK, HANDLER, null, now));
    }

    /** Sends every step of a new case and records each command's latency. */
    static CaseId run(CommandGateway commands, Samples samples, Stats latencies) throws Exception {
        CaseId id = CaseId.newId();
        for (Function<Instant, Object> step : of(id, samples)) {
            Object command = step.apply(Instant.now());
            latencies.time(() -> commands.sendAndWait(command));
        }
        return id;
    }
}
