package io.sluice.cli;

import java.util.Arrays;
import java.util.List;

/** Entry point of {@code ./sluice}: one subcommand per verb, each in its own class. */
public final class SluiceCli {

    private SluiceCli() {
    }

    public static void main(String[] args) {
        List<String> rest = args.length == 0 ? List.of() : Arrays.asList(args).subList(1, args.length);
        String verb = args.length == 0 ? "help" : args[0];
        int status;
        try {
            status = switch (verb) {
                case "up" -> new UpCommand(CliArgs.parse(rest)).run();
                case "runtime" -> new RuntimeCommand(CliArgs.parse(rest)).run();
                case "endpoints" -> new EndpointsCommand(CliArgs.parse(rest), System.out).run();
                case "search" -> new SearchCommand(CliArgs.parse(rest), System.out).run();
                case "catalog" -> new CatalogCommand(CliArgs.parse(rest), System.out).run();
                case "verify" -> new VerifyCommand(CliArgs.parse(rest), System.out).run();
                case "trace" -> new TraceCommand(CliArgs.parse(rest), System.out).run();
                case "access" -> new AccessCommand(CliArgs.parse(rest), System.out).run();
                case "token" -> new TokenCommand(CliArgs.parse(rest), System.out).run();
                case "tail" -> new TailCommand(CliArgs.parse(rest), System.out).run();
                case "status" -> new StatusCommand(CliArgs.parse(rest), System.out).run();
                case "dlq" -> new DeadLettersCommand(CliArgs.parse(rest), System.out).run();
                case "ship" -> new ShipCommand(CliArgs.parse(rest)).run();
                case "bench" -> new BenchCommand(CliArgs.parse(rest)).run();
                case "replay" -> new ReplayCommand(CliArgs.parse(rest), System.out).run();
                case "kibana" -> new KibanaCommand(CliArgs.parse(rest), System.out).run();
                case "help", "-h", "--help" -> help();
                default -> {
                    System.err.println("sluice: unknown command '" + verb + "'");
                    help();
                    yield 2;
                }
            };
        } catch (CliArgs.UsageException e) {
            System.err.println("sluice " + verb + ": " + e.getMessage());
            status = 2;
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            System.err.println("sluice " + verb + ": " + e.getMessage());
            status = 1;
        } catch (Exception e) {
            System.err.println("sluice " + verb + ": " + e);
            status = 1;
        }
        System.exit(status);
    }

    private static int help() {
        System.out.println("""
                usage: ./sluice <command> [options]

                  up [--demo] [--listen ADDRESS] [--insecure] [--cluster [--brokers 3] [--es-nodes 3] [--instances 2]]
                                           start Kafka, Elasticsearch and the four services; Ctrl-C stops all.
                                           --cluster: a KRaft quorum, an Elasticsearch cluster, each service twice.
                                           Everything on 127.0.0.1 unless --listen opens ingest on ADDRESS;
                                           --insecure: ingest on plain HTTP without tokens (never expose it)
                  search QUERY [--since 15m] [--service S] [--level L] [--limit 50] [--json]
                                           print matching logs from Elasticsearch; QUERY is words of the
                                           message or Lucene syntax (http.response.status_code:>=500 AND …)
                    [--count-by FIELD [--top 10] | --histogram 1m | --stats FIELD]
                                           top values with counts, logs per interval as bars, or
                                           count/min/mean/p50/p95/p99/max of a numeric field
                  verify [--since 24h] [--service S] [--settle 2m] [--json]
                                           did we lose anything? every record Kafka accepted: indexed,
                                           dead-lettered or joined, per service and hour; exit 0 when balanced
                  catalog set SERVICE --file entry.json | show [SERVICE] | remove SERVICE
                                           a service's owners, correlation-id fields, typed fields and contract
                  trace TRACE_ID [--since 7d] [--limit 1000] [--json]
                                           every event of one trace across services, in time order
                  tail [QUERY] [--service S] [--level L] [--since 0s]
                                           follow new logs live, with the same filters as search; Ctrl-C stops
                  status [--sample 2s] [--json]
                                           each stage's rate, lag, restarts and dead letters; Kafka; Elasticsearch; last alert
                  dlq [--limit 20]         the newest dead-lettered records with their reasons
                  replay --from T [--to T] [--service S]
                                           re-index a range of logs.enriched.v1 (T: ISO instant or 2h ago); no duplicates
                  ship 'GLOB' --service S [--kafka host:port] [--multiline REGEX]
                                           tail files into Kafka (checkpoints, rotation, stack traces)
                  endpoints [--json]       what a running platform serves
                  access grant --team T    read access to the logs of team T's services (from the catalog), nothing else
                  access syslog-client HOST
                                           a client certificate for syslog over TLS, from the local CA
                  token create NAME [--service S] | list | revoke NAME
                                           ingest tokens for senders (shown once, kept as digests; no restart)
                  runtime [--profile test] only Kafka and Elasticsearch (what integration tests use)
                  runtime stop [--profile test]  stop those of a profile left running
                  bench ingest [--events N] HTTP ingest events/s against Kafka's ProducerPerformance
                  bench processor [--events N] processor events per CPU-second against a minimal Streams app
                  bench indexer [--events N] [--in-flight N]
                                           documents per Elasticsearch CPU-second: direct _bulk, indexer, rsyslog
                  bench alerting [--probes N] log line sent -> Slack post received, p50/p90/p99
                  bench platform [--events N] end-to-end events/s and CPU per event: up vs up --cluster, one run
                  kibana import [--url U]  import the data views, saved searches and dashboard (idempotent)
                  build                    compile and package everything (tests skipped)
                  test                     run every test, unit and integration
                """);
        return 0;
    }
}
