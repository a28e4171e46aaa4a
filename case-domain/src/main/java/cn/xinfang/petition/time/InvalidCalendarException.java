package cn.xinfang.petition.time;

/** A calendar file that cannot be used; the message says which file, which entry and what shape is expected. */
public class InvalidCalendarException extends RuntimeException {

    public InvalidCalendarException(String message) {
        super(message);
    }
}
