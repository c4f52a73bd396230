package fr.santegraph.common;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.support.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final AnswerCache<Key, Object> cache = cache(10_000);

    /** Like a GraphQL request: a document, variables and who asks. */
    private record Key(String document, Map<String, Object> variables, List<String> authorities) {
    }

    private AnswerCache<Key, Object> cache(long maxBytes) {
        return new AnswerCache<>(maxBytes, Duration.ofMinutes(10), clock,
                key -> AnswerCache.estimatedBytes(key.document()) + AnswerCache.estimatedBytes(key.variables()),
                AnswerCache::estimatedBytes);
    }

    private static Key key(String code, String... authorities) {
        return new Key("query T($code: String!) { territory(code: $code) { name } }", Map.of("code", code),
                List.of(authorities));
    }

    private static Map<String, Object> answer(String name) {
        return Map.of("territory", Map.of("name", name));
    }

    @Test
    void anAnswerIsServedAtTheVersionItWasComputedAtOnly() {
        cache.put(key("01"), OptionalLong.of(7), answer("Ain"), clock.instant());
        assertThat(cache.get(key("01"), OptionalLong.of(7))).isEqualTo(answer("Ain"));
        assertThat(cache.get(key("01"), OptionalLong.of(8))).isNull();
        assertThat(cache.get(key("02"), OptionalLong.of(7))).isNull();
        assertThat(cache.get(key("01", "ROLE_INSTITUTION"), OptionalLong.of(7))).isNull();
    }

    @Test
    void aNewVersionDropsEveryKeptAnswer() {
        cache.put(key("01"), OptionalLong.of(7), answer("Ain"), clock.instant());
        cache.put(key("02"), OptionalLong.of(7), answer("Aisne"), clock.instant());
        cache.put(key("03"), OptionalLong.of(8), answer("Allier"), clock.instant());
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.get(key("01"), OptionalLong.of(7))).isNull();
        assertThat(cache.get(key("03"), OptionalLong.of(8))).isEqualTo(answer("Allier"));
    }

    @Test
    void anAnswerOlderThanItsTimeToLiveIsComputedAgain() {
        cache.put(key("01"), OptionalLong.of(7), answer("Ain"), clock.instant());
        clock.advance(Duration.ofMinutes(9));
        assertThat(cache.get(key("01"), OptionalLong.of(7))).isNotNull();
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get(key("01"), OptionalLong.of(7))).isNull();
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }

    @Test
    void whenMemoryRunsOutTheLeastRecentlyReadAnswersGoFirst() {
        long one = AnswerCache.estimatedBytes(key("00").document()) + AnswerCache.estimatedBytes(Map.of("code", "00"))
                + AnswerCache.estimatedBytes(answer("Commune 00"));
        AnswerCache<Key, Object> small = cache(one * 5);
        for (int i = 0; i < 5; i++) {
            small.put(key("0" + i), OptionalLong.of(1), answer("Commune 0" + i), clock.instant());
        }
        small.get(key("00"), OptionalLong.of(1)); // read: now the most recent
        small.put(key("05"), OptionalLong.of(1), answer("Commune 05"), clock.instant());
        assertThat(small.bytes()).isLessThanOrEqualTo(one * 5);
        assertThat(small.get(key("00"), OptionalLong.of(1))).isNotNull();
        assertThat(small.get(key("01"), OptionalLong.of(1))).as("least recently read").isNull();
        assertThat(small.get(key("05"), OptionalLong.of(1))).isNotNull();
    }

    @Test
    void anAnswerLargerThanTheWholeMemoryIsNotKept() {
        cache.put(key("01"), OptionalLong.of(1), answer("x".repeat(10_000)), clock.instant());
        assertThat(cache.size()).isZero();
        assertThat(cache.bytes()).isZero();
    }
}
