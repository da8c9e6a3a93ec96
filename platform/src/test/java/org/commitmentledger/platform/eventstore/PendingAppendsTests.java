package org.commitmentledger.platform.eventstore;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PendingAppendsTests {

    @Test
    void looksOnceAtFirstForWhatWasAppendedBeforeListening() {
        PendingAppends pending = new PendingAppends(99);

        assertThat(pending.lookAgainAt(100)).isTrue();
        assertThat(pending.heldBack(100)).isFalse();
        assertThat(pending.lookAgainAt(101)).as("nothing appended since").isFalse();
    }

    @Test
    void looksAgainWhenTheHorizonPassesATransactionThatAppended() {
        PendingAppends pending = new PendingAppends(99);
        pending.lookAgainAt(100);

        pending.appended(104);

        assertThat(pending.lookAgainAt(105)).isTrue();
        assertThat(pending.heldBack(105)).isFalse();
    }

    @Test
    void keepsCheckingWhileAnOlderTransactionHoldsAnAppendBack() {
        PendingAppends pending = new PendingAppends(99);
        pending.lookAgainAt(100);

        pending.appended(104);

        assertThat(pending.heldBack(101)).as("101 still runs").isTrue();
        assertThat(pending.lookAgainAt(101)).as("what 100 appended may be readable").isTrue();
        assertThat(pending.lookAgainAt(101)).as("nothing more is readable until the horizon moves").isFalse();
        assertThat(pending.heldBack(101)).isTrue();
        assertThat(pending.lookAgainAt(105)).isTrue();
        assertThat(pending.heldBack(105)).isFalse();
    }

    @Test
    void ignoresATransactionTheStreamsLookedPast() {
        PendingAppends pending = new PendingAppends(99);
        pending.lookAgainAt(105);

        pending.appended(104);

        assertThat(pending.lookAgainAt(106)).isFalse();
    }
}
