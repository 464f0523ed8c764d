package io.sluice.cli;

import io.sluice.runtime.RuntimeSettings;
import io.sluice.runtime.ingest.IngestIdentities;
import io.sluice.tokens.TokenEntry;
import java.io.PrintStream;

/**
 * {@code ./sluice token create NAME [--service S] | list | revoke NAME}: the ingest tokens senders present. A token is
 * printed once, when made; only its digest is kept, in the token file the ingest service reads again within a second
 * of a change (no restart). Bound to a service, a token's lines are that service's whatever they claim; unbound, it
 * may send as any service.
 */
final class TokenCommand {

    private static final String USAGE = "usage: ./sluice token create NAME [--service SERVICE] | list | revoke NAME  [--profile test]";

    private final CliArgs args;
    private final PrintStream out;

    TokenCommand(CliArgs args, PrintStream out) {
        this.args = args;
        this.out = out;
    }

    int run() {
        if (args.positional().isEmpty()) {
            throw new CliArgs.UsageException(USAGE);
        }
        IngestIdentities identities = IngestIdentities.of(RuntimeSettings.of(args.profile(), System.getenv()));
        String action = args.positional().get(0);
        try {
            return switch (action) {
                case "create" -> create(identities, name());
                case "revoke" -> revoke(identities, name());
                case "list" -> list(identities);
                default -> throw new CliArgs.UsageException(USAGE);
            };
        } catch (IllegalArgumentException e) {
            throw new CliArgs.UsageException(e.getMessage());
        }
    }

    private String name() {
        if (args.positional().size() != 2) {
            throw new CliArgs.UsageException(USAGE);
        }
        return args.positional().get(1);
    }

    private int create(IngestIdentities identities, String name) {
        String scope = args.options().getOrDefault("service", TokenEntry.UNBOUND);
        String token = identities.create(name, scope);
        System.err.println("token " + name + (scope.equals(TokenEntry.UNBOUND) ? " (any service)" : " (service " + scope + ")")
                + " made; it is shown this once, keep it like a password. Senders present it as Authorization: Bearer <token>,"
                + " ApiKey <token>, or as the password of Basic auth:");
        out.println(token);
        return 0;
    }

    private int revoke(IngestIdentities identities, String name) {
        if (!identities.revoke(name)) {
            System.err.println("no token named " + name);
            return 1;
        }
        System.err.println("token " + name + " revoked: the ingest service refuses it within seconds");
        return 0;
    }

    private int list(IngestIdentities identities) {
        identities.tokens().forEach(entry -> out.printf("%-24s %s%n", entry.name(), entry.bound() ? entry.scope() : "* (any service)"));
        return 0;
    }
}
