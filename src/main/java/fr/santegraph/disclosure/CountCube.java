package fr.santegraph.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The counts of one quantity (an indicator's values, or its numerators, or its denominators) over territories and
 * periods, with what a reader knows links them: a territory's count is the sum of its parts' (a département's of its
 * communes, an EPCI's of its member communes, a region's of its départements) and a year's the sum of its quarters'
 * or months', a quarter's of its months'. Immutable once built; cells are numbered from 0.
 */
public final class CountCube {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");
    /** Relation kinds: a total over territories, or over periods. */
    private static final int TERRITORY_PARTS = 0;
    private static final int PERIOD_PARTS = 1;

    private final List<String> territoryIds;
    private final Map<String, Integer> territoryIndex;
    private final Map<String, Integer> periodIndex;
    private final int[][] territoryAncestors;
    private final boolean[] territoryHasParts;
    private final int[][] leavesBelowTerritory;
    private final int[][] territoryParents;
    private final List<String> periodCodes;
    private final int[][] periodAncestors;
    private final boolean[] periodHasParts;
    private final int[] periodYear;
    private final int[] cellTerritory;
    private final int[] cellPeriod;
    private final long[] values;
    private final Map<Long, Integer> cellByKey;
    /** Per cell: the sums it is a part of, and the sums it is the total of (relation ids). */
    private final int[][] partOf;
    private final int[][] totalOf;
    private final int relations;

    private CountCube(Builder b) {
        territoryIds = List.copyOf(b.territoryIds);
        periodCodes = List.copyOf(b.periodCodes);
        territoryIndex = Map.copyOf(b.territoryIndex);
        periodIndex = Map.copyOf(b.periodIndex);
        int territories = territoryIds.size();
        int periods = periodCodes.size();
        cellTerritory = b.cellTerritory.stream().mapToInt(Integer::intValue).toArray();
        cellPeriod = b.cellPeriod.stream().mapToInt(Integer::intValue).toArray();
        values = b.values.stream().mapToLong(Long::longValue).toArray();
        cellByKey = new HashMap<>(b.cellByKey);
        territoryParents = new int[territories][];
        for (int t = 0; t < territories; t++) {
            territoryParents[t] = b.parents.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
        territoryAncestors = new int[territories][];
        for (int t = 0; t < territories; t++) {
            Set<Integer> ancestors = new LinkedHashSet<>();
            collectAncestors(t, ancestors);
            territoryAncestors[t] = ancestors.stream().mapToInt(Integer::intValue).toArray();
        }
        // Which territories and periods have parts among the cells: the others are the leaves moves are made of.
        territoryHasParts = new boolean[territories];
        periodHasParts = new boolean[periods];
        boolean[] territoryUsed = new boolean[territories];
        boolean[] periodUsed = new boolean[periods];
        for (int c = 0; c < values.length; c++) {
            territoryUsed[cellTerritory[c]] = true;
            periodUsed[cellPeriod[c]] = true;
        }
        for (int t = 0; t < territories; t++) {
            if (territoryUsed[t]) {
                for (int parent : territoryParents[t]) {
                    territoryHasParts[parent] = true;
                }
            }
        }
        periodAncestors = new int[periods][];
        periodYear = new int[periods];
        for (int p = 0; p < periods; p++) {
            periodAncestors[p] = b.periodAncestors.get(p).stream().mapToInt(Integer::intValue).toArray();
            periodYear[p] = periodAncestors[p][periodAncestors[p].length - 1];
            if (periodUsed[p]) {
                for (int i = 1; i < periodAncestors[p].length; i++) {
                    periodHasParts[periodAncestors[p][i]] = true;
                }
            }
        }
        List<List<Integer>> below = new ArrayList<>();
        for (int t = 0; t < territories; t++) {
            below.add(new ArrayList<>());
        }
        for (int t = 0; t < territories; t++) {
            if (territoryUsed[t]) {
                for (int ancestor : territoryAncestors[t]) {
                    below.get(ancestor).add(t);
                }
            }
        }
        leavesBelowTerritory = new int[territories][];
        for (int t = 0; t < territories; t++) {
            leavesBelowTerritory[t] = below.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
        // The sums: a cell is a part of its territory parents' cell (same period) and of its period parents' cell
        // (same territory), when that cell is in the cube.
        Map<Long, Integer> relationIds = new HashMap<>();
        List<List<Integer>> partLists = new ArrayList<>();
        List<List<Integer>> totalLists = new ArrayList<>();
        for (int c = 0; c < values.length; c++) {
            partLists.add(new ArrayList<>(4));
            totalLists.add(new ArrayList<>(2));
        }
        for (int c = 0; c < values.length; c++) {
            int t = cellTerritory[c];
            int p = cellPeriod[c];
            // A part of the nearest totals present above it: with a département's cell missing, a commune is a
            // part of its region's total (the reader knows a region is the sum of its communes too).
            linkAbove(c, t, p, new HashSet<>(), relationIds, partLists, totalLists);
            int[] periodsAbove = periodAncestors[p];
            for (int i = 1; i < periodsAbove.length; i++) {
                int total = cell(t, periodsAbove[i]);
                if (total >= 0) {
                    link(c, total, PERIOD_PARTS, relationIds, partLists, totalLists);
                    break; // a month under a quarter in the cube is in the year through it
                }
            }
        }
        relations = relationIds.size();
        partOf = partLists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        totalOf = totalLists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
    }

    private void link(int part, int total, int kind, Map<Long, Integer> relationIds, List<List<Integer>> partLists,
                      List<List<Integer>> totalLists) {
        if (total < 0) {
            return;
        }
        long key = (long) total * 64 + kind;
        Integer id = relationIds.get(key);
        if (id == null) {
            id = relationIds.size();
            relationIds.put(key, id);
            totalLists.get(total).add(id);
        }
        partLists.get(part).add(id);
    }

    private void linkAbove(int part, int territory, int period, Set<Integer> visited, Map<Long, Integer> relationIds,
                           List<List<Integer>> partLists, List<List<Integer>> totalLists) {
        for (int parent : territoryParents[territory]) {
            if (visited.add(parent)) {
                int total = cell(parent, period);
                if (total >= 0) {
                    link(part, total, TERRITORY_PARTS, relationIds, partLists, totalLists);
                } else {
                    linkAbove(part, parent, period, visited, relationIds, partLists, totalLists);
                }
            }
        }
    }

    private void collectAncestors(int t, Set<Integer> into) {
        if (into.add(t)) {
            for (int parent : territoryParents[t]) {
                collectAncestors(parent, into);
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return values.length;
    }

    public long value(int cell) {
        return values[cell];
    }

    public String territoryOf(int cell) {
        return territoryIds.get(cellTerritory[cell]);
    }

    public String periodOf(int cell) {
        return periodCodes.get(cellPeriod[cell]);
    }

    /** The cell of this territory and period, or -1 when the cube has none. */
    public int cell(String territoryId, String period) {
        Integer t = territoryIndex.get(territoryId);
        Integer p = periodIndex.get(period);
        return t == null || p == null ? -1 : cell(t, p);
    }

    int cell(int territory, int period) {
        Integer c = cellByKey.get(key(territory, period));
        return c == null ? -1 : c;
    }

    int territory(int cell) {
        return cellTerritory[cell];
    }

    int period(int cell) {
        return cellPeriod[cell];
    }

    int[] territoryAncestors(int territory) {
        return territoryAncestors[territory];
    }

    int[] periodAncestors(int period) {
        return periodAncestors[period];
    }

    boolean territoryIsLeaf(int territory) {
        return !territoryHasParts[territory];
    }

    boolean periodIsLeaf(int period) {
        return !periodHasParts[period];
    }

    /** The territories with cells below this one, itself included. */
    int[] below(int territory) {
        return leavesBelowTerritory[territory];
    }

    int yearOf(int period) {
        return periodYear[period];
    }

    int periodCount() {
        return periodCodes.size();
    }

    /** How many sums link the cells (relation ids run from 0 to this, excluded). */
    int relationCount() {
        return relations;
    }

    /** The sums this cell is a part of. */
    int[] partOf(int cell) {
        return partOf[cell];
    }

    /** The sums this cell is the total of. */
    int[] totalOf(int cell) {
        return totalOf[cell];
    }

    private static long key(int territory, int period) {
        return ((long) territory << 32) | period;
    }

    /** Territories (each with its direct parents), then cells. */
    public static final class Builder {
        private final Map<String, Integer> territoryIndex = new HashMap<>();
        private final List<String> territoryIds = new ArrayList<>();
        private final List<List<Integer>> parents = new ArrayList<>();
        private final Map<String, Integer> periodIndex = new HashMap<>();
        private final List<String> periodCodes = new ArrayList<>();
        private final List<List<Integer>> periodAncestors = new ArrayList<>();
        private final List<Integer> cellTerritory = new ArrayList<>();
        private final List<Integer> cellPeriod = new ArrayList<>();
        private final List<Long> values = new ArrayList<>();
        private final Map<Long, Integer> cellByKey = new HashMap<>();

        private Builder() {
        }

        /**
         * A territory and the territories whose totals it is a part of (a commune: its département and its EPCI).
         * Parents need not be declared first.
         */
        public Builder territory(String id, List<String> parentIds) {
            int t = territoryIndex(id);
            for (String parent : parentIds) {
                int p = territoryIndex(parent);
                if (p != t && !parents.get(t).contains(p)) {
                    parents.get(t).add(p);
                }
            }
            return this;
        }

        private int territoryIndex(String id) {
            Integer index = territoryIndex.get(id);
            if (index == null) {
                index = territoryIds.size();
                territoryIndex.put(id, index);
                territoryIds.add(id);
                parents.add(new ArrayList<>(2));
            }
            return index;
        }

        /** A count; a territory not declared is taken as one with no parents. */
        public Builder cell(String territoryId, String period, long value) {
            if (value < 0) {
                throw new IllegalArgumentException("a count cannot be negative: " + value);
            }
            int t = territoryIndex(territoryId);
            int p = periodIndex(period);
            long key = key(t, p);
            if (cellByKey.containsKey(key)) {
                throw new IllegalArgumentException("two counts for " + territoryId + " in " + period);
            }
            cellByKey.put(key, values.size());
            cellTerritory.add(t);
            cellPeriod.add(p);
            values.add(value);
            return this;
        }

        private int periodIndex(String code) {
            Integer index = periodIndex.get(code);
            if (index != null) {
                return index;
            }
            Matcher m = PERIOD.matcher(code);
            if (!m.matches()) {
                throw new IllegalArgumentException("'" + code + "' is not a period (2022, 2022-Q1, 2022-03)");
            }
            List<Integer> ancestors = new ArrayList<>(3);
            if (m.group(3) != null) {
                int month = Integer.parseInt(m.group(3));
                ancestors.add(periodIndex(m.group(1) + "-Q" + ((month - 1) / 3 + 1)));
                ancestors.add(periodIndex(m.group(1)));
            } else if (m.group(2) != null) {
                ancestors.add(periodIndex(m.group(1)));
            }
            index = periodCodes.size();
            periodIndex.put(code, index);
            periodCodes.add(code);
            ancestors.add(0, index);
            periodAncestors.add(ancestors);
            return index;
        }

        public CountCube build() {
            return new CountCube(this);
        }
    }

    @Override
    public String toString() {
        return "CountCube[" + values.length + " cells, " + territoryIds.size() + " territories, "
                + Arrays.toString(periodCodes.toArray()) + "]";
    }
}
