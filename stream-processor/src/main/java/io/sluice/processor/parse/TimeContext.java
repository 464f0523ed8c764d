package io.sluice.processor.parse;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * What a timestamp without a zone, a year or a date is read against: the source's time zone and the
 * moment the record reached Kafka.
 */
public record TimeContext(ZoneId zone, Instant received) {

    public static TimeContext utc(Instant received) {
        return new TimeContext(ZoneOffset.UTC, received);
    }
}
