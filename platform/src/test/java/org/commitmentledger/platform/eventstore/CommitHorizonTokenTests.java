package org.commitmentledger.platform.eventstore;

import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommitHorizonTokenTests {

    private final CommitHorizonToken window = new CommitHorizonToken(100, 110, 57);

    @Test
    void aLaterPositionInTheSameWindowCoversAnEarlierOne() {
        assertThat(window.covers(window.at(40))).isTrue();
        assertThat(window.at(40).covers(window)).isFalse();
    }

    @Test
    void aTokenBeyondAWindowCoversEverythingInIt() {
        CommitHorizonToken next = new CommitHorizonToken(110, 120, 3);

        assertThat(next.covers(window)).isTrue();
        assertThat(window.covers(next)).isFalse();
    }

    @Test
    void tokensOfDifferentOverlappingWindowsDoNotCoverEachOther() {
        CommitHorizonToken other = new CommitHorizonToken(100, 115, 60);

        assertThat(window.covers(other)).isFalse();
        assertThat(other.covers(window)).isFalse();
    }

    @Test
    void theLowerBoundOfOverlappingWindowsIsCoveredByBoth() {
        CommitHorizonToken other = new CommitHorizonToken(95, 115, 60);

        CommitHorizonToken lower = (CommitHorizonToken) window.lowerBound(other);

        assertThat(window.covers(lower)).isTrue();
        assertThat(other.covers(lower)).isTrue();
    }

    @Test
    void theUpperBoundOfOverlappingWindowsCoversBoth() {
        CommitHorizonToken other = new CommitHorizonToken(95, 115, 60);

        CommitHorizonToken upper = (CommitHorizonToken) window.upperBound(other);

        assertThat(upper.covers(window)).isTrue();
        assertThat(upper.covers(other)).isTrue();
    }

    @Test
    void theTailIsCoveredByEveryToken() {
        assertThat(window.covers(CommitHorizonToken.tail())).isTrue();
        assertThat(CommitHorizonToken.tail().covers(window)).isFalse();
    }

    @Test
    void comparesWithTheTokenInsideAReplayToken() {
        ReplayToken replay = (ReplayToken) ReplayToken.createReplayToken(window, CommitHorizonToken.tail());

        assertThat(window.covers(replay)).isTrue();
    }

    @Test
    void refusesAWindowThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new CommitHorizonToken(10, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
