package cn.xinfang.petition.app.config;

import cn.xinfang.petition.time.BusinessTime;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The API's JSON: instants are written as ISO-8601 times with the offset of the case zone
 * ({@code 2024-03-04T09:50:00+08:00}): the same instant as UTC, in the form a petition officer
 * reads. Input accepts any offset. (Stored events use their own mapper, see AxonConfiguration.)
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer instantsInCaseZone(BusinessTime time) {
        ZoneId zone = time.zone();
        return builder -> builder.serializerByType(Instant.class, new JsonSerializer<Instant>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(zone).toOffsetDateTime()));
            }
        });
    }
}
