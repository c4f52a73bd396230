package fr.santegraph.observation;

import fr.santegraph.common.Rows;
import fr.santegraph.disclosure.CellSuppression;
import fr.santegraph.disclosure.CountCube;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Decides, at import time and for a whole indicator, which of its counts anonymous callers see: the small-count
 * rule and its secondary suppression ({@link CellSuppression}) over every territory and period it has values for,
 * counts and denominators apart, a value masked when either of its counts is. The decision is stored on each
 * observation, so every query shape publishes the same pattern; while an import runs the indicator is marked
 * pending and its counts are all masked.
 */
@Component
public class ObservationDisclosure {

    private static final Logger log = LoggerFactory.getLogger(ObservationDisclosure.class);
    private static final int WRITE_BATCH = 10_000;

    private final Neo4jClient neo4j;
    private final CellSuppression suppression;

    public ObservationDisclosure(Neo4jClient neo4j, CellSuppression suppression) {
        this.neo4j = neo4j;
        this.suppression = suppression;
    }

    /** What one decision masked: cells read, counts masked as small, masked to protect them, cells rewritten. */
    public record Outcome(String indicatorId, long cells, long small, long protecting, long rewritten) {
    }

    /** Decides the indicator's pattern from the values the graph holds, and writes the cells whose decision changed. */
    public Outcome decide(String indicatorId) {
        long start = System.nanoTime();
        if (derived(indicatorId)) {
            // Computed from public entries (DerivedObservations): published exactly, nothing to decide.
            return new Outcome(indicatorId, 0, 0, 0, 0);
        }
        List<Cell> cells = cells(indicatorId);
        Map<String, Territory> territories = hierarchy(indicatorId);
        Decision counts = decide(cells, Cell::count, territories);
        Decision denominators = decide(cells, Cell::denominator, territories);
        List<Map<String, Object>> changed = new ArrayList<>();
        for (Cell cell : cells) {
            boolean countMasked = counts.masked(cell);
            boolean denominatorMasked = denominators.masked(cell);
            boolean valueMasked = countMasked || denominatorMasked;
            if (!Objects.equals(cell.countMasked(), countMasked) || !Objects.equals(cell.denominatorMasked(), denominatorMasked)
                    || !Objects.equals(cell.valueMasked(), valueMasked)) {
                changed.add(Map.of("id", cell.id(), "count", countMasked, "denominator", denominatorMasked,
                        "value", valueMasked));
            }
        }
        for (int from = 0; from < changed.size(); from += WRITE_BATCH) {
            neo4j.query("""
                            UNWIND $rows AS row
                            MATCH (o:Observation {id: row.id})
                            SET o.countMasked = row.count, o.denominatorMasked = row.denominator,
                                o.valueMasked = row.value""")
                    .bind(changed.subList(from, Math.min(changed.size(), from + WRITE_BATCH))).to("rows").run();
        }
        neo4j.query("MATCH (i:Indicator {id: $id}) REMOVE i.disclosurePending").bind(indicatorId).to("id").run();
        Outcome outcome = new Outcome(indicatorId, cells.size(), counts.small() + denominators.small(),
                counts.protecting() + denominators.protecting(), changed.size());
        log.info("Disclosure of {}: {} cells, {} small counts masked, {} more masked to protect them, {} cells "
                        + "rewritten, in {} ms", indicatorId, outcome.cells(), outcome.small(), outcome.protecting(),
                outcome.rewritten(), (System.nanoTime() - start) / 1_000_000);
        return outcome;
    }

    /**
     * The moves protecting the indicator's masked counts, decided again from the values the graph holds: each its
     * cells as {@code territory|period} with the direction they move in. The evidence an audit checks the stored
     * pattern against.
     */
    public List<Map<String, Integer>> countMoves(String indicatorId) {
        Decision counts = decide(cells(indicatorId), Cell::count, hierarchy(indicatorId));
        CellSuppression.Pattern pattern = counts.pattern();
        if (counts.cube() == null || pattern == null) {
            return List.of();
        }
        List<Map<String, Integer>> moves = new ArrayList<>();
        for (CellSuppression.Move move : pattern.moves()) {
            Map<String, Integer> cells = new LinkedHashMap<>();
            for (int i = 0; i < move.cells().length; i++) {
                int cell = move.cells()[i];
                cells.put(counts.cube().territoryOf(cell) + "|" + counts.cube().periodOf(cell), move.signs()[i]);
            }
            moves.add(cells);
        }
        return moves;
    }

