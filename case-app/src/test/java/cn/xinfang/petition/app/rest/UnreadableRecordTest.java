package cn.xinfang.petition.app.rest;

import cn.xinfang.petition.app.i18n.RuleMessages;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.axonframework.serialization.SerializationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stored event that cannot be read is a tampered record (409 record-unreadable), unless reading it
 * failed because the database went away meanwhile (a person's data key is read while the event is
 * decrypted): then it is an outage, 503 database-unavailable with Retry-After, as every other request
 * that meets one (DatabaseOutageIT met this answer during an outage).
 */
class UnreadableRecordTest {

    final ApiExceptionHandler handler = new ApiExceptionHandler(new RuleMessages(new StaticMessageSource()));

    @Test
    @DisplayName("读取记录时数据库中断：503 database-unavailable，而非“记录可能已被篡改”")
    void anOutageWhileReadingIsAnOutage() {
        CannotGetJdbcConnectionException outage = new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 3000ms."));
        SerializationException e = new SerializationException("Error while deserializing object",
                new JsonMappingException(null, "data key", outage));

        ResponseEntity<ProblemDetail> answer = handler.unreadable(e);

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "database-unavailable");
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("10");
    }

    @Test
    @DisplayName("记录本身无法解析：409 record-unreadable")
    void aRecordThatCannotBeParsedIsUnreadable() {
        SerializationException e = new SerializationException("Error while deserializing object",
                new JsonMappingException(null, "Unexpected character ('x' (code 120))"));

        ResponseEntity<ProblemDetail> answer = handler.unreadable(e);

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getBody().getProperties()).containsEntry("code", "record-unreadable");
    }
}
