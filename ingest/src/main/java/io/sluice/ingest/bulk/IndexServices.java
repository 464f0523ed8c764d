package io.sluice.ingest.bulk;

import java.util.regex.Pattern;

/**
 * The service a shipper meant when it only named an index: {@code logstash-2026.11.22} is
 * {@code logstash}, {@code app-payments-2026.11} is {@code app-payments}. A date suffix is dropped;
 * the rest is the service.
 */
final class IndexServices {

    private static final Pattern DATE_SUFFIX = Pattern.compile("[-_.]\\d{4}([-._]\\d{2}){1,2}$");

    private IndexServices() {
    }

    static String of(String index) {
        if (index == null || index.isBlank()) {
            return null;
        }
        String service = DATE_SUFFIX.matcher(index).replaceFirst("");
        return service.isBlank() ? index : service;
    }
}
