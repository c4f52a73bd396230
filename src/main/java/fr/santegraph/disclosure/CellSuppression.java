package fr.santegraph.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import org.springframework.lang.Nullable;

/**
 * Which cells of a {@link CountCube} an anonymous reader must not see, so that no masked count can be narrowed to
 * fewer than {@code protection} whole values from everything published together.
 * <p>
 * Primary cells are the small counts (1 to {@code threshold - 1}; zeros are published, so a reader knows every
 * masked cell is at least 1). Each is then protected by a <em>hypercube</em>, as in τ-Argus: a set of masked cells
 * that can all move together — alternately up and down — without changing any published total. The move is built
 * from two leaf territories {@code a, b} (or one, moving everything above it) and two leaf periods {@code p, q} (or
 * one): the cells it changes are the territories above exactly one of {@code a, b} times the periods above exactly
 * one of {@code p, q}, with the sign of the corner they are above. Every cell of that product must be masked; the
 * cheapest such set is chosen (fewest totals, then fewest cells, then the smallest counts), and is checked against
 * every sum of the cube before it is taken. Moving by {@code t} keeps every cell at 1 or more for {@code t} in an
 * interval; that interval, not fewer than {@code protection} values wide, is what the reader cannot narrow. Masking
 * more never undoes a hypercube, so each cell, once in one, stays protected.
 * <p>
 * Limits: the reader is assumed to know the sums and that counts are whole and positive, nothing else (a count
 * known from elsewhere — a news item, another publisher — can narrow a hypercube); the search tries the nearest
 * territories and periods only, so the pattern is sound but not the smallest possible.
 */
public final class CellSuppression {

    /** Leaf territories and periods tried as the other corner of a move. */
    private static final int TERRITORY_PARTNERS = 16;
    private static final int PERIOD_PARTNERS = 6;
    /** Leaves tried below a total that is itself to protect. */
    private static final int LEAVES_BELOW_A_TOTAL = 4;

    private final long threshold;
    private final int protection;

    /**
     * {@code threshold}: counts from 1 to {@code threshold - 1} are small; {@code protection}: how many whole values a
     * masked count must stay compatible with (3: the reader cannot tell it from at least two others).
     */
    public CellSuppression(long threshold, int protection) {
        if (threshold < 1 || protection < 1) {
            throw new IllegalArgumentException("threshold and protection must be positive");
        }
        this.threshold = threshold;
        this.protection = protection;
    }

    public boolean isSmall(long count) {
        return count > 0 && count < threshold;
    }

    /** The cells to mask: the small counts and those that keep them from being worked out. */
    public Pattern suppress(CountCube cube) {
        int n = cube.size();
        BitSet primary = new BitSet(n);
        for (int c = 0; c < n; c++) {
            if (isSmall(cube.value(c))) {
                primary.set(c);
            }
        }
        BitSet masked = (BitSet) primary.clone();
        BitSet protectedCells = new BitSet(n);
        // Totals first (their hypercubes are the largest and often protect the parts below), smallest counts first.
        List<Integer> order = new ArrayList<>(primary.cardinality());
        primary.stream().forEach(order::add);
        order.sort(Comparator.<Integer>comparingInt(c -> cube.territoryIsLeaf(cube.territory(c)) ? 1 : 0)
                .thenComparingInt(c -> cube.periodIsLeaf(cube.period(c)) ? 1 : 0)
                .thenComparingLong(cube::value).thenComparingInt(c -> c));
        Search search = new Search(cube, masked);
        List<Move> moves = new ArrayList<>();
        for (int c : order) {
            if (protectedCells.get(c)) {
                continue;
            }
            Candidate hypercube = search.hypercube(c);
            if (hypercube == null) {
                // Sums that do not add up (a total below its parts): nothing can be proven, so nothing is published.
                masked.set(0, n);
                protectedCells.set(0, n);
                break;
            }
            moves.add(new Move(hypercube.cells, hypercube.signs));
            for (int cell : hypercube.cells) {
                masked.set(cell);
                protectedCells.set(cell);
            }
        }
        return new Pattern(masked, primary, List.copyOf(moves));
    }

    /**
     * A hypercube taken: its cells and the direction each moves in (+1 or -1). Every cell is masked and every sum
     * of the cube is unchanged by the move, so a reader cannot rule out the table moved by any step that keeps each
     * cell at 1 or more — the evidence an audit can check without solving anything.
     */
    public record Move(int[] cells, int[] signs) {
    }

    /**
     * The masked cells, among them the small counts themselves, and the moves that protect them (every masked cell
     * is in one, unless the sums did not add up and everything was masked).
     */
    public record Pattern(BitSet masked, BitSet primary, List<Move> moves) {

