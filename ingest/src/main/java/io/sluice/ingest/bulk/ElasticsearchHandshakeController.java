package io.sluice.ingest.bulk;

import io.sluice.ingest.IngestProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calls shippers make before their first bulk: the root info (version check), license and
 * x-pack probes, and template / ILM policy set-up. Templates and policies are Sluice's business (the
 * indexer owns the mapping), so a shipper's are acknowledged and not applied; a GET answers 404, so
 * a shipper that wants its template PUTs it, gets its acknowledgement, and goes on.
 */
@RestController
public class ElasticsearchHandshakeController {

    private final IngestProperties properties;

    public ElasticsearchHandshakeController(IngestProperties properties) {
        this.properties = properties;
    }

    @RequestMapping(path = "/", method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<Object> info() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("number", properties.elasticsearchVersion());
        version.put("build_flavor", "default");
        version.put("build_type", "sluice");
        version.put("lucene_version", "9.12.0");
        version.put("minimum_wire_compatibility_version", "7.17.0");
        version.put("minimum_index_compatibility_version", "7.0.0");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("name", "sluice-ingest");
        info.put("cluster_name", "sluice");
        info.put("cluster_uuid", "sluice");
        info.put("version", version);
        info.put("tagline", "You Know, for Search");
        return EsResponses.of(HttpStatus.OK, info);
    }

    @RequestMapping(path = "/_license", method = RequestMethod.GET)
    public ResponseEntity<Object> license() {
        return EsResponses.of(HttpStatus.OK, Map.of("license",
                Map.of("status", "active", "type", "basic", "uid", "sluice", "issued_to", "sluice")));
    }

    @RequestMapping(path = "/_xpack", method = RequestMethod.GET)
    public ResponseEntity<Object> xpack() {
        return EsResponses.of(HttpStatus.OK, Map.of("build", Map.of(), "features", Map.of(),
                "license", Map.of("status", "active", "type", "basic", "mode", "basic")));
    }

    @RequestMapping(path = "/_cluster/health", method = RequestMethod.GET)
    public ResponseEntity<Object> health() {
        return EsResponses.of(HttpStatus.OK, Map.of("cluster_name", "sluice", "status", "green"));
    }

    @RequestMapping(path = {"/_index_template/{name}", "/_template/{name}", "/_ilm/policy/{name}",
            "/_component_template/{name}"}, method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<Object> missingSetup(@PathVariable String name) {
        return EsResponses.error(HttpStatus.NOT_FOUND, "resource_not_found_exception",
                "[" + name + "] is managed by Sluice");
    }

    @RequestMapping(path = {"/_index_template/{name}", "/_template/{name}", "/_ilm/policy/{name}",
            "/_component_template/{name}"}, method = {RequestMethod.PUT, RequestMethod.POST})
    public ResponseEntity<Object> acknowledgeSetup(@PathVariable String name) {
        return EsResponses.of(HttpStatus.OK, Map.of("acknowledged", true));
    }
}
