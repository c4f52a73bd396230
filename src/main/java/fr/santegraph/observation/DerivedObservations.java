package fr.santegraph.observation;

import fr.santegraph.common.Rows;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Values santegraph computes itself from public data (densities of the directory): written as observations like
 * imported ones, so {@code indicatorValues} serves them, but never masked — their counts are public entry by entry,
 * so the small-count rule has nothing to protect — and with their lineage (a {@code Derivation} node per period:
 * the import run counted, the population edition divided by). Only values that changed are written; the period's
 * values no longer computed are removed.
 */
@Component
public class DerivedObservations {

    private static final int WRITE_BATCH = 10_000;
    static final String UNIT = "pour 100 000 habitants";

    private final Neo4jClient neo4j;

    public DerivedObservations(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Where one period's values come from. */
    public record Derivation(String id, String period, String importRunId, @Nullable LocalDate extractionDate,
                             @Nullable String populationEdition) {
    }

    /** One computed rate: {@code numerator} per 100,000 of {@code denominator}. */
    public record Rate(String indicatorId, String territoryId, long numerator, long denominator) {

        double value() {
            return Math.round(numerator * 1_000_000.0 / denominator) / 10.0;
        }
    }

    /** What a replacement did. */
    public record Outcome(long values, long written, long removed) {
    }

    /** Replaces the period's values of these indicators by {@code rates}; the indicators must be marked derived. */
    public Outcome replace(Derivation derivation, Collection<String> indicatorIds, List<Rate> rates) {
        Period period = Period.parse(derivation.period());
        neo4j.query("""
                        MERGE (d:Derivation {id: $d.id})
                        SET d.period = $d.period, d.importRunId = $d.importRunId, d.extractionDate = $d.extractionDate,
                            d.populationEdition = $d.populationEdition, d.computedAt = datetime()""")
                .bind(derivationParameters(derivation)).to("d").run();
        Map<String, List<Object>> held = new HashMap<>();
        neo4j.query("""
                        UNWIND $indicators AS indicator
                        MATCH (o:Observation {indicatorId: indicator, period: $period})
                        RETURN o.id AS id, o.numerator AS numerator, o.denominator AS denominator,
                               o.derivation AS derivation""")
                .bind(List.copyOf(indicatorIds)).to("indicators").bind(period.code()).to("period")
                .fetch().all()
                .forEach(row -> held.put((String) row.get("id"),
                        Arrays.asList(row.get("numerator"), row.get("denominator"), row.get("derivation"))));
        List<Map<String, Object>> created = new ArrayList<>();
        List<Map<String, Object>> changed = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (Rate rate : rates) {
            String id = rate.indicatorId() + '|' + rate.territoryId() + '|' + period.code();
            kept.add(id);
            List<Object> before = held.get(id);
            if (before != null && Objects.equals(before.get(0), rate.numerator())
                    && Objects.equals(before.get(1), rate.denominator()) && derivation.id().equals(before.get(2))) {
                continue;
            }
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("indicator", rate.indicatorId());
            row.put("territory", rate.territoryId());
            row.put("numerator", rate.numerator());
            row.put("denominator", rate.denominator());
            row.put("value", rate.value());
            (before == null ? created : changed).add(row);
        }
        List<String> removed = held.keySet().stream().filter(id -> !kept.contains(id)).toList();
        // New values are created with their links (nothing to merge with: the read above saw none); changed ones
        // only get their figures, their links being those of their unchanged key.
        write(created, """
                UNWIND $rows AS row
                MATCH (i:Indicator {id: row.indicator})
                MATCH (t:Territory {id: row.territory})
                CREATE (o:Observation {id: row.id})
                SET o.indicatorId = row.indicator, o.territoryId = row.territory, o.period = $period,
                    o.periodType = $periodType, o.year = $year, o.unit = $unit,
                    o.countMasked = false, o.denominatorMasked = false, o.valueMasked = false
                CREATE (o)-[:OF_INDICATOR]->(i)
                CREATE (o)-[:FOR_TERRITORY]->(t)
                """ + FIGURES, period, derivation);
        write(changed, """
                UNWIND $rows AS row
                MATCH (o:Observation {id: row.id})
                """ + FIGURES, period, derivation);
        for (int from = 0; from < removed.size(); from += WRITE_BATCH) {
            neo4j.query("UNWIND $ids AS id MATCH (o:Observation {id: id}) DETACH DELETE o")
                    .bind(removed.subList(from, Math.min(removed.size(), from + WRITE_BATCH))).to("ids").run();
        }
        return new Outcome(rates.size(), created.size() + changed.size(), removed.size());
    }

    private static final String FIGURES = """
            SET o.value = row.value, o.numerator = row.numerator, o.denominator = row.denominator,
                o.count = row.numerator, o.derivation = $derivation""";

    private void write(List<Map<String, Object>> rows, String cypher, Period period, Derivation derivation) {
        for (int from = 0; from < rows.size(); from += WRITE_BATCH) {
            neo4j.query(cypher)
                    .bind(rows.subList(from, Math.min(rows.size(), from + WRITE_BATCH))).to("rows")
                    .bind(period.code()).to("period").bind(period.type().name()).to("periodType")
                    .bind(period.year()).to("year").bind(UNIT).to("unit").bind(derivation.id()).to("derivation")
                    .run();
        }
    }

    /** The lineage of values by their derivation ids (absent: a value as published, not computed here). */
    Map<String, Derivation> derivations(Collection<String> ids) {
        Map<String, Derivation> result = new HashMap<>();
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (d:Derivation {id: id})
                        RETURN d.id AS id, d.period AS period, d.importRunId AS run, d.extractionDate AS date,
                               d.populationEdition AS edition""")
                .bind(List.copyOf(ids)).to("ids").fetch().all()
                .forEach(row -> result.put((String) row.get("id"), new Derivation(Rows.text(row, "id"),
                        Rows.text(row, "period"), Rows.text(row, "run"), (LocalDate) row.get("date"),
                        blankToNull((String) row.get("edition")))));
        return result;
    }

    private static Map<String, Object> derivationParameters(Derivation derivation) {
        Map<String, Object> d = new HashMap<>();
        d.put("id", derivation.id());
        d.put("period", derivation.period());
        d.put("importRunId", derivation.importRunId());
        d.put("extractionDate", derivation.extractionDate());
        d.put("populationEdition", Objects.requireNonNullElse(derivation.populationEdition(), ""));
        return d;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
