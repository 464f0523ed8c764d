package io.sluice.ingest.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ingest.http.RequestBodies;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    private final MemoryBudget budget = new MemoryBudget(100);

    @Test
    void shouldRefuseForNowWhatOthersHoldAndTakeItOnceTheyAreDone() {
        MemoryBudget.Reservation first = budget.open();
        first.charge(70);
        MemoryBudget.Reservation second = budget.open();

        assertThatThrownBy(() -> second.charge(40)).isInstanceOf(MemoryBudget.BudgetExhaustedException.class);
        first.close();
        second.charge(40);

        assertThat(budget.used()).isEqualTo(40);
        second.close();
        assertThat(budget.used()).isZero();
    }

    @Test
    void shouldCallARequestThatCouldNeverFitTooLargeNotBusy() {
        MemoryBudget.Reservation alone = budget.open();
        alone.charge(60);

        assertThatThrownBy(() -> alone.charge(41)).isInstanceOf(RequestBodies.BodyTooLargeException.class)
                .hasMessageContaining("in-flight memory budget of 100 bytes");
        alone.close();
        assertThat(budget.used()).isZero();
    }

    @Test
    void shouldLetTheLastOfManyWaitersThroughOnceTheOthersGaveUp() throws Exception {
        MemoryBudget small = new MemoryBudget(100);
        java.util.List<MemoryBudget.Reservation> holders = new java.util.ArrayList<>();
        java.util.List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger through = new java.util.concurrent.atomic.AtomicInteger();
        for (int i = 0; i < 4; i++) {
            MemoryBudget.Reservation reservation = small.open();
            reservation.charge(20); // each holds a part, as a request that read its body does
            holders.add(reservation);
        }
        for (MemoryBudget.Reservation reservation : holders) {
            threads.add(new Thread(() -> {
                try {
                    reservation.charge(70, java.time.Duration.ofMillis(300)); // then wants its large share
                    through.incrementAndGet();
                } catch (MemoryBudget.BudgetExhaustedException e) {
                    reservation.close(); // answered 429: gives back what it held
                }
            }));
            threads.get(threads.size() - 1).start();
            Thread.sleep(20);
        }
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(through.get()).as("not everyone refused everyone").isEqualTo(1);
    }
}
