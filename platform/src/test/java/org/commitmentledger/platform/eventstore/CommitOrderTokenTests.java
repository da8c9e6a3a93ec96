package org.commitmentledger.platform.eventstore;

import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommitOrderTokenTests {

    private final CommitOrderToken position = new CommitOrderToken(100, 57);

    @Test
    void aLaterRowOfTheSameTransactionCoversAnEarlierOne() {
        assertThat(position.covers(new CommitOrderToken(100, 40))).isTrue();
        assertThat(new CommitOrderToken(100, 40).covers(position)).isFalse();
    }

    @Test
    void aRowOfALaterTransactionCoversEveryRowOfEarlierOnesWhateverTheirGlobalIndex() {
        CommitOrderToken later = new CommitOrderToken(101, 3);

        assertThat(later.covers(position)).isTrue();
        assertThat(position.covers(later)).isFalse();
    }

    @Test
    void anyTwoTokensAreOrdered() {
        CommitOrderToken other = new CommitOrderToken(95, 600);

        assertThat(position.lowerBound(other)).isEqualTo(other);
        assertThat(position.upperBound(other)).isEqualTo(position);
        assertThat(position.covers(other) != other.covers(position)).isTrue();
    }

    @Test
    void belowAHorizonCoversEveryRowOfTheTransactionsBeforeIt() {
        assertThat(CommitOrderToken.below(101).covers(new CommitOrderToken(100, Long.MAX_VALUE - 1))).isTrue();
        assertThat(CommitOrderToken.below(101).covers(new CommitOrderToken(101, 0))).isFalse();
    }

    @Test
    void theTailIsCoveredByEveryToken() {
        assertThat(position.covers(CommitOrderToken.tail())).isTrue();
        assertThat(CommitOrderToken.tail().covers(position)).isFalse();
    }

    @Test
    void comparesWithTheTokenInsideAReplayToken() {
        ReplayToken replay = (ReplayToken) ReplayToken.createReplayToken(position, CommitOrderToken.tail());

        assertThat(position.covers(replay)).isTrue();
    }
}
