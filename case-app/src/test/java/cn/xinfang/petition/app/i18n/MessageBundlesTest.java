package cn.xinfang.petition.app.i18n;

import cn.xinfang.petition.api.CaseStatus;
import cn.xinfang.petition.api.MeetingKind;
import cn.xinfang.petition.api.Stage;
import cn.xinfang.petition.api.Track;
import cn.xinfang.petition.domain.CaseAction;
import cn.xinfang.petition.domain.Rejection;
import cn.xinfang.petition.domain.RuleCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The two message bundles say the same things, and every rule code and value the domain names has words in both. */
class MessageBundlesTest {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static RuleMessages messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return new RuleMessages(source);
    }

    @Test
    @DisplayName("中英文资源文件的键完全相同")
    void bothBundlesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_zh_CN.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    @DisplayName("每个规则代码、环节、状态在两种语言中都有文字")
    void everyRuleCodeAndNamedValueHasWordsInBothLanguages() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties p = load(bundle);
            for (RuleCode c : RuleCode.values()) {
                assertThat(p.getProperty("rule." + c.code())).as(bundle + " rule." + c.code()).isNotBlank();
            }
            for (CaseAction a : CaseAction.values()) {
                assertThat(p.getProperty("action." + a.name())).as(bundle + " action." + a.name()).isNotBlank();
            }
            for (CaseStatus s : CaseStatus.values()) {
                assertThat(p.getProperty("status." + s.name())).as(bundle + " status." + s.name()).isNotBlank();
            }
            for (Stage s : Stage.values()) {
                assertThat(p.getProperty("stage." + s.name())).as(bundle + " stage." + s.name()).isNotBlank();
            }
            for (MeetingKind k : MeetingKind.values()) {
                assertThat(p.getProperty("meeting." + k.name())).as(bundle + " meeting." + k.name()).isNotBlank();
            }
            for (Track t : Track.values()) {
                assertThat(p.getProperty("track." + t.name())).as(bundle + " track." + t.name()).isNotBlank();
            }
            for (cn.xinfang.petition.api.LimitUnit u : cn.xinfang.petition.api.LimitUnit.values()) {
                assertThat(p.getProperty("limit." + u.name())).as(bundle + " limit." + u.name()).contains("{0}");
            }
            for (cn.xinfang.petition.api.NoticeKind k : cn.xinfang.petition.api.NoticeKind.values()) {
                assertThat(p.getProperty("notice." + k.name())).as(bundle + " notice." + k.name()).isNotBlank();
            }
            for (cn.xinfang.petition.api.Decision d : cn.xinfang.petition.api.Decision.values()) {
                assertThat(p.getProperty("decision." + d.name())).as(bundle + " decision." + d.name()).isNotBlank();
            }
        }
    }

    @Test
    @DisplayName("拒绝说明按代码与参数渲染：环节名、状态、当前可办理的环节")
    void aRefusalIsRenderedFromItsCodeAndArguments() {
        Rejection r = Rejection.of(RuleCode.STEP_NOT_ALLOWED, CaseAction.ACCEPT, CaseStatus.REGISTERED, Rejection.Part.EMPTY,
                Rejection.Part.of("rule.part.allowed-now", List.of(CaseAction.SIGN, CaseAction.TRANSFER)));
        RuleMessages m = messages();
        assertThat(m.render(r, RuleMessages.ENGLISH)).isEqualTo("cannot accept: the case is registered; allowed now: sign, transfer");
        assertThat(m.render(r, RuleMessages.CHINESE)).isEqualTo("不能受理：该事项已登记；当前可办理：签收、转送");
    }

    @Test
    void partsListsNumbersAndInstantsAreWrittenPlainly() {
        RuleMessages m = messages();
        Rejection progress = Rejection.of(RuleCode.STEP_NOT_ALLOWED, CaseAction.GIVE_OPINION, CaseStatus.ACCEPTED,
                Rejection.Part.of("rule.part.progress", Rejection.Part.of("rule.part.petitioner-told"), Rejection.Part.EMPTY),
                Rejection.Part.of("rule.part.nothing-allowed"));
        assertThat(m.render(progress, RuleMessages.ENGLISH))
                .isEqualTo("cannot give the opinion: the case is accepted, petitioner told; nothing is allowed now");
        assertThat(m.render(Rejection.of(RuleCode.EXTENSION_LIMIT_EXCEEDED, Stage.CONCLUDE, 1L,
                cn.xinfang.petition.api.LimitAmount.calendarDays(30), 20L, 1L), RuleMessages.CHINESE))
                .isEqualTo("环节办结最多延期1次，累计不超过30日（条例第三十四条）；已延期1次");
        assertThat(m.render(Rejection.of(RuleCode.EXTENSION_LIMIT_EXCEEDED, Stage.OPINION, 1L,
                cn.xinfang.petition.api.LimitAmount.workingDays(5), 0L, 0L), RuleMessages.ENGLISH))
                .isEqualTo("stage OPINION may be extended at most 1 time(s) and by at most 5 working days in all (条例 第三十四条); "
                        + "it has had 0 extension(s)");
        assertThat(m.render(Rejection.of(RuleCode.OCCURRED_AT_IN_FUTURE, Instant.parse("2024-03-04T01:00:00Z")), RuleMessages.ENGLISH))
                .startsWith("occurredAt 2024-03-04T01:00:00Z is in the future");
        assertThat(m.render(Rejection.of(RuleCode.NOT_HANDLER_OF_UNIT, "town", CaseAction.SIGN, "HANDLER",
                Rejection.Part.of("rule.part.of-unit", "village-1")), RuleMessages.ENGLISH))
                .isEqualTo("only a handler of unit town may sign this case (首接首办); you act as HANDLER of unit village-1");
        assertThat(m.render(Rejection.of(RuleCode.SAME_TRACK, Track.SIMPLE), RuleMessages.CHINESE)).isEqualTo("该事项已按225程序办理");
    }
}
