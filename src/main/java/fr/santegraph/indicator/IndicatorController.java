package fr.santegraph.indicator;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.CatalogueOrder;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.Conditions;
import fr.santegraph.catalogue.GeoLevel;
import fr.santegraph.catalogue.Theme;
import fr.santegraph.catalogue.UpdateFrequency;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.Pagination;
import fr.santegraph.dataset.DataService;
import fr.santegraph.dataset.Dataset;
import fr.santegraph.producer.Producer;
import graphql.schema.DataFetchingFieldSelectionSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
public class IndicatorController {

    private final CatalogueRepository catalogue;
    private final Pagination pagination;

    public IndicatorController(CatalogueRepository catalogue, Pagination pagination) {
        this.catalogue = catalogue;
        this.pagination = pagination;
    }

    public record IndicatorFilter(String producer, String theme, GeoLevel geoLevel, UpdateFrequency frequency,
                                  AccessLevel accessLevel, String dataset, String dataService) {
    }

    @QueryMapping
    public Indicator indicator(@Argument String id) {
        return catalogue.findById("Indicator", CatalogueRepository.globalId("indicator", id)).map(Indicator::of).orElse(null);
    }

    /** Filters read the indicator's denormalised codes (producerCodes, themeCodes…): no traversal per indicator. */
    @QueryMapping
    public CountedConnection<Indicator> indicators(@Argument IndicatorFilter filter, @Argument CatalogueOrder orderBy,
                                                   ScrollSubrange subrange, DataFetchingFieldSelectionSet selection) {
        IndicatorFilter f = filter == null ? new IndicatorFilter(null, null, null, null, null, null, null) : filter;
        Conditions where = new Conditions()
                .add("$producer IN n.producerCodes", "producer", CatalogueRepository.code("producer", f.producer()))
                .add("$theme IN n.themeCodes", "theme", f.theme())
                .add("$geoLevel IN n.geoLevels", "geoLevel", f.geoLevel())
                .add("n.updateFrequency = $frequency", "frequency", f.frequency())
                .add("n.accessLevel = $access", "access", f.accessLevel())
                .add("$dataset IN n.datasetCodes", "dataset", CatalogueRepository.code("dataset", f.dataset()))
                .add("n.dataServiceCode = $service", "service", CatalogueRepository.code("dataservice", f.dataService()));
        CatalogueOrder order = CatalogueOrder.orDefault(orderBy);
        return catalogue.page("Indicator", where.conditions(), where.parameters(), order.property("name"), order.descending(),
                pagination.request(subrange), selection.contains("totalCount"), Indicator::of);
    }

    @QueryMapping
    public List<Theme> themes(@Argument String scheme) {
        return catalogue.client().query("MATCH (t:Theme) WHERE $scheme IS NULL OR t.scheme = $scheme RETURN t {.*} AS t ORDER BY t.code")
                .bind(scheme).to("scheme").fetch().all().stream()
                .map(row -> Theme.of(CatalogueRepository.castMap(row.get("t")))).toList();
    }

    @BatchMapping(typeName = "Theme", field = "broader")
    public Map<Theme, Theme> broader(List<Theme> themes) {
        return catalogue.relatedOneBy(themes, Theme::id, "(s:Theme {id: id})-[:BROADER]->(o:Theme)", Theme::of);
    }

    @BatchMapping
    public Map<Indicator, List<Producer>> producers(List<Indicator> indicators) {
        return catalogue.relatedBy(indicators, Indicator::id, "(s:Indicator {id: id})-[:PRODUCED_BY]->(o:Producer)", Producer::of);
    }

    @BatchMapping
    public Map<Indicator, List<Dataset>> sourceDatasets(List<Indicator> indicators) {
        return catalogue.relatedBy(indicators, Indicator::id, "(s:Indicator {id: id})-[:DERIVED_FROM]->(o:Dataset)", Dataset::of);
    }

    @BatchMapping
    public Map<Indicator, DataService> dataService(List<Indicator> indicators) {
        return catalogue.relatedOneBy(indicators, Indicator::id, "(s:Indicator {id: id})-[:PUBLISHED_ON]->(o:DataService)",
                DataService::of);
    }

    @BatchMapping(typeName = "Indicator", field = "themes")
    public Map<Indicator, List<Theme>> indicatorThemes(List<Indicator> indicators) {
        return catalogue.relatedBy(indicators, Indicator::id, "(s:Indicator {id: id})-[:HAS_THEME]->(o:Theme)", Theme::of);
    }

    @BatchMapping
    public Map<Indicator, List<Indicator.GeoAvailability>> geoAvailability(List<Indicator> indicators) {
        Map<String, List<Indicator.GeoAvailability>> byId = new HashMap<>();
        catalogue.client().query("""
                        UNWIND $ids AS id
                        MATCH (:Indicator {id: id})-[a:AVAILABLE_AT]->(g:GeoLevel)
                        RETURN id, g.code AS level, a.coverage AS coverage
                        """).bind(indicators.stream().map(Indicator::id).distinct().toList()).to("ids").fetch().all()
                .forEach(row -> byId.computeIfAbsent((String) row.get("id"), k -> new ArrayList<>()).add(
                        new Indicator.GeoAvailability(GeoLevel.valueOf((String) row.get("level")), (String) row.get("coverage"))));
        Map<Indicator, List<Indicator.GeoAvailability>> result = new LinkedHashMap<>();
        indicators.forEach(i -> result.put(i, byId.getOrDefault(i.id(), List.of()).stream()
                .sorted(java.util.Comparator.comparing(Indicator.GeoAvailability::level)).toList()));
        return result;
    }

    /** Kept for schema symmetry: the series of an indicator is its family within its base. */
    @SchemaMapping(typeName = "Indicator", field = "familyCode")
    public String familyCode(Indicator indicator) {
        return indicator.familyCode();
    }
}