        /** A pattern given as masked cells only (no moves to show for it). */
        public Pattern(BitSet masked, BitSet primary) {
            this(masked, primary, List.of());
        }

        public boolean isMasked(int cell) {
            return masked.get(cell);
        }

        public int maskedCount() {
            return masked.cardinality();
        }

        public int secondaryCount() {
            return masked.cardinality() - primary.cardinality();
        }
    }

    /** The search for one cell's cheapest hypercube; scratch space reused from cell to cell. */
    private final class Search {
        private final CountCube cube;
        private final BitSet masked;
        private final int[] balance;
        private final int[] touched;

        Search(CountCube cube, BitSet masked) {
            this.cube = cube;
            this.masked = masked;
            balance = new int[cube.relationCount()];
            touched = new int[cube.relationCount()];
        }

        /** The cheapest valid hypercube through {@code target}, or null when there is none. */
        @Nullable Candidate hypercube(int target) {
            int t0 = cube.territory(target);
            int p0 = cube.period(target);
            Candidate best = null;
            for (int corner : corners(target)) {
                int a = cube.territory(corner);
                int p = cube.period(corner);
                int[] territoryPartners = territoryPartners(a, p, t0);
                int[] periodPartners = periodPartners(a, p, p0);
                for (int b : territoryPartners) {
                    Signed territories = territoryMove(a, b);
                    for (int q : periodPartners) {
                        Candidate candidate = evaluate(territories, periodMove(p, q));
                        if (candidate != null && (best == null || candidate.cheaperThan(best))) {
                            best = candidate;
                            if (best.isFree()) {
                                return best;
                            }
                        }
                    }
                }
            }
            return best;
        }

        /**
         * Cells with no parts in the cube at or below {@code target} (itself when it has none): the corners its moves
         * start from. Masked ones first, then the largest.
         */
        private int[] corners(int target) {
            if (cube.totalOf(target).length == 0) {
                return new int[] {target};
            }
            int p0 = cube.period(target);
            List<Integer> leaves = new ArrayList<>();
            for (int territory : cube.below(cube.territory(target))) {
                for (int period = 0; period < cube.periodCount(); period++) {
                    if (contains(cube.periodAncestors(period), p0)) {
                        int cell = cube.cell(territory, period);
                        if (cell >= 0 && cube.totalOf(cell).length == 0) {
                            leaves.add(cell);
                        }
                    }
                }
            }
            int[] best = best(leaves, LEAVES_BELOW_A_TOTAL);
            return best.length == 0 ? new int[] {target} : best;
        }

        /**
         * The other territorial corner: territories whose cell in period {@code p} has no parts, sharing the smallest
         * totals with {@code a} first (the same EPCI and département, then the same département…), outside
         * {@code t0}; -1 for the one-corner move.
         */
        private int[] territoryPartners(int a, int p, int t0) {
            Integer[] byLeaves = Arrays.stream(cube.territoryAncestors(a)).filter(t -> t != a).boxed()
                    .sorted(Comparator.comparingInt(t -> cube.below(t).length)).toArray(Integer[]::new);
            List<Integer> partners = new ArrayList<>();
            for (int ancestor : byLeaves) {
                if (partners.size() >= TERRITORY_PARTNERS) {
                    break;
                }
                List<Integer> cells = new ArrayList<>();
                for (int b : cube.below(ancestor)) {
                    int cell = cube.cell(b, p);
                    if (b != a && cell >= 0 && cube.totalOf(cell).length == 0 && !partners.contains(b)
                            && !contains(cube.territoryAncestors(b), t0)) {
                        cells.add(cell);
                    }
                }
                for (int cell : best(cells, TERRITORY_PARTNERS - partners.size())) {
                    partners.add(cube.territory(cell));
                }
            }
            partners.add(-1);
            return partners.stream().mapToInt(Integer::intValue).toArray();
        }

