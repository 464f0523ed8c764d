package io.sluice.indexer.bulk;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Request;
import co.elastic.clients.transport.rest5_client.low_level.Response;
import co.elastic.clients.transport.rest5_client.low_level.ResponseException;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import io.sluice.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Sends bulks as Elasticsearch's {@code _bulk} NDJSON over the low-level client: a {@code create}
 * line per document (index and id JSON-escaped, so no id can break out of its string) followed by the
 * source exactly as the mapper serialized it — one line of JSON, where a message's newlines and
 * quotes are escaped and cannot alter the body's structure. The answer is filtered on the node to
 * each item's status and error, which is all the indexer reads.
 */
public final class HttpBulkSender implements BulkSender {

    static final String ITEM_OUTCOMES = "errors,items.*.status,items.*.error.type,items.*.error.reason";
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson");
    private static final JsonStringEncoder ESCAPE = JsonStringEncoder.getInstance();
    private static final byte[] CREATE_INDEX = ascii("{\"create\":{\"_index\":\"");
    private static final byte[] ID = ascii("\",\"_id\":\"");
    private static final byte[] END_ACTION = ascii("\"}}\n");

    private final Rest5Client client;

    public HttpBulkSender(Rest5Client client) {
        this.client = client;
    }

    /** A sender on the connections of an Elasticsearch client built on the low-level REST client. */
    public static HttpBulkSender of(ElasticsearchClient client) {
        if (client._transport() instanceof Rest5ClientTransport transport) {
            return new HttpBulkSender(transport.restClient());
        }
        throw new IllegalArgumentException("the Elasticsearch client is not built on the low-level REST client: "
                + client._transport().getClass().getName());
    }

    @Override
    public List<ItemResult> send(List<BulkDocument> documents) {
        Request request = new Request("POST", "/_bulk");
        request.addParameter("filter_path", ITEM_OUTCOMES);
        request.setEntity(new ByteArrayEntity(body(documents), NDJSON));
        JsonNode answer;
        int status;
        try {
            Response response = client.performRequest(request);
            status = response.getStatusCode();
            try (InputStream content = response.getEntity().getContent()) {
                answer = Json.MAPPER.readTree(content);
            }
        } catch (ResponseException e) {
            throw refusal(e.getResponse().getStatusCode(), "bulk of " + documents.size() + " refused with "
                    + e.getResponse().getStatusCode() + ": " + firstLine(e.getMessage()), e);
        } catch (IOException | RuntimeException e) {
            throw new ElasticsearchUnavailableException("bulk of " + documents.size() + " failed: " + e.getMessage(), e);
        }
        if (status / 100 != 2) {
            // the client does not throw for every refusal (a 401 without a challenge comes back as a response)
            throw refusal(status, "bulk of " + documents.size() + " refused with " + status + ": "
                    + answer.path("error").path("type").asString("") + " " + answer.path("error").path("reason").asString(""), null);
        }
        JsonNode items = answer.path("items");
        if (items.size() != documents.size()) {
            throw new ElasticsearchUnavailableException("bulk answered " + items.size() + " items for "
                    + documents.size() + " documents", null);
        }
        List<ItemResult> results = new ArrayList<>(documents.size());
        for (JsonNode item : items) {
            JsonNode outcome = item.values().iterator().next();
            JsonNode error = outcome.path("error");
            results.add(error.isMissingNode()
                    ? new ItemResult(outcome.path("status").asInt(), null, null)
                    : new ItemResult(outcome.path("status").asInt(), error.path("type").asString(null), error.path("reason").asString(null)));
        }
        return results;
    }

    /** What a whole-request refusal means: credentials, the content (deterministic), or a passing state. */
    static RuntimeException refusal(int status, String message, Throwable cause) {
        if (status == 401 || status == 403) {
            return new ElasticsearchCredentialsException(status, message, cause);
        }
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            return new BulkRefusedException(status, message, cause);
        }
        return new ElasticsearchUnavailableException(message, cause);
    }

    static byte[] body(List<BulkDocument> documents) {
        long size = 0;
        for (BulkDocument document : documents) {
            size += document.source().length + document.id().length() + document.index().length() + 40;
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, size));
        for (BulkDocument document : documents) {
            body.writeBytes(CREATE_INDEX);
            body.writeBytes(ESCAPE.quoteAsUTF8(document.index()));
            body.writeBytes(ID);
            body.writeBytes(ESCAPE.quoteAsUTF8(document.id()));
            body.writeBytes(END_ACTION);
            body.writeBytes(document.source());
            body.write('\n');
        }
        return body.toByteArray();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
