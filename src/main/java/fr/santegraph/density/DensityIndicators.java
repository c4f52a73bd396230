package fr.santegraph.density;

import fr.santegraph.catalogue.CatalogueSortKeys;
import fr.santegraph.common.Rows;
import fr.santegraph.ingest.SourceEditions;
import fr.santegraph.ingest.SourceImported;
import fr.santegraph.observation.DerivedObservations;
import fr.santegraph.territory.PractitionerTally;
import fr.santegraph.territory.Territory;
import fr.santegraph.territory.TerritoryLevel;
import fr.santegraph.territory.TerritoryService;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Practitioners per 100,000 inhabitants, per profession and per savoir-faire, for every region, département, EPCI
 * and commune: counted from the directory's active practitioners (distinct per territory, as
 * {@code practitionerCounts} counts them) and divided by the territories' population, then served by
 * {@code indicatorValues} like any indicator. Computed again after every import of practitioners or territories,
 * for the month of the latest extraction: earlier months keep the values their extractions gave, so the
 * indicators carry the trend the refreshes keep. Regions, départements and EPCIs get a value even with no
 * practitioner (0, for a map to colour); a commune gets one only when someone practises there. Territories
 * without a population get none.
 */
@Component
public class DensityIndicators implements PractitionerTally {

    private static final Logger log = LoggerFactory.getLogger(DensityIndicators.class);
    static final List<TerritoryLevel> LEVELS = List.of(TerritoryLevel.REGION, TerritoryLevel.DEPARTMENT,
            TerritoryLevel.EPCI, TerritoryLevel.COMMUNE);
    private static final String DERIVATION = "rpps-density|";
    private static final String FAMILY = "Densité de professionnels de santé (annuaire santé)";

    private final Driver driver;
    private final Neo4jClient neo4j;
    private final TerritoryService territories;
    private final DerivedObservations observations;
    private final CatalogueSortKeys sortKeys;
    private final SourceEditions editions;

    public DensityIndicators(Driver driver, Neo4jClient neo4j, TerritoryService territories,
                             DerivedObservations observations, CatalogueSortKeys sortKeys, SourceEditions editions) {
        this.driver = driver;
        this.neo4j = neo4j;
        this.territories = territories;
        this.observations = observations;
        this.sortKeys = sortKeys;
        this.editions = editions;
    }

    /** What one computation did; {@code period} null: no extraction imported yet, nothing computed. */
    public record Outcome(@Nullable String period, long practitioners, int indicators, long values, long written,
                          long removed, long millis) {
    }

    /** First among the import's listeners: what reads the graph again after it (the result cache's warming) waits. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void sourceImported(SourceImported event) {
        if (!SourceImported.PRACTITIONERS.equals(event.source()) && !SourceImported.TERRITORIES.equals(event.source())) {
            return;
        }
        try {
            if (!event.changed() && upToDate()) {
                // The same directory as at the last computation, for the same month: nothing to count again.
                log.info("Density indicators kept: the {} import changed nothing", event.source());
                return;
            }
            recompute();
        } catch (RuntimeException e) {
            // The import itself is done and kept; the densities stay as the previous computation left them.
            log.error("Density indicators not recomputed after the {} import: {}", event.source(), e.getMessage(), e);
        }
    }

    /** The latest RPPS import run that recorded its extraction date: what a computation counts. */
    private record LatestRun(String id, LocalDate extraction) {

        /** The month its values are for. */
        String period() {
            return extraction.toString().substring(0, 7);
        }
    }

    private Optional<LatestRun> latestRun() {
        return neo4j.query("""
                        MATCH (r:ImportRun {source: 'RPPS PS_LibreAcces'}) WHERE r.extractionDate IS NOT NULL
                        RETURN r.id AS id, r.extractionDate AS date ORDER BY r.extractionDate DESC, r.startedAt DESC
                        LIMIT 1""").fetch().one()
                .map(row -> new LatestRun(Rows.text(row, "id"), (LocalDate) Rows.get(row, "date")));
    }

    /** Whether the latest extraction's month was computed already. */
    private boolean upToDate() {
        return latestRun().map(run -> neo4j.query("RETURN EXISTS { MATCH (:Derivation {id: $id}) }")
                .bind(DERIVATION + run.period()).to("id").fetchAs(Boolean.class).one().orElse(false)).orElse(false);
    }

