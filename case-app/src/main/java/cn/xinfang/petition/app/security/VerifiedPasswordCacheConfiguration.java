package cn.xinfang.petition.app.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;

/**
 * Puts {@link VerifiedPasswordCache} in front of the service's password encoder (issue 18), whatever
 * {@link SecurityConfiguration} builds: {@code cases.security.verified-password-seconds} (default 300; 0 turns it
 * off) and at most {@code cases.security.verified-password-entries} (default 10,000) remembered checks.
 */
@Configuration(proxyBeanMethods = false)
public class VerifiedPasswordCacheConfiguration {

    @Bean
    static BeanPostProcessor verifiedPasswordCache(@Value("${cases.security.verified-password-seconds:300}") long seconds,
                                                   @Value("${cases.security.verified-password-entries:10000}") int entries) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof PasswordEncoder encoder && !(bean instanceof VerifiedPasswordCache) && seconds > 0) {
                    return new VerifiedPasswordCache(encoder, Duration.ofSeconds(seconds).toNanos(), entries, System::nanoTime);
                }
                return bean;
            }
        };
    }
}
