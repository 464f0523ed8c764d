package io.sluice.ingest.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import io.sluice.ingest.http.RequestBodies;
import io.sluice.tokens.TokenEntry;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * In front of every log-receiving endpoint: refuses with 401 unless the request carries a valid token (in any form
 * {@link PresentedToken} reads), binding the token's service when it has one; then with 429 when too many log
 * requests are in flight — the instance's or the token's own — or when the bytes they hold use up the
 * {@link MemoryBudget} or the token's share of it (so overload slows senders down instead of exhausting memory, and
 * one noisy sender cannot starve the rest).
 */
@Component
public class IngestGuardFilter extends OncePerRequestFilter {

    /** Decoded, without ;parameters: the path as the dispatcher sees it. */
    private static final UrlPathHelper LOOKUP = new UrlPathHelper();

    private final boolean required;
    private final TokenSource tokens;
    private final Semaphore inFlight;
    private final MemoryBudget memory;
    private final TokenLimits perToken;

    public IngestGuardFilter(GuardProperties properties, MemoryBudget memory, TokenSource tokens) {
        this.required = properties.required();
        this.tokens = tokens;
        this.inFlight = new Semaphore(properties.maxInFlightRequests());
        this.memory = memory;
        this.perToken = new TokenLimits(properties.requestsPerToken(), properties.bytesPerToken(memory.capacity()));
    }

    /**
     * Every request that can carry data (POST, PUT) is guarded, whatever its path, except the actuator's:
     * a list of guarded paths would miss the spellings the dispatcher still maps to a log endpoint
     * ({@code /api/v1/logs;x=1}, {@code /api/v1/%6Cogs}, {@code //api/v1/logs} …).
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        boolean carriesData = "POST".equalsIgnoreCase(request.getMethod()) || "PUT".equalsIgnoreCase(request.getMethod());
        return !carriesData || LOOKUP.getLookupPathForRequest(request).startsWith("/actuator/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<TokenEntry> token = Optional.empty();
        if (required) {
            token = authenticate(request);
            if (token.isEmpty()) {
                response.addHeader("WWW-Authenticate", "Bearer realm=\"sluice\"");
                response.addHeader("WWW-Authenticate", "Basic realm=\"sluice\"");
                refuse(response, 401, "a valid ingest token is required (Authorization: Bearer <token>, ApiKey <token>,"
                        + " or Basic auth with the token as password)");
                return;
            }
            if (token.get().bound()) {
                request.setAttribute(BoundService.ATTRIBUTE, token.get().scope());
            }
        }
        if (!inFlight.tryAcquire()) {
            response.setHeader("Retry-After", "1");
            refuse(response, 429, "too many requests in flight; retry shortly");
            return;
        }
        try {
            Optional<MemoryBudget> share = token.isPresent() ? perToken.admit(token.get().name()) : Optional.empty();
            if (token.isPresent() && share.isEmpty()) {
                response.setHeader("Retry-After", "1");
                refuse(response, 429, "this token already has " + perToken.requestsPerToken() + " requests in flight; retry shortly");
                return;
            }
            try {
                guarded(request, response, chain, share);
            } finally {
                token.ifPresent(entry -> perToken.release(entry.name()));
            }
        } finally {
            inFlight.release();
        }
    }

    private void guarded(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Optional<MemoryBudget> share)
            throws ServletException, IOException {
        try (MemoryBudget.Reservation reservation = share.map(memory::open).orElseGet(memory::open)) {
            request.setAttribute(RequestBodies.RESERVATION, reservation);
            chain.doFilter(request, response);
        } catch (ServletException e) {
            if (!(e.getRootCause() instanceof MemoryBudget.BudgetExhaustedException exhausted) || response.isCommitted()) {
                throw e;
            }
            response.setHeader("Retry-After", "1");
            refuse(response, 429, exhausted.getMessage());
        }
    }

    private Optional<TokenEntry> authenticate(HttpServletRequest request) {
        SourceTokens current = tokens.current();
        for (String candidate : PresentedToken.candidates(request.getHeader("Authorization"))) {
            Optional<TokenEntry> match = current.match(candidate);
            if (match.isPresent()) {
                return match;
            }
        }
        return Optional.empty();
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"accepted\":0,\"rejected\":0,\"errors\":[{\"lineNumber\":0,\"reason\":\""
                + reason + "\"}]}").getBytes(StandardCharsets.UTF_8));
    }
}
