package cn.xinfang.petition.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Duration;
import java.util.Locale;

/**
 * The pages' language: Chinese (zh-CN) by default; {@code ?lang=en} (or {@code ?lang=zh-CN})
 * switches and is remembered in the cookie {@code lang} for a year. Texts come from
 * {@code messages_zh_CN.properties} and {@code messages.properties} (English). The API is not
 * affected: it answers both languages in every problem document.
 */
@Configuration(proxyBeanMethods = false)
public class UiConfiguration implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("lang");
        r.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        r.setCookieMaxAge(Duration.ofDays(365));
        r.setCookieHttpOnly(true);
        return r;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor lang = new LocaleChangeInterceptor();
        lang.setParamName("lang");
        lang.setIgnoreInvalidLocale(true);
        registry.addInterceptor(lang).excludePathPatterns("/api/**", "/actuator/**");
    }
}
