package fr.santegraph.indicator;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.CatalogueOrder;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.Conditions;
import fr.santegraph.catalogue.GeoLevel;
import fr.santegraph.catalogue.Theme;
import fr.santegraph.catalogue.UpdateFrequency;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.ReadTransaction;
import fr.santegraph.common.Rows;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Repository;

/** Reads of indicators and themes beyond what {@link CatalogueRepository} answers generically. */
@Repository
@ReadTransaction
public class IndicatorQueries {

    /** What {@code broader} reads. */
    public static final String BROADER = "(s:Theme {id: id})-[:BROADER]->(o:Theme)";
    /** What {@code producers} reads. */
    public static final String PRODUCERS = "(s:Indicator {id: id})-[:PRODUCED_BY]->(o:Producer)";
    /** What {@code sourceDatasets} reads. */
    public static final String SOURCE_DATASETS = "(s:Indicator {id: id})-[:DERIVED_FROM]->(o:Dataset)";
    /** What {@code dataService} reads. */
    public static final String DATA_SERVICE = "(s:Indicator {id: id})-[:PUBLISHED_ON]->(o:DataService)";
    /** What {@code indicatorThemes} reads. */
    public static final String INDICATOR_THEMES = "(s:Indicator {id: id})-[:HAS_THEME]->(o:Theme)";

    public record IndicatorFilter(@Nullable String producer, @Nullable String theme, @Nullable GeoLevel geoLevel,
                                  @Nullable UpdateFrequency frequency, @Nullable AccessLevel accessLevel,
                                  @Nullable String dataset, @Nullable String dataService) {
    }

    private final Neo4jClient neo4j;
    private final CatalogueRepository catalogue;

    public IndicatorQueries(Neo4jClient neo4j, CatalogueRepository catalogue) {
        this.neo4j = neo4j;
        this.catalogue = catalogue;
    }

    /** The {@code indicators} list: filters on the denormalised codes, then one page. */
    public CountedConnection<Indicator> indicators(IndicatorFilter filter, CatalogueOrder orderBy, PageRequest page,
                                              boolean countTotal) {
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
        return catalogue.page("Indicator", where.conditions(), where.parameters(), order.sortKey("name"), order.descending(),
                page, countTotal, Indicator::from);
    }

    /** The themes of a scheme ({@code null}: every scheme), by code. */
    public List<Theme> themes(String scheme) {
        return neo4j.query("MATCH (t:Theme) WHERE $scheme IS NULL OR t.scheme = $scheme RETURN t {.*} AS t ORDER BY t.code")
                .bind(scheme).to("scheme").fetchAs(Theme.class).mappedBy((types, row) -> Theme.from(row.get("t"))).all()
                .stream().toList();
    }

    /** The geographic levels each indicator is published at, with their coverage, by indicator id. */
    public Map<String, List<Indicator.GeoAvailability>> geoAvailability(List<String> indicatorIds) {
        Map<String, List<Indicator.GeoAvailability>> byId = new HashMap<>();
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (:Indicator {id: id})-[a:AVAILABLE_AT]->(g:GeoLevel)
                        RETURN id, g.code AS level, a.coverage AS coverage
                        """).bind(indicatorIds).to("ids").fetch().all()
                .forEach(row -> byId.computeIfAbsent((String) row.get("id"), k -> new ArrayList<>()).add(
                        new Indicator.GeoAvailability(GeoLevel.valueOf(Rows.text(row, "level")),
                                (String) row.get("coverage"))));
        return byId;
    }
}
