package io.campanile.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryLedgerTest {

    @Test
    void knows_a_delivery_it_was_offered_before() {
        DeliveryLedger ledger = new DeliveryLedger(10);

        assertThat(ledger.firstDelivery(1, 1, 3)).isTrue();
        assertThat(ledger.firstDelivery(1, 1, 3)).isFalse();
        assertThat(ledger.firstDelivery(1, 2, 3)).isTrue();
    }

    @Test
    void takes_the_same_attempt_under_a_newer_epoch_as_a_new_delivery() {
        DeliveryLedger ledger = new DeliveryLedger(10);
        ledger.firstDelivery(1, 1, 3);

        assertThat(ledger.firstDelivery(1, 1, 4)).isTrue();
    }

    @Test
    void forgets_the_oldest_deliveries_beyond_its_size() {
        DeliveryLedger ledger = new DeliveryLedger(2);
        ledger.firstDelivery(1, 1, 3);
        ledger.firstDelivery(2, 1, 3);
        ledger.firstDelivery(3, 1, 3);

        assertThat(ledger.firstDelivery(3, 1, 3)).isFalse();
        assertThat(ledger.firstDelivery(1, 1, 3)).isTrue();
    }
}
