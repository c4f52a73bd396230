package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.support.ManualClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ResultCacheInterceptorTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T12:00:00Z"));

    @Test
    void onlyQueriesAreKeptNotMutationsNorDocumentsThatDoNotParse() {
        var interceptor = new ResultCacheInterceptor(new ResultCacheProperties(DataSize.ofMegabytes(1),
                Duration.ofMinutes(1), false), () -> OptionalLong.of(1), new SimpleMeterRegistry(), clock);
        assertThat(interceptor.isQuery("{ territories { totalCount } }", null)).isTrue();
        assertThat(interceptor.isQuery("query A { a } mutation B { b }", "A")).isTrue();
        assertThat(interceptor.isQuery("query A { a } mutation B { b }", "B")).isFalse();
        assertThat(interceptor.isQuery("query A { a } mutation B { b }", null)).as("ambiguous").isFalse();
        assertThat(interceptor.isQuery("mutation { submitSuggestion { __typename } }", null)).isFalse();
        assertThat(interceptor.isQuery("{ territories { ", null)).isFalse();
    }

    @Test
    void withAnExternalDatabaseNothingIsKeptUnlessAllowed() {
        var off = new ResultCacheInterceptor(new ResultCacheProperties(DataSize.ofMegabytes(1),
                Duration.ofMinutes(1), false), null, new SimpleMeterRegistry(), clock);
        var allowed = new ResultCacheInterceptor(new ResultCacheProperties(DataSize.ofMegabytes(1),
                Duration.ofMinutes(1), true), null, new SimpleMeterRegistry(), clock);
        assertThat(off.cache().enabled()).isFalse();
        assertThat(allowed.cache().enabled()).isTrue();
    }
}
