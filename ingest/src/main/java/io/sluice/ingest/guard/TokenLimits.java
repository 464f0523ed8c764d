package io.sluice.ingest.guard;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;

/**
 * Each token's own limits, inside the instance's: requests in flight, and a share of the in-flight byte budget. One
 * noisy sender fills its own share and gets 429s; the other tokens' requests still find room.
 */
final class TokenLimits {

    private record Share(Semaphore requests, MemoryBudget bytes) {
    }

    private final int requestsPerToken;
    private final long bytesPerToken;
    private final ConcurrentMap<String, Share> shares = new ConcurrentHashMap<>();

    TokenLimits(int requestsPerToken, long bytesPerToken) {
        if (requestsPerToken < 1 || bytesPerToken < 1) {
            throw new IllegalArgumentException("each token needs room for at least one request and one byte");
        }
        this.requestsPerToken = requestsPerToken;
        this.bytesPerToken = bytesPerToken;
    }

    int requestsPerToken() {
        return requestsPerToken;
    }

    long bytesPerToken() {
        return bytesPerToken;
    }

    /** The token's byte share, once it has taken one of its request slots; empty when all its slots are taken. */
    Optional<MemoryBudget> admit(String token) {
        Share share = shares.computeIfAbsent(token, name -> new Share(new Semaphore(requestsPerToken), new MemoryBudget(bytesPerToken)));
        return share.requests().tryAcquire() ? Optional.of(share.bytes()) : Optional.empty();
    }

    void release(String token) {
        shares.get(token).requests().release();
    }
}
