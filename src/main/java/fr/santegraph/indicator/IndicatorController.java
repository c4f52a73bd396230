package fr.santegraph.indicator;

import fr.santegraph.catalogue.CatalogueOrder;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.Theme;
import fr.santegraph.common.BatchResults;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.Pagination;
import fr.santegraph.dataset.DataService;
import fr.santegraph.dataset.Dataset;
import fr.santegraph.producer.Producer;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;

@Controller
public class IndicatorController {

    private final CatalogueRepository catalogue;
    private final Pagination pagination;
    private final IndicatorQueries queries;

    public IndicatorController(CatalogueRepository catalogue, Pagination pagination, IndicatorQueries queries) {
        this.catalogue = catalogue;
        this.pagination = pagination;
        this.queries = queries;
    }

    @QueryMapping
    public @Nullable Indicator indicator(@Argument String id) {
        return catalogue.findById("Indicator", CatalogueRepository.globalId("indicator", id)).map(Indicator::from).orElse(null);
    }

    /** Filters read the indicator's denormalised codes (producerCodes, themeCodes…): no traversal per indicator. */
    @QueryMapping
    public CountedConnection<Indicator> indicators(@Argument IndicatorQueries.IndicatorFilter filter, @Argument CatalogueOrder orderBy,
                                                   ScrollSubrange subrange, DataFetchingFieldSelectionSet selection) {
        return queries.indicators(filter, orderBy, pagination.request(subrange), selection.contains("totalCount"));
    }

    @QueryMapping
    public List<Theme> themes(@Argument String scheme) {
        return queries.themes(scheme);
    }

    @BatchMapping(typeName = "Theme", field = "broader")
    public Map<Theme, Theme> broader(List<Theme> themes) {
        return catalogue.relatedOneBy(themes, Theme::id, IndicatorQueries.BROADER, Theme::from);
    }

    @BatchMapping
    public Map<Indicator, List<Producer>> producers(List<Indicator> indicators) {
        return catalogue.relatedBy(indicators, Indicator::id, IndicatorQueries.PRODUCERS, Producer::from);
    }

    @BatchMapping
    public Map<Indicator, List<Dataset>> sourceDatasets(List<Indicator> indicators) {
        return catalogue.relatedBy(indicators, Indicator::id, IndicatorQueries.SOURCE_DATASETS, Dataset::from);
    }

    @BatchMapping
    public Map<Indicator, DataService> dataService(List<Indicator> indicators) {
        return catalogue.relatedOneBy(indicators, Indicator::id, IndicatorQueries.DATA_SERVICE,
                DataService::from);
    }

    @BatchMapping(typeName = "Indicator", field = "themes")
    public Map<Indicator, List<Theme>> indicatorThemes(List<Indicator> indicators) {
        return catalogue.relatedBy(indicators, Indicator::id, IndicatorQueries.INDICATOR_THEMES, Theme::from);
    }

    @BatchMapping
    public Map<Indicator, List<Indicator.GeoAvailability>> geoAvailability(List<Indicator> indicators) {
        Map<Indicator, List<Indicator.GeoAvailability>> result = BatchResults.lists(indicators, Indicator::id,
                queries::geoAvailability);
        result.replaceAll((indicator, levels) -> levels.stream()
                .sorted(Comparator.comparing(Indicator.GeoAvailability::level)).toList());
        return result;
    }

    /** Kept for schema symmetry: the series of an indicator is its family within its base. */
    @SchemaMapping(typeName = "Indicator", field = "familyCode")
    public @Nullable String familyCode(Indicator indicator) {
        return indicator.familyCode();
    }
}
