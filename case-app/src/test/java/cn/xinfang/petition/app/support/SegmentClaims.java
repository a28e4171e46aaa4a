package cn.xinfang.petition.app.support;

import org.axonframework.common.DateTimeUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A claim on a processor's segment as a second node would hold it, written into {@code tokenentry} the way Axon's token store writes one. */
public final class SegmentClaims {

    private SegmentClaims() {
    }

    /** Another node claims {@code segment} of {@code processor} for the next minute. */
    public static void claimAsAnotherNode(JdbcTemplate jdbc, String processor, int segment) {
        assertThat(jdbc.update("update tokenentry set owner = 'other-node@county', timestamp = ? where processorname = ? and segment = ?",
                DateTimeUtils.formatInstant(Instant.now().plusSeconds(60)), processor, segment)).isEqualTo(1);
    }

    /** The other node lets the segment go. */
    public static void release(JdbcTemplate jdbc, String processor, int segment) {
        jdbc.update("update tokenentry set owner = null where processorname = ? and segment = ?", processor, segment);
    }
}
