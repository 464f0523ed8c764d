package io.sluice.syslog;

/** A frame that is not syslog: counted and logged, the connection goes on. */
public class SyslogFormatException extends RuntimeException {

    public SyslogFormatException(String message) {
        super(message);
    }
}