    /** Counts, divides and writes the densities of the latest extraction's month. One at a time. */
    public synchronized Outcome recompute() {
        long start = System.nanoTime();
        LatestRun run = latestRun().orElse(null);
        if (run == null) {
            return new Outcome(null, 0, 0, 0, 0, 0, 0);
        }
        String period = run.period();
        Map<String, Collection<String>> containing = containing();
        DensityTally tally = new DensityTally(containing::get);
        count(tally);

        Map<String, String> professionNames = names("Profession");
        Map<String, String> specialtyNames = names("Specialty");
        Map<String, DensityIndicator> indicators = new TreeMap<>();
        // Indicators computed before keep getting values (0 where nobody practises any more).
        neo4j.query("MATCH (i:Indicator) WHERE i.derived AND i.code STARTS WITH $prefix RETURN i.code")
                .bind(DensityIndicator.PREFIX).to("prefix").fetchAs(String.class).all()
                .forEach(code -> indicators.put(code, DensityIndicator.of(code, professionNames, specialtyNames)));
        tally.counts().keySet().forEach(code ->
                indicators.put(code, DensityIndicator.of(code, professionNames, specialtyNames)));
        if (indicators.isEmpty()) {
            return new Outcome(period, 0, 0, 0, 0, 0, (System.nanoTime() - start) / 1_000_000);
        }
        writeIndicators(indicators.values(), period);

        List<DerivedObservations.Rate> rates = rates(indicators.keySet(), tally.counts());
        String populations = editions.find("territories").map(SourceEditions.Held::edition).orElse(null);
        DerivedObservations.Outcome written = observations.replace(new DerivedObservations.Derivation(
                        DERIVATION + period, period, run.id(), run.extraction(),
                        populations == null ? null : "COG " + populations),
                indicators.values().stream().map(DensityIndicator::id).toList(), rates);
        Outcome outcome = new Outcome(period, tally.practitioners(), indicators.size(), written.values(),
                written.written(), written.removed(), (System.nanoTime() - start) / 1_000_000);
        log.info("Density indicators for {}: {} practitioners counted, {} indicators, {} values ({} written, {} removed) "
                        + "in {} ms", period, outcome.practitioners(), outcome.indicators(), outcome.values(),
                outcome.written(), outcome.removed(), outcome.millis());
        return outcome;
    }

    /** The counts of the latest month computed: what territories are ordered by practitioner count on. */
    @Override
    public Map<String, Long> counts(@Nullable String profession, @Nullable String specialty) {
        String indicator = "indicator:" + (profession != null ? DensityIndicator.forProfession(profession)
                : DensityIndicator.forSpecialty(Objects.requireNonNull(specialty, "a count by profession or savoir-faire")));
        Map<String, Long> counts = new HashMap<>();
        neo4j.query("""
                        MATCH (d:Derivation) WHERE d.id STARTS WITH $derivation
                        WITH d ORDER BY d.period DESC LIMIT 1
                        MATCH (o:Observation {indicatorId: $indicator, period: d.period})
                        RETURN o.territoryId AS territory, o.numerator AS count""")
                .bind(DERIVATION).to("derivation").bind(indicator).to("indicator").fetch().all()
                .forEach(row -> counts.put((String) row.get("territory"), Rows.number(row, "count")));
        return counts;
    }

    /** For each place a site is located in, the territories of every level counted that contain it. */
    private Map<String, Collection<String>> containing() {
        List<String> places = neo4j.query("""
                        MATCH (x:Territory) WHERE EXISTS { (x)<-[:LOCATED_IN]-(:Site) }
                        RETURN x.id""").fetchAs(String.class).all().stream().toList();
        Map<String, Collection<String>> result = new HashMap<>();
        for (TerritoryLevel level : LEVELS) {
            territories.containingAt(places, level).forEach((place, ids) ->
                    result.computeIfAbsent(place, k -> new ArrayList<>()).addAll(ids));
        }
        return result;
    }

