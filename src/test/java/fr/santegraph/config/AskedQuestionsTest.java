package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AskedQuestionsTest {

    @Test
    void theMostAskedComeFirstThenTheMostRecentlyAsked() {
        var asked = new AskedQuestions<String>(10, 1_000);
        asked.asked("a", 10);
        asked.asked("b", 10);
        asked.asked("b", 10);
        asked.asked("c", 10);
        asked.asked("d", 10);
        asked.asked("d", 10);
        asked.asked("d", 10);

        assertThat(asked.mostAsked(3)).containsExactly("d", "b", "c");
    }

    @Test
    void eachChoiceHalvesTheCountsSoQuestionsNoLongerAskedFadeOut() {
        var asked = new AskedQuestions<String>(10, 1_000);
        for (int i = 0; i < 4; i++) {
            asked.asked("often", 10);
        }
        asked.asked("once", 10);

        assertThat(asked.mostAsked(10)).containsExactly("often", "once");
        assertThat(asked.mostAsked(10)).as("after one choice: 'once' is forgotten, 'often' counts 2").containsExactly("often");
        assertThat(asked.mostAsked(10)).as("counts 1").containsExactly("often");
        assertThat(asked.mostAsked(10)).isEmpty();
    }

    @Test
    void aFloodOfDistinctQuestionsIsBoundedInNumberAndInMemory() {
        var byCount = new AskedQuestions<Integer>(100, 1_000_000);
        var byBytes = new AskedQuestions<Integer>(1_000_000, 5_000);
        for (int i = 0; i < 100_000; i++) {
            byCount.asked(i, 100);
            byBytes.asked(i, 100);
        }
        assertThat(byCount.size()).isEqualTo(100);
        assertThat(byBytes.size()).isEqualTo(50);
        assertThat(byCount.mostAsked(3)).as("the least recently asked went first").containsExactly(99_999, 99_998, 99_997);
    }

    @Test
    void aQuestionLargerThanTheWholeBoundIsNotRecordedAndNothingIsRecordedWhenOff() {
        var asked = new AskedQuestions<String>(10, 1_000);
        asked.asked("huge", 1_001);
        assertThat(asked.size()).isZero();

        var off = new AskedQuestions<String>(0, 1_000);
        off.asked("a", 10);
        assertThat(off.mostAsked(10)).isEmpty();
    }
}
