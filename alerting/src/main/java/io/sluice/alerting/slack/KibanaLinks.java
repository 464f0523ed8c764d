package io.sluice.alerting.slack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Kibana Discover links that open exactly an alert's logs: its query (KQL) over its time range, on
 * the {@code logs-*} data view. Kibana keeps its state in rison in the URL fragment; strings are
 * quoted with {@code '} and {@code !} escapes {@code '} and itself; the whole is URL-encoded.
 */
public final class KibanaLinks {

    public static final String DATA_VIEW_ID = "sluice-logs";

    private KibanaLinks() {
    }

    public static String discover(String kibanaBase, String kuery, Instant from, Instant to) {
        String global = "(time:(from:" + rison(from.toString()) + ",to:" + rison(to.toString()) + "))";
        String app = "(dataSource:(dataViewId:" + rison(DATA_VIEW_ID) + ",type:dataView),"
                + "query:(language:kuery,query:" + rison(kuery) + "))";
        return trimSlash(kibanaBase) + "/app/discover#/?_g=" + encode(global) + "&_a=" + encode(app);
    }

    static String rison(String value) {
        return "'" + value.replace("!", "!!").replace("'", "!'") + "'";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
