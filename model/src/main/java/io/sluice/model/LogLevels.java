package io.sluice.model;

/** The normalized values of {@code log.level}: upper-case, the names most log frameworks use. */
public final class LogLevels {

    public static final String TRACE = "TRACE";
    public static final String DEBUG = "DEBUG";
    public static final String INFO = "INFO";
    public static final String WARN = "WARN";
    public static final String ERROR = "ERROR";
    public static final String FATAL = "FATAL";

    private LogLevels() {
    }
}