    private boolean derived(String indicatorId) {
        return neo4j.query("MATCH (i:Indicator {id: $id}) RETURN coalesce(i.derived, false)").bind(indicatorId).to("id")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    private List<Cell> cells(String indicatorId) {
        return List.copyOf(neo4j.query("""
                        MATCH (o:Observation {indicatorId: $indicator})
                        RETURN o.id AS id, o.territoryId AS territory, o.period AS period, o.count AS count,
                               o.denominator AS denominator, o.countMasked AS countMasked,
                               o.denominatorMasked AS denominatorMasked, o.valueMasked AS valueMasked""")
                .bind(indicatorId).to("indicator")
                .fetchAs(Cell.class).mappedBy((types, r) -> new Cell(r.get("id").asString(), r.get("territory").asString(),
                        r.get("period").asString(), r.get("count").isNull() ? null : r.get("count").asLong(),
                        r.get("denominator").isNull() ? null : r.get("denominator").asLong(),
                        bool(r.get("countMasked")), bool(r.get("denominatorMasked")), bool(r.get("valueMasked"))))
                .all());
    }

    private static @Nullable Boolean bool(Value value) {
        return value.isNull() ? null : value.asBoolean();
    }

    /** Every territory the indicator's cells are in, and every one above them, with its direct parents. */
    private Map<String, Territory> hierarchy(String indicatorId) {
        Map<String, Territory> result = new HashMap<>();
        neo4j.query("""
                        MATCH (o:Observation {indicatorId: $indicator})-[:FOR_TERRITORY]->(t:Territory)
                        WITH DISTINCT t
                        MATCH (t)-[:PART_OF|MEMBER_OF*0..4]->(x:Territory)
                        WITH DISTINCT x
                        RETURN x.id AS id, [(x)-[:PART_OF|MEMBER_OF]->(p:Territory) | p.id] AS parents""")
                .bind(indicatorId).to("indicator")
                .fetch().all()
                .forEach(row -> result.put((String) row.get("id"), new Territory(Rows.text(row, "id"),
                        Rows.list(row, "parents").stream().map(String::valueOf).toList())));
        return result;
    }

    private Decision decide(List<Cell> cells, Function<Cell, Long> quantity, Map<String, Territory> territories) {
        CountCube.Builder builder = CountCube.builder();
        territories.values().forEach(t -> builder.territory(t.id(), t.parents()));
        boolean any = false;
        for (Cell cell : cells) {
            Long count = quantity.apply(cell);
            if (count != null) {
                builder.cell(cell.territory(), cell.period(), count);
                any = true;
            }
        }
        if (!any) {
            return new Decision(null, null, quantity);
        }
        CountCube cube = builder.build();
        return new Decision(cube, suppression.suppress(cube), quantity);
    }

    /** One quantity's pattern. */
    private record Decision(@Nullable CountCube cube, @Nullable CellSuppression.Pattern pattern,
                            Function<Cell, Long> quantity) {

        boolean masked(Cell cell) {
            if (cube == null || pattern == null || quantity.apply(cell) == null) {
                return false;
            }
            return pattern.isMasked(cube.cell(cell.territory(), cell.period()));
        }

        long small() {
            return pattern == null ? 0 : pattern.primary().cardinality();
        }

        long protecting() {
            return pattern == null ? 0 : pattern.secondaryCount();
        }
    }

    private record Cell(String id, String territory, String period, @Nullable Long count, @Nullable Long denominator,
                        @Nullable Boolean countMasked, @Nullable Boolean denominatorMasked,
                        @Nullable Boolean valueMasked) {
    }

    private record Territory(String id, List<String> parents) {
    }
}
