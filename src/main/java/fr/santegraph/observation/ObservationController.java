package fr.santegraph.observation;

import fr.santegraph.common.BatchResults;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.Pagination;
import fr.santegraph.security.Caller;
import fr.santegraph.territory.Territory;
import fr.santegraph.territory.TerritoryLevel;
import fr.santegraph.territory.TerritoryService;
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
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
public class ObservationController {

    private final ObservationService observations;
    private final TerritoryService territories;
    private final Pagination pagination;

    /** Values of one indicator for one territory and its children, as seen by one kind of caller. */
    record ValuesKey(String territoryId, String indicator, List<String> periods, boolean seesSmallCounts) {
    }

    public ObservationController(ObservationService observations, TerritoryService territories, Pagination pagination,
                                 BatchLoaderRegistry loaders) {
        this.observations = observations;
        this.territories = territories;
        this.pagination = pagination;
        loaders.<ValuesKey, TerritoryIndicatorValues>forName("territoryIndicatorValues")
                .registerMappedBatchLoader((keys, env) -> Mono.fromCallable(() -> load(keys)));
    }

    @QueryMapping
    public CountedConnection<IndicatorValue> indicatorValues(@Argument String indicator, @Argument List<String> territories,
                                                             @Argument TerritoryLevel level, @Argument List<String> periods,
                                                             ScrollSubrange subrange) {
        return observations.find(indicator, territories, level, periods, pagination.request(subrange),
                Caller.seesSmallCounts());
    }

    @SchemaMapping(typeName = "Territory", field = "indicatorValues")
    public CompletableFuture<TerritoryIndicatorValues> territoryIndicatorValues(
            Territory territory, @Argument String indicator, @Argument List<String> periods,
            DataLoader<ValuesKey, TerritoryIndicatorValues> territoryIndicatorValues) {
        return territoryIndicatorValues.load(new ValuesKey(territory.id(), ObservationService.indicatorId(indicator), periods, Caller.seesSmallCounts()));
    }

    private Map<ValuesKey, TerritoryIndicatorValues> load(Set<ValuesKey> keys) {
        Map<ValuesKey, TerritoryIndicatorValues> result = new HashMap<>();
        keys.stream().collect(Collectors.groupingBy(key -> List.of(key.indicator(), String.valueOf(key.periods()),
                        key.seesSmallCounts())))
                .forEach((group, groupKeys) -> {
                    ValuesKey first = groupKeys.get(0);
                    Map<String, TerritoryIndicatorValues> values = observations.forTerritories(
                            groupKeys.stream().map(ValuesKey::territoryId).toList(), first.indicator(), first.periods(),
                            first.seesSmallCounts());
                    groupKeys.forEach(key -> result.put(key, values.get(key.territoryId())));
                });
        return result;
    }

    @BatchMapping(typeName = "IndicatorValue", field = "lineage")
    public Map<IndicatorValue, DerivedObservations.Derivation> lineage(List<IndicatorValue> values) {
        return BatchResults.ones(values, IndicatorValue::derivationId, observations::derivations);
    }

    @BatchMapping(typeName = "IndicatorValue", field = "territory")
    public Map<IndicatorValue, Territory> territory(List<IndicatorValue> values) {
        return BatchResults.ones(values, IndicatorValue::territoryId, territories::findByIds);
    }
}
