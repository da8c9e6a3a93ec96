package org.commitmentledger.platform.eventstore;

import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommitHorizonTokenTests {

    private final CommitHorizonToken position = new CommitHorizonToken(100, 57);

    @Test
    void aLaterRowOfTheSameTransactionCoversAnEarlierOne() {
        assertThat(position.covers(new CommitHorizonToken(100, 40))).isTrue();
        assertThat(new CommitHorizonToken(100, 40).covers(position)).isFalse();
    }

    @Test
    void aRowOfALaterTransactionCoversEveryRowOfEarlierOnesWhateverTheirGlobalIndex() {
        CommitHorizonToken later = new CommitHorizonToken(101, 3);

        assertThat(later.covers(position)).isTrue();
        assertThat(position.covers(later)).isFalse();
    }

    @Test
    void anyTwoTokensAreOrdered() {
        CommitHorizonToken other = new CommitHorizonToken(95, 600);

        assertThat(position.lowerBound(other)).isEqualTo(other);
        assertThat(position.upperBound(other)).isEqualTo(position);
        assertThat(position.covers(other) != other.covers(position)).isTrue();
    }

    @Test
    void belowAHorizonCoversEveryRowOfTheTransactionsBeforeIt() {
        assertThat(CommitHorizonToken.below(101).covers(new CommitHorizonToken(100, Long.MAX_VALUE - 1))).isTrue();
        assertThat(CommitHorizonToken.below(101).covers(new CommitHorizonToken(101, 0))).isFalse();
    }

    @Test
    void theTailIsCoveredByEveryToken() {
        assertThat(position.covers(CommitHorizonToken.tail())).isTrue();
        assertThat(CommitHorizonToken.tail().covers(position)).isFalse();
    }

    @Test
    void comparesWithTheTokenInsideAReplayToken() {
        ReplayToken replay = (ReplayToken) ReplayToken.createReplayToken(position, CommitHorizonToken.tail());

        assertThat(position.covers(replay)).isTrue();
    }
}
