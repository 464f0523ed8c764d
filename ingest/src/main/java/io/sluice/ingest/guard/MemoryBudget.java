package io.sluice.ingest.guard;

import io.sluice.ingest.http.RequestBodies;
import java.time.Duration;

/**
 * The bytes all log requests together may hold in memory — bodies as received, and inflated bodies with
 * the lines cut from them — so that many large or compressed requests at once slow senders down (429)
 * instead of exhausting the heap. A request takes its share as it reads ({@link Reservation#charge}) and
 * gives it back when it ends; a request that could never fit, even alone, is refused as too large (413).
 */
public final class MemoryBudget {

    private final long capacity;
    private long used;

    public MemoryBudget(long capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("the in-flight byte budget must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    public long capacity() {
        return capacity;
    }

    public synchronized long used() {
        return used;
    }

    public Reservation open() {
        return new Reservation(null);
    }

    /**
     * A reservation that also takes its bytes from {@code share}, a smaller budget of one sender's own (its token's):
     * a request must fit both, so one sender can hold at most its share of this budget, and the rest stays for others.
     */
    public Reservation open(MemoryBudget share) {
        return new Reservation(share.open());
    }

    /**
     * Takes {@code bytes}, waiting at most {@code patience} for others to give theirs back. Waiters give up
     * in the order they came, each handing back what it held, so the last to come sees the room all the
     * others freed: under contention someone always gets through, rather than everyone refusing everyone.
     */
    private synchronized boolean take(long bytes, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (used + bytes > capacity) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        used += bytes;
        return true;
    }

    private synchronized void give(long bytes) {
        used -= bytes;
        notifyAll();
    }

    /** One request's share of the budget; closing it gives the share back. */
    public final class Reservation implements AutoCloseable {

        private final Reservation share;
        private long held;

        private Reservation(Reservation share) {
            this.share = share;
        }

        /** Takes {@code bytes} more for this request, or refuses at once: 413 if it could never fit, 429 if others hold the budget now. */
        public void charge(long bytes) {
            charge(bytes, Duration.ZERO);
        }

        /** As {@link #charge(long)}, waiting at most {@code patience} for room (a request's one large share, taken whole). */
        public void charge(long bytes, Duration patience) {
            if (held + bytes > capacity) {
                throw new RequestBodies.BodyTooLargeException("the request needs more than this instance's in-flight memory budget of "
                        + capacity + " bytes (bodies count once, inflated bodies twice): send smaller requests");
            }
            if (share != null) {
                try {
                    share.charge(bytes, patience);
                } catch (BudgetExhaustedException e) {
                    throw new BudgetExhaustedException("this token's share of the in-flight memory budget (" + share.capacity()
                            + " bytes) is in use by its other requests; retry shortly");
                } catch (RequestBodies.BodyTooLargeException e) {
                    throw new RequestBodies.BodyTooLargeException("the request needs more than one token's share of the in-flight memory"
                            + " budget (" + share.capacity() + " bytes; bodies count once, inflated bodies twice): send smaller requests");
                }
            }
            if (!take(bytes, patience)) {
                if (share != null) {
                    share.give(bytes);
                }
                throw new BudgetExhaustedException("in-flight memory budget of " + capacity + " bytes is in use; retry shortly");
            }
            held += bytes;
        }

        private long capacity() {
            return MemoryBudget.this.capacity;
        }

        private void give(long bytes) {
            MemoryBudget.this.give(bytes);
            held -= bytes;
        }

        @Override
        public void close() {
            MemoryBudget.this.give(held);
            held = 0;
            if (share != null) {
                share.close();
            }
        }
    }

    /** 429: the budget is held by other requests right now. */
    public static final class BudgetExhaustedException extends RuntimeException {
        BudgetExhaustedException(String message) {
            super(message);
        }
    }
}
