package fr.santegraph.common;

import graphql.relay.DefaultConnection;
import graphql.relay.Edge;
import graphql.relay.PageInfo;
import java.util.List;

/** A Relay connection that also says how many items match in all: the first thing front-ends ask for. */
public class CountedConnection<T> extends DefaultConnection<T> {

    private final Long totalCount;
    private final boolean totalCountMasked;

    public CountedConnection(List<Edge<T>> edges, PageInfo pageInfo, Long totalCount) {
        this(edges, pageInfo, totalCount, false);
    }

    private CountedConnection(List<Edge<T>> edges, PageInfo pageInfo, Long totalCount, boolean totalCountMasked) {
        super(edges, pageInfo);
        this.totalCount = totalCount;
        this.totalCountMasked = totalCountMasked;
    }

    /** Null only when the query did not ask for it. */
    public Long getTotalCount() {
        return totalCount;
    }

    /** A copy whose total is withheld (the small-count rule): null, with {@link #getTotalCountMasked()} true. */
    public CountedConnection<T> withTotalCountMasked() {
        return new CountedConnection<>(getEdges(), getPageInfo(), null, true);
    }

    public boolean getTotalCountMasked() {
        return totalCountMasked;
    }

    public List<T> getNodes() {
        return getEdges().stream().map(Edge::getNode).toList();
    }
}
