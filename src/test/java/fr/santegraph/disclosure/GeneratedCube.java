package fr.santegraph.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A region of generated communes, as real counts are shaped: most communes small (a few stays a quarter), a few
 * towns large. Two or more départements, EPCIs of about ten communes, one EPCI across a département border; a year
 * and its quarters (or months). Totals are the sums of their parts, as a producer publishes them.
 */
record GeneratedCube(CountCube cube, Map<String, List<String>> parents, Map<String, Long> values) {

    /** {@code communesPerDepartment} communes in each of {@code departments} départements of one region. */
    static GeneratedCube region(long seed, int departments, int communesPerDepartment, boolean months) {
        Random random = new Random(seed);
        Map<String, List<String>> parents = new LinkedHashMap<>();
        List<String> communes = new ArrayList<>();
        for (int d = 1; d <= departments; d++) {
            String department = "department:" + String.format("%02d", d);
            parents.put(department, List.of("region:R"));
            for (int c = 1; c <= communesPerDepartment; c++) {
                String commune = String.format("commune:%02d%03d", d, c);
                communes.add(commune);
                parents.put(commune, new ArrayList<>(List.of(department)));
            }
        }
        // EPCIs of ten consecutive communes: the one holding the last communes of a département and the first of
        // the next crosses the border.
        for (int i = 0; i < communes.size(); i++) {
            parents.get(communes.get(i)).add("epci:" + (200000000 + (i + 3) / 10));
        }
        List<String> periods = months ? List.of("2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
                "2023-07", "2023-08", "2023-09", "2023-10", "2023-11", "2023-12")
                : List.of("2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4");
        Map<String, Long> values = new LinkedHashMap<>();
        for (String commune : communes) {
            // Sizes spread over three orders of magnitude: a third of the cells are small.
            double size = Math.exp(random.nextGaussian() * 1.4 + 2.2) / (months ? 3 : 1);
            for (String period : periods) {
                long count = Math.max(0, Math.round(size * (0.6 + 0.8 * random.nextDouble())));
                values.put(commune + "|" + period, count);
            }
        }
        // Totals: every ancestor of each commune, every period above each leaf period.
        Map<String, Long> totals = new HashMap<>();
        values.forEach((key, value) -> {
            String commune = key.substring(0, key.indexOf('|'));
            String period = key.substring(key.indexOf('|') + 1);
            for (String territory : ancestorsOrSelf(commune, parents)) {
                for (String p : periodsAboveOrSelf(period)) {
                    totals.merge(territory + "|" + p, value, Long::sum);
                }
            }
        });
        CountCube.Builder builder = CountCube.builder();
        parents.forEach((t, ps) -> builder.territory(t, ps));
        totals.forEach((key, value) -> builder.cell(key.substring(0, key.indexOf('|')), key.substring(key.indexOf('|') + 1), value));
        return new GeneratedCube(builder.build(), parents, totals);
    }

    private static List<String> ancestorsOrSelf(String territory, Map<String, List<String>> parents) {
        List<String> result = new ArrayList<>();
        List<String> queue = new ArrayList<>(List.of(territory));
        while (!queue.isEmpty()) {
            String t = queue.remove(0);
            if (!result.contains(t)) {
                result.add(t);
                queue.addAll(parents.getOrDefault(t, List.of()));
            }
        }
        return result;
    }

    private static List<String> periodsAboveOrSelf(String period) {
        if (period.contains("-Q")) {
            return List.of(period, period.substring(0, 4));
        }
        int month = Integer.parseInt(period.substring(5));
        return List.of(period, period.substring(0, 4) + "-Q" + ((month - 1) / 3 + 1), period.substring(0, 4));
    }

    /** What an anonymous caller receives under {@code pattern}. */
    List<DisclosureAudit.Received> published(CellSuppression.Pattern pattern) {
        List<DisclosureAudit.Received> received = new ArrayList<>();
        for (int c = 0; c < cube.size(); c++) {
            received.add(new DisclosureAudit.Received(cube.territoryOf(c), cube.periodOf(c),
                    pattern.isMasked(c) ? null : cube.value(c)));
        }
        return received;
    }

    /** The pattern's moves, their cells named as the audit names them ({@code territory|period}). */
    List<Map<String, Integer>> moves(CellSuppression.Pattern pattern) {
        List<Map<String, Integer>> moves = new ArrayList<>();
        for (CellSuppression.Move move : pattern.moves()) {
            Map<String, Integer> cells = new LinkedHashMap<>();
            for (int i = 0; i < move.cells().length; i++) {
                cells.put(cube.territoryOf(move.cells()[i]) + "|" + cube.periodOf(move.cells()[i]), move.signs()[i]);
            }
            moves.add(cells);
        }
        return moves;
    }
}
