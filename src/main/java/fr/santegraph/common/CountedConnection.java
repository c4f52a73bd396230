package fr.santegraph.common;

import graphql.relay.DefaultConnection;
import graphql.relay.Edge;
import graphql.relay.PageInfo;
import java.util.List;
import org.springframework.lang.Nullable;

/** A Relay connection that also says how many items match in all: the first thing front-ends ask for. */
public class CountedConnection<T> extends DefaultConnection<T> {

    private final @Nullable Long totalCount;

    public CountedConnection(List<Edge<T>> edges, PageInfo pageInfo, @Nullable Long totalCount) {
        super(edges, pageInfo);
        this.totalCount = totalCount;
    }

    /** Null only when the query did not ask for it. */
    public @Nullable Long getTotalCount() {
        return totalCount;
    }

    /**
     * Always false: kept for clients of the practitioner directory, whose totals were once masked (a count over a
     * public directory protects nothing: paging gives it).
     */
    public boolean getTotalCountMasked() {
        return false;
    }

    public List<T> getNodes() {
        return getEdges().stream().map(Edge::getNode).toList();
    }
}
