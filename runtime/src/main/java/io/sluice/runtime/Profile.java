package io.sluice.runtime;

/**
 * Which local platform: the one {@code ./sluice up} runs for people, or the one integration tests
 * share. They differ in ports and data folder, so tests never touch a developer's data.
 */
public enum Profile {
    LOCAL(0),
    TEST(20000);

    private final int portOffset;

    Profile(int portOffset) {
        this.portOffset = portOffset;
    }

    public int port(int base) {
        return base + portOffset;
    }

    public String folder() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
