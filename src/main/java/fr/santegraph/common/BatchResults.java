package fr.santegraph.common;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.lang.Nullable;

/**
 * The regrouping every {@code @BatchMapping} does: the sources' distinct keys are read in one statement, then each
 * source gets what its key found. GraphQL may pass equal sources (one territory under two practitioners): they share
 * one entry. A source whose key is null, or whose key found nothing where nothing is the answer, is left out of the
 * map, which GraphQL serves as null.
 */
public final class BatchResults {

    private BatchResults() {
    }

    /** Each source with what its key found, {@code absent} when it found nothing (left out when that is null). */
    public static <S, K, T> Map<S, T> bySource(Collection<S> sources, Function<S, K> key,
                                               Function<List<K>, Map<K, T>> load, @Nullable T absent) {
        List<K> keys = sources.stream().map(key).filter(Objects::nonNull).distinct().toList();
        Map<K, T> found = keys.isEmpty() ? Map.of() : load.apply(keys);
        Map<S, T> result = new LinkedHashMap<>();
        for (S source : sources) {
            K k = key.apply(source);
            T value = k == null ? absent : found.getOrDefault(k, absent);
            if (value != null) {
                result.putIfAbsent(source, value);
            }
        }
        return result;
    }

    /** Each source with the list its key found, empty when none. */
    public static <S, K, T> Map<S, List<T>> lists(Collection<S> sources, Function<S, K> key,
                                                  Function<List<K>, Map<K, List<T>>> load) {
        return bySource(sources, key, load, List.of());
    }

    /** Each source with the one object its key found; sources that found none are left out (null in GraphQL). */
    public static <S, K, T> Map<S, T> ones(Collection<S> sources, Function<S, K> key, Function<List<K>, Map<K, T>> load) {
        return bySource(sources, key, load, null);
    }

    /** The first of each list: a relation that holds one object, read as a list. */
    public static <K, T> Map<K, T> firsts(Map<K, List<T>> lists) {
        Map<K, T> result = new LinkedHashMap<>();
        lists.forEach((k, list) -> {
            if (!list.isEmpty()) {
                result.put(k, list.get(0));
            }
        });
        return result;
    }
}
