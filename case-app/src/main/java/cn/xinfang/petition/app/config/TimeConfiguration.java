package cn.xinfang.petition.app.config;

import cn.xinfang.petition.time.BusinessCalendar;
import cn.xinfang.petition.time.BusinessTime;
import cn.xinfang.petition.time.CalendarFile;
import cn.xinfang.petition.time.TimeLimitCalculator;
import cn.xinfang.petition.time.TimeLimitPolicy;
import cn.xinfang.petition.time.TimeRules;
import cn.xinfang.petition.time.WorkingHours;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;

/** The business-time engine and the time-limit policy, built from {@code cases.time.*} and {@code cases.policy.*}. */
@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TimeConfiguration.class);

    /**
     * The one place the service reads the wall clock; everything else takes this bean. Whole
     * milliseconds: every database stores them exactly, so a time read back equals the time written.
     */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofMillis(1));
    }

    @Bean
    BusinessCalendar businessCalendar(TimeProperties props) {
        BusinessCalendar calendar = props.calendarFile() == null || props.calendarFile().isBlank()
                ? CalendarFile.shipped()
                : CalendarFile.shippedWithOverlay(Path.of(props.calendarFile()));
        log.info("business calendar {} loaded, years {}", calendar.version(), new java.util.TreeSet<>(calendar.knownYears()));
        return calendar;
    }

    @Bean
    BusinessTime businessTime(BusinessCalendar calendar, TimeProperties props) {
        return new BusinessTime(calendar, WorkingHours.parse(props.workingHours()), ZoneId.of(props.zone()));
    }

    @Bean
    TimeLimitPolicy timeLimitPolicy(PolicyProperties p) {
        return TimeLimitPolicy.withLimits(p.version(), p.warningFraction(),
                PolicyProperties.parse("simple-sign", p.simpleSign()),
                PolicyProperties.parse("simple-accept", p.simpleAccept()),
                PolicyProperties.parse("simple-opinion", p.simpleOpinion()),
                PolicyProperties.parse("general-accept", p.generalAccept()),
                PolicyProperties.parse("general-opinion", p.generalOpinion()),
                PolicyProperties.parse("respond", p.respond()),
                PolicyProperties.parse("meet-conclusion", p.meetConclusion()),
                PolicyProperties.parse("conclude", p.conclude()),
                PolicyProperties.parse("written-notice", p.writtenNotice()),
                PolicyProperties.parse("review-decision", p.reviewDecision()))
                .withLeaderProgress(PolicyProperties.parse("leader-progress", p.leaderProgress())); // issue 15
    }

    @Bean
    TimeLimitCalculator timeLimitCalculator(TimeLimitPolicy policy, BusinessTime time) {
        return new TimeLimitCalculator(policy, time);
    }

    /**
     * The time rules in force: the calculator and the bounds of an occurrence time. The case and the
     * API's field checks both read them from here, so the two never disagree.
     */
    @Bean
    TimeRules timeRules(TimeLimitCalculator calculator, TimeProperties props) {
        return new TimeRules(calculator, props.clockSkew(), props.earliest());
    }
}
