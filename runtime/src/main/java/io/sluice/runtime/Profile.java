package io.sluice.runtime;

/**
 * Which local platform: the one {@code ./sluice up} runs for people, the one integration tests share, or the
 * replicated cluster the chaos suite starts with {@code ./sluice up --cluster --profile chaos} and breaks. They differ
 * in ports and data folder, so tests never touch a developer's data, nor each other's.
 */
public enum Profile {
    LOCAL(0),
    TEST(20000),
    CHAOS(22000);

    private final int portOffset;

    Profile(int portOffset) {
        this.portOffset = portOffset;
    }

    public int port(int base) {
        return base + portOffset;
    }

    /** A platform for tests: ports below the ephemeral range and consumer sessions short enough to wait out. */
    public boolean forTests() {
        return this != LOCAL;
    }

    public String folder() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