        /**
         * The other period corner: periods whose cell for {@code a} has no parts, sharing the smallest period with
         * {@code p} first (the same quarter, the same year, then other years), outside {@code p0}; -1 for the
         * one-corner move.
         */
        private int[] periodPartners(int a, int p, int p0) {
            List<Integer> partners = new ArrayList<>();
            int[] ancestors = cube.periodAncestors(p);
            for (int level = 1; level <= ancestors.length && partners.size() < PERIOD_PARTNERS; level++) {
                List<Integer> cells = new ArrayList<>();
                for (int q = 0; q < cube.periodCount(); q++) {
                    boolean near = level < ancestors.length ? contains(cube.periodAncestors(q), ancestors[level])
                            : cube.yearOf(q) != cube.yearOf(p);
                    int cell = cube.cell(a, q);
                    if (q != p && near && cell >= 0 && cube.totalOf(cell).length == 0 && !partners.contains(q)
                            && !contains(cube.periodAncestors(q), p0)) {
                        cells.add(cell);
                    }
                }
                for (int cell : best(cells, PERIOD_PARTNERS - partners.size())) {
                    partners.add(cube.period(cell));
                }
            }
            partners.add(-1);
            return partners.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Up to {@code limit} of {@code cells}: masked ones first, then the largest counts (ties by position). */
        private int[] best(List<Integer> cells, int limit) {
            return cells.stream()
                    .sorted(Comparator.<Integer>comparingInt(c -> masked.get(c) ? 0 : 1)
                            .thenComparingLong(c -> -cube.value(c)).thenComparingInt(c -> c))
                    .limit(limit).mapToInt(Integer::intValue).toArray();
        }

        /** Masking everything in it would be needed: its cost, or null when it does not hold or is too narrow. */
        private @Nullable Candidate evaluate(Signed territories, Signed periods) {
            int size = territories.members.length * periods.members.length;
            int[] cells = new int[size];
            int[] signs = new int[size];
            int count = 0;
            for (int i = 0; i < territories.members.length; i++) {
                for (int j = 0; j < periods.members.length; j++) {
                    int cell = cube.cell(territories.members[i], periods.members[j]);
                    if (cell >= 0) {
                        cells[count] = cell;
                        signs[count++] = territories.signs[i] * periods.signs[j];
                    }
                }
            }
            long up = Long.MAX_VALUE;
            long down = Long.MAX_VALUE;
            int totals = 0;
            int added = 0;
            long addedValue = 0;
            for (int i = 0; i < count; i++) {
                long value = cube.value(cells[i]);
                if (value < 1) {
                    return null; // a zero is published, and a masked cell is at least 1
                }
                if (signs[i] > 0) {
                    down = Math.min(down, value - 1);
                } else {
                    up = Math.min(up, value - 1);
                }
                if (!masked.get(cells[i])) {
                    added++;
                    addedValue += value;
                    if (!cube.territoryIsLeaf(cube.territory(cells[i])) || !cube.periodIsLeaf(cube.period(cells[i]))) {
                        totals++;
                    }
                }
            }
            long width = up == Long.MAX_VALUE || down == Long.MAX_VALUE ? Long.MAX_VALUE : up + down + 1;
            if (width < protection || !balanced(cells, signs, count)) {
                return null;
            }
            return new Candidate(Arrays.copyOf(cells, count), Arrays.copyOf(signs, count), totals, added, addedValue);
        }

        /** Whether moving the cells by their signs leaves every sum of the cube true. */
        private boolean balanced(int[] cells, int[] signs, int count) {
            int touchedCount = 0;
            for (int i = 0; i < count; i++) {
                for (int r : cube.partOf(cells[i])) {
                    if (balance[r] == 0) {
                        touched[touchedCount++] = r;
                    }
                    balance[r] += signs[i];
                }
                for (int r : cube.totalOf(cells[i])) {
                    if (balance[r] == 0) {
                        touched[touchedCount++] = r;
                    }
                    balance[r] -= signs[i];
                }
            }
            boolean balanced = true;
            for (int i = 0; i < touchedCount; i++) {
                balanced &= balance[touched[i]] == 0;
                balance[touched[i]] = 0;
            }
            return balanced;
        }

        /** The territories above exactly one of {@code a, b} (all above {@code a} when {@code b} is -1), signed. */
        private Signed territoryMove(int a, int b) {
            return move(cube.territoryAncestors(a), b < 0 ? new int[0] : cube.territoryAncestors(b));
        }

        private Signed periodMove(int p, int q) {
            return move(cube.periodAncestors(p), q < 0 ? new int[0] : cube.periodAncestors(q));
        }

        private static Signed move(int[] plus, int[] minus) {
            int[] members = new int[plus.length + minus.length];
            int[] signs = new int[members.length];
            int count = 0;
            for (int x : plus) {
                if (!contains(minus, x)) {
                    members[count] = x;
                    signs[count++] = 1;
                }
            }
            for (int x : minus) {
                if (!contains(plus, x)) {
                    members[count] = x;
                    signs[count++] = -1;
                }
            }
            return new Signed(Arrays.copyOf(members, count), Arrays.copyOf(signs, count));
        }
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** Territories or periods of a move, each with the sign its cells move by. */
    private record Signed(int[] members, int[] signs) {
    }

    /** A valid hypercube: its cells and their signs, and what masking them costs (totals, cells, counts newly withheld). */
    private record Candidate(int[] cells, int[] signs, int totals, int added, long addedValue) {

        boolean isFree() {
            return added == 0;
        }

        boolean cheaperThan(Candidate other) {
            if (totals != other.totals) {
                return totals < other.totals;
            }
            if (added != other.added) {
                return added < other.added;
            }
            return addedValue < other.addedValue;
        }
    }
}
