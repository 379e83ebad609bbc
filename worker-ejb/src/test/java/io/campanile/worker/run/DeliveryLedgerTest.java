package io.campanile.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    @Test
    void knows_a_pair_it_was_offered_before() {
        DeliveryLedger ledger = new DeliveryLedger(10);

        assertThat(ledger.firstDelivery(1, 1)).isTrue();
        assertThat(ledger.firstDelivery(1, 1)).isFalse();
        assertThat(ledger.firstDelivery(1, 2)).isTrue();
    }

    @Test
    void forgets_the_oldest_pairs_beyond_its_size() {
        DeliveryLedger ledger = new DeliveryLedger(2);
        ledger.firstDelivery(1, 1);
        ledger.firstDelivery(2, 1);
        ledger.firstDelivery(3, 1);

        assertThat(ledger.firstDelivery(3, 1)).isFalse();
        assertThat(ledger.firstDelivery(1, 1)).isTrue();
    }
}