    /** Streams the active practitioners, each with its active activities' places and its specialties. */
    private void count(DensityTally tally) {
        try (Session session = driver.session(SessionConfig.builder().withFetchSize(5_000).build())) {
            session.executeRead(tx -> {
                Result result = tx.run("""
                        MATCH (p:Practitioner {active: true})-[:HAS_ACTIVITY]->(a:Activity {active: true})
                              -[:AT_SITE]->(:Site)-[:LOCATED_IN]->(x:Territory)
                        WITH p, collect(DISTINCT [a.professionCode, x.id]) AS places
                        RETURN places, [(p)-[:HAS_SPECIALTY]->(s:Specialty) | s.code] AS specialties""");
                while (result.hasNext()) {
                    var record = result.next();
                    List<DensityTally.Place> places = record.get("places").asList(place ->
                            new DensityTally.Place(place.get(0).asString(null), place.get(1).asString()));
                    tally.add(places.stream().filter(p -> p.profession() != null).toList(),
                            record.get("specialties").asList(Value::asString));
                }
                return null;
            });
        }
    }

    private Map<String, String> names(String label) {
        Map<String, String> names = new HashMap<>();
        neo4j.query("MATCH (n:%s) RETURN n.code AS code, n.name AS name".formatted(label)).fetch().all()
                .forEach(row -> names.put((String) row.get("code"), (String) row.get("name")));
        return names;
    }

    /** The indicators, with the first and last month they have values for (the catalogue's temporal coverage). */
    private void writeIndicators(Collection<DensityIndicator> indicators, String period) {
        List<Map<String, Object>> rows = indicators.stream()
                .map(i -> Map.<String, Object>of("id", i.id(), "code", i.code(), "name", i.name())).toList();
        neo4j.query("""
                        UNWIND $rows AS row
                        MERGE (i:Indicator {id: row.id})
                        SET i.code = row.code, i.name = row.name, i.family = $family, i.familyCode = 'rpps-density',
                            i.classification = ['Offre de soins', 'Professionnels de santé', 'Densité'],
                            i.sourceLabel = 'RPPS (annuaire santé, ANS) ; populations légales (INSEE, COG)',
                            i.producerLabel = 'santegraph', i.updateFrequency = 'CONTINUOUS',
                            i.updateFrequencyLabel = $frequency,
                            i.accessLevel = 'OPEN', i.accessTypeLabel = 'PUBLIC',
                            i.geoLevels = ['REGION', 'DEPARTMENT', 'EPCI', 'COMMUNE'],
                            i.comments = $comments,
                            i.valueKind = 'RATIO', i.derived = true,
                            i.firstPeriod = CASE WHEN i.firstPeriod IS NULL OR $period < i.firstPeriod
                                                 THEN $period ELSE i.firstPeriod END,
                            i.lastPeriod = CASE WHEN i.lastPeriod IS NULL OR $period > i.lastPeriod
                                                THEN $period ELSE i.lastPeriod END
                        WITH i
                        MATCH (d:Dataset) WHERE d.id IN ['dataset:rpps', 'dataset:recensement']
                        MERGE (i)-[:DERIVED_FROM]->(d)""")
                .bind(rows).to("rows").bind(FAMILY).to("family").bind(period).to("period")
                .bind("à chaque import de l'annuaire santé").to("frequency")
                .bind("Calculé par santegraph : praticiens actifs distincts par territoire dans l'extraction la plus "
                        + "récente de l'annuaire santé, pour 100 000 habitants (population du COG).").to("comments")
                .run();
        sortKeys.update("Indicator", indicators.stream().map(DensityIndicator::id).toList());
    }

    /** Every territory of the levels with a population, for every indicator: 0 where nobody is counted, except communes. */
    private List<DerivedObservations.Rate> rates(Collection<String> codes, Map<String, Map<String, Integer>> counts) {
        List<DerivedObservations.Rate> rates = new ArrayList<>();
        for (TerritoryLevel level : LEVELS) {
            for (Territory territory : territories.activeAt(level)) {
                if (territory.population() == null || territory.population() <= 0) {
                    continue;
                }
                for (String code : codes) {
                    int count = counts.getOrDefault(code, Map.of()).getOrDefault(territory.id(), 0);
                    if (count > 0 || level != TerritoryLevel.COMMUNE) {
                        rates.add(new DerivedObservations.Rate("indicator:" + code, territory.id(), count,
                                territory.population()));
                    }
                }
            }
        }
        return rates;
    }
}
