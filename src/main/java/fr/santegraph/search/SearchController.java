package fr.santegraph.search;

import fr.santegraph.common.Pagination;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.List;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
public class SearchController {

    private final SearchService search;
    private final Pagination pagination;

    public SearchController(SearchService search, Pagination pagination) {
        this.search = search;
        this.pagination = pagination;
    }

    @QueryMapping
    public SearchService.SearchConnection search(@Argument String query, @Argument List<SearchType> types,
                                                 @Argument SearchService.Filter filter,
                                                 @Argument SearchService.Order orderBy, ScrollSubrange subrange,
                                                 DataFetchingFieldSelectionSet selection) {
        // Facets cost a pass over every hit, highlights one over each hit's texts: only when the query asks for them.
        return search.search(query, types, filter, orderBy, pagination.request(subrange), selection.contains("facets"),
                selection.containsAnyOf("nodes/highlights", "edges/node/highlights"));
    }
}
