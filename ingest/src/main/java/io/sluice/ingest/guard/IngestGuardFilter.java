package io.sluice.ingest.guard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * In front of every log-receiving endpoint: refuses with 429 when too many log requests are already
 * in flight (so overload slows senders down instead of exhausting memory), and — when source tokens
 * are configured — with 401 unless the request carries a valid token, whose service it then binds.
 */
@Component
public class IngestGuardFilter extends OncePerRequestFilter {

    private final SourceTokens tokens;
    private final Semaphore inFlight;

    public IngestGuardFilter(GuardProperties properties) {
        this.tokens = SourceTokens.parse(properties.tokens());
        this.inFlight = new Semaphore(properties.maxInFlightRequests());
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        boolean receivesLogs = path.equals("/api/v1/logs") || path.endsWith("/_bulk") || path.equals("/v1/logs")
                || path.equals("/loki/api/v1/push");
        return !receivesLogs || !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod());
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
            chain.doFilter(request, response);
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
