package fr.santegraph.practitioner;

import graphql.GraphQLContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.lang.Nullable;

/**
 * Activities read with a page of practitioners in the page's own statement, when the request asks for them: the
 * {@code activities} batch of that request then reads only the practitioners not already read. Per request (kept
 * in its {@link GraphQLContext}).
 */
final class PrefetchedActivities {

    private static final String KEY = PrefetchedActivities.class.getName();

    private final Map<String, List<Activity>> byPractitioner = new ConcurrentHashMap<>();

    /** This request's (made on first use). */
    static PrefetchedActivities of(GraphQLContext context) {
        return context.computeIfAbsent(KEY, key -> new PrefetchedActivities());
    }

    /** This request's, or null when its pages read none. */
    static PrefetchedActivities readIn(GraphQLContext context) {
        return context.get(KEY);
    }

    void put(String nationalId, List<Activity> activities) {
        byPractitioner.put(nationalId, activities);
    }

    /** The activities read for this practitioner, or null when they were not. */
    @Nullable List<Activity> get(String nationalId) {
        return byPractitioner.get(nationalId);
    }
}
