package fr.santegraph.territory;

import fr.santegraph.common.BatchResults;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.Pagination;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class TerritoryController {

    private final TerritoryService territories;
    private final Pagination pagination;

    /** A page of children of one territory: the children loader batches these across all parents of a request. */
    record ChildrenKey(String parentId, Set<TerritoryLevel> levels, PageRequest page) {
    }

    public TerritoryController(TerritoryService territories, Pagination pagination, BatchLoaderRegistry loaders) {
        this.territories = territories;
        this.pagination = pagination;
        loaders.<ChildrenKey, CountedConnection<Territory>>forName("territoryChildren")
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> loadChildren(keys)));
    }

    @QueryMapping
    public @Nullable Territory territory(@Argument String code, @Argument TerritoryLevel level) {
        return territories.findByCode(code, level).orElse(null);
    }

    @QueryMapping
    public CountedConnection<Territory> territories(@Argument TerritoryFilter filter, @Argument TerritoryOrder orderBy,
                                                    ScrollSubrange subrange, DataFetchingFieldSelectionSet selection) {
        return territories.find(filter, orderBy, pagination.request(subrange), selection.contains("totalCount"));
    }

    @SchemaMapping
    public CompletableFuture<CountedConnection<Territory>> children(Territory territory, @Argument TerritoryLevel level,
                                                                    ScrollSubrange subrange,
                                                                    DataLoader<ChildrenKey, CountedConnection<Territory>> territoryChildren) {
        Set<TerritoryLevel> levels = level == null ? TerritoryService.defaultChildLevels(territory.level())
                : EnumSet.of(level);
        return territoryChildren.load(new ChildrenKey(territory.id(), levels, pagination.request(subrange)));
    }

    private Map<ChildrenKey, CountedConnection<Territory>> loadChildren(Set<ChildrenKey> keys) {
        Map<ChildrenKey, CountedConnection<Territory>> result = new HashMap<>();
        // One query per distinct (levels, page): in practice one per request.
        keys.stream().collect(Collectors.groupingBy(key -> List.of(key.levels(), key.page())))
                .forEach((group, groupKeys) -> {
                    Map<String, CountedConnection<Territory>> pages = territories.children(
                            groupKeys.stream().map(ChildrenKey::parentId).toList(), groupKeys.get(0).levels(),
                            groupKeys.get(0).page());
                    groupKeys.forEach(key -> result.put(key, pages.get(key.parentId())));
                });
        return result;
    }

    @BatchMapping
    public Map<Territory, Territory> parent(List<Territory> sources) {
        return related(sources, TerritoryRelation.PARENT);
    }

    @BatchMapping
    public Map<Territory, Territory> department(List<Territory> sources) {
        return related(sources, TerritoryRelation.DEPARTMENT);
    }

    @BatchMapping
    public Map<Territory, Territory> region(List<Territory> sources) {
        return related(sources, TerritoryRelation.REGION);
    }

    @BatchMapping
    public Map<Territory, Territory> epci(List<Territory> sources) {
        return related(sources, TerritoryRelation.EPCI);
    }

    @BatchMapping
    public Map<Territory, Territory> mergedInto(List<Territory> sources) {
        return related(sources, TerritoryRelation.MERGED_INTO);
    }

    @BatchMapping
    public Map<Territory, List<String>> postalCodes(List<Territory> sources) {
        return BatchResults.lists(sources, Territory::id, territories::postalCodes);
    }

    private Map<Territory, Territory> related(List<Territory> sources, TerritoryRelation relation) {
        return BatchResults.ones(sources, Territory::id, ids -> territories.related(ids, relation));
    }
}
