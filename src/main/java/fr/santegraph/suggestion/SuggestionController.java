package fr.santegraph.suggestion;

import fr.santegraph.common.ClientKey;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.Pagination;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Controller
public class SuggestionController {

    private final SuggestionService suggestions;
    private final Pagination pagination;

    public SuggestionController(SuggestionService suggestions, Pagination pagination) {
        this.suggestions = suggestions;
        this.pagination = pagination;
    }

    @MutationMapping
    public SubmitSuggestionPayload submitSuggestion(@Argument SuggestionInput input) {
        return suggestions.submit(input, client());
    }

    @QueryMapping
    @PreAuthorize("hasRole('EDITOR')")
    public CountedConnection<Suggestion> suggestions(ScrollSubrange subrange) {
        return suggestions.list(pagination.request(subrange));
    }

    /** The account, else the address (an IPv6 address by its /64): what the rate limit counts per. */
    private static String client() {
        return ClientKey.of(RequestContextHolder.getRequestAttributes()
                instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null);
    }

}
