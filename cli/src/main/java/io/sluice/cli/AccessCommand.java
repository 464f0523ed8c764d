package io.sluice.cli;

import io.sluice.elasticsearch.ElasticsearchAccess;
import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.elasticsearch.TeamAccess;
import io.sluice.runtime.ingest.IngestIdentities;
import io.sluice.runtime.tls.ServerCertificates;
import io.sluice.runtime.kafka.LocalKafkaIdentities;
import java.io.PrintStream;

/**
 * {@code ./sluice access grant --team T [--profile test]}: gives a team read access to the logs of its services
 * (as the service catalog names them) and nothing else, and prints the credential once, to the operator who
 * asked. Run it again after the team gains a service.
 */
final class AccessCommand {

    private final CliArgs args;
    private final PrintStream out;

    AccessCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        if (args.positional().size() == 2 && "syslog-client".equals(args.positional().get(0))) {
            return syslogClient(args.positional().get(1));
        }
        if (args.positional().size() != 1 || !"grant".equals(args.positional().get(0)) || !args.options().containsKey("team")) {
            throw new CliArgs.UsageException("usage: ./sluice access grant --team TEAM | syslog-client HOST  [--profile test]");
        }
        String team = args.options().get("team");
        RuntimeSettings settings = RuntimeSettings.of(args.profile(), System.getenv());
        ElasticsearchAccess access;
        try {
            access = new TeamAccess(settings).grantFromCatalog(team, new LocalKafkaIdentities(settings).admin());
        } catch (IllegalArgumentException e) {
            throw new CliArgs.UsageException(e.getMessage());
        }
        System.err.println("team " + team + " may now read its services' logs, and nothing else, as the user "
                + access.principal() + ". Its Authorization header follows; keep it like a password:");
        out.println(access.authorization());
        System.err.println("for example: curl --cacert " + access.trustedCertificates() + " -H 'Authorization: <the header>' '"
                + access.url() + "/logs-*/_search?q=level:error'");
        return 0;
    }

    /** A client certificate for syslog over TLS: the files a sender (rsyslog, syslog-ng) is configured with. */
    private int syslogClient(String host) {
        IngestIdentities identities = IngestIdentities.of(RuntimeSettings.of(args.profile(), System.getenv()));
        ServerCertificates.Issued issued;
        try {
            issued = identities.syslogClient(host);
        } catch (IllegalArgumentException e) {
            throw new CliArgs.UsageException(e.getMessage());
        }
        out.println("certificate " + issued.certificateChain());
        out.println("key         " + issued.key() + " (owner-only: copy it to the sender as a secret)");
        out.println("CA          " + identities.caCertificate());
        System.err.println("rsyslog: global(DefaultNetstreamDriverCAFile=<CA> DefaultNetstreamDriverCertFile=<certificate>"
                + " DefaultNetstreamDriverKeyFile=<key>) and an omfwd action with StreamDriver=\"gtls\" StreamDriverMode=\"1\""
                + " StreamDriverAuthMode=\"x509/name\" to the syslog TLS port (./sluice endpoints)");
        return 0;
    }
}
