package fr.santegraph.common;

import graphql.relay.DefaultConnectionCursor;
import graphql.relay.DefaultEdge;
import graphql.relay.DefaultPageInfo;
import graphql.relay.Edge;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorStrategy;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Turns Relay arguments ({@link ScrollSubrange} from {@code first}/{@code after}) into a page request, and a page
 * of results back into a {@link CountedConnection} with opaque cursors. A {@code first} above the configured
 * maximum is refused, not silently cut.
 */
@Component
public class Pagination {

    private final CursorStrategy<ScrollPosition> cursors;
    private final int defaultPageSize;
    private final int maxPageSize;

    public Pagination(CursorStrategy<ScrollPosition> cursors,
                      @Value("${santegraph.graphql.default-page-size:20}") int defaultPageSize,
                      @Value("${santegraph.graphql.max-page-size:1000}") int maxPageSize) {
        this.cursors = cursors;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    public int maxPageSize() {
        return maxPageSize;
    }

    public PageRequest request(ScrollSubrange subrange) {
        // Spring turns last/before over offset cursors into the forward page that ends before the cursor.
        if (!subrange.forward()) {
            throw new InvalidArgumentException("last needs before: use first/after for the first pages");
        }
        int limit = subrange.count().orElse(defaultPageSize);
        if (limit < 0) {
            throw new InvalidArgumentException("a page size must not be negative");
        }
        if (limit > maxPageSize) {
            throw new InvalidArgumentException("a page of " + limit + " is above the maximum page size " + maxPageSize
                    + " (santegraph.graphql.max-page-size)");
        }
        long offset = subrange.position().map(position -> {
            if (position instanceof OffsetScrollPosition offsetPosition) {
                // A cursor is the position of an item already seen: the page starts after it.
                return offsetPosition.isInitial() ? 0L : offsetPosition.getOffset() + 1;
            }
            throw new InvalidArgumentException("after/before is not a cursor of this connection");
        }).orElse(0L);
        return new PageRequest(offset, limit);
    }

    /** A cursor for the item at this zero-based index: paging on after it starts at the next one. */
    public String cursorAt(long index) {
        return cursors.toCursor(ScrollPosition.offset(index));
    }

    /** A page whose total is known: there is a next page when the total goes beyond it. */
    public <T> CountedConnection<T> connection(List<T> items, PageRequest page, long totalCount) {
        return build(items, page, totalCount, page.offset() + items.size() < totalCount);
    }

    /**
     * A page fetched with one item more than asked ({@link PageRequest#lookAhead()}), which tells whether another
     * page follows without counting; {@code totalCount} is null when the query did not select it.
     */
    public <T> CountedConnection<T> connectionFromLookAhead(List<T> itemsPlusOne, PageRequest page,
                                                            @Nullable Long totalCount) {
        boolean hasNext = itemsPlusOne.size() > page.limit();
        List<T> items = hasNext ? itemsPlusOne.subList(0, page.limit()) : itemsPlusOne;
        return build(items, page, totalCount, hasNext);
    }

    private <T> CountedConnection<T> build(List<T> items, PageRequest page, @Nullable Long totalCount,
                                           boolean hasNextPage) {
        List<Edge<T>> edges = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            edges.add(new DefaultEdge<>(items.get(i), new DefaultConnectionCursor(cursorAt(page.offset() + i))));
        }
        var pageInfo = new DefaultPageInfo(
                edges.isEmpty() ? null : edges.get(0).getCursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).getCursor(),
                page.offset() > 0,
                hasNextPage);
        return new CountedConnection<>(edges, pageInfo, totalCount);
    }
}
