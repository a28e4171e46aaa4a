package cn.xinfang.petition.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cases.time.*}: how time is counted in this deployment.
 *
 * @param zone         the zone days and working hours are counted in (Asia/Shanghai)
 * @param workingHours the working intervals of a day, e.g. {@code 08:30-12:00,14:00-17:30}
 * @param calendarFile an operator's calendar JSON laid over the shipped 2022–2026 one; empty for none
 * @param clockSkew    how far after the service's clock a record may say a step happened (PT1M)
 * @param earliest     the earliest occurrence time a record may give (2000-01-01T00:00:00Z)
 */
@ConfigurationProperties("cases.time")
public record TimeProperties(@DefaultValue("Asia/Shanghai") String zone,
                             @DefaultValue("08:30-12:00,14:00-17:30") String workingHours,
                             @DefaultValue("") String calendarFile,
                             @DefaultValue("PT1M") java.time.Duration clockSkew,
                             @DefaultValue("2000-01-01T00:00:00Z") java.time.Instant earliest) {
}
