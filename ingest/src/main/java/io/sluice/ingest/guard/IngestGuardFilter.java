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
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * In front of every log-receiving endpoint: refuses with 429 when too many log requests are already
 * in flight, or when the bytes they hold use up the {@link MemoryBudget} (so overload slows senders
 * down instead of exhausting memory), and — when source tokens
 * are configured — with 401 unless the request carries a valid token, whose service it then binds.
 */
@Component
public class IngestGuardFilter extends OncePerRequestFilter {

    /** Decoded, without ;parameters: the path as the dispatcher sees it. */
    private static final UrlPathHelper LOOKUP = new UrlPathHelper();

    private final SourceTokens tokens;
    private final Semaphore inFlight;
    private final MemoryBudget memory;

    public IngestGuardFilter(GuardProperties properties, MemoryBudget memory) {
        this.tokens = SourceTokens.parse(properties.tokens());
        this.inFlight = new Semaphore(properties.maxInFlightRequests());
        this.memory = memory;
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
        if (!inFlight.tryAcquire()) {
            response.setHeader("Retry-After", "1");
            refuse(response, 429, "too many requests in flight; retry shortly");
            return;
        }
        try {
            if (tokens.enabled()) {
                Optional<String> service = tokens.serviceOf(presentedToken(request));
                if (service.isEmpty()) {
                    response.setHeader("WWW-Authenticate", "Bearer realm=\"sluice\"");
                    refuse(response, 401, "a valid source token is required (Authorization: Bearer <token>)");
                    return;
                }
                request.setAttribute(BoundService.ATTRIBUTE, service.get());
            }
            try (MemoryBudget.Reservation reservation = memory.open()) {
                request.setAttribute(RequestBodies.RESERVATION, reservation);
                chain.doFilter(request, response);
            } catch (ServletException e) {
                if (!(e.getRootCause() instanceof MemoryBudget.BudgetExhaustedException exhausted) || response.isCommitted()) {
                    throw e;
                }
                response.setHeader("Retry-After", "1");
                refuse(response, 429, exhausted.getMessage());
            }
        } finally {
            inFlight.release();
        }
    }

    private static String presentedToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return null;
        }
        for (String scheme : new String[] {"Bearer ", "ApiKey "}) {
            if (header.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return header.substring(scheme.length()).strip();
            }
        }
        return null;
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.getOutputStream().write(("{\"accepted\":0,\"rejected\":0,\"errors\":[{\"lineNumber\":0,\"reason\":\""
                + reason + "\"}]}").getBytes(StandardCharsets.UTF_8));
    }
}
