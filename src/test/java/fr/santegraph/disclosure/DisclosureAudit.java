package fr.santegraph.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker's side, written apart from the suppression it checks: from what an anonymous caller received (each
 * cell's count, or null when masked) and the published territorial hierarchy, the least and greatest value each
 * masked count can take, by linear programming (ojAlgo). The caller knows: a total is the sum of its parts — a
 * territory's of its children's cells, going down a level where a child has none (a region of its communes when a
 * département's cell is missing); a year of its quarters, or of a quarter's months where the quarter is missing; a
 * quarter of its months — an equality when every part is in the answers, else at least the parts given; counts are
 * whole, and a masked one is at least 1 (zeros are published). Not modelled: sums mixing both at once (a region's
 * year from communes' quarters when every cell between is missing).
 * Masked cells linked by no sum are solved apart (each connected group is one small program).
 */
public final class DisclosureAudit {

    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");
    private static final double UNBOUNDED = 1e6;

    /** A cell as a caller received it: {@code value} null when masked. */
    public record Received(String territory, String period, Long value) {
    }

    /** What the caller can prove of a masked cell: it lies in [least, greatest] (greatest infinite when unbounded). */
    public record Bounds(double least, double greatest) {

        /** The whole values the caller cannot rule out. */
        public double wholeValues() {
            return greatest >= UNBOUNDED / 2 ? Double.POSITIVE_INFINITY
                    : Math.floor(greatest + 1e-6) - Math.ceil(least - 1e-6) + 1;
        }
    }

    /**
     * {@code parents}: every territory of the hierarchy with the territories it is a part of (a commune: its
     * département and EPCI), children without a cell included, so that incomplete sums are known as such.
     */
    public static Map<String, Bounds> bounds(List<Received> received, Map<String, List<String>> parents) {
        return bounds(received, parents, cell -> true);
    }

    /**
     * The bounds of the masked cells {@code solved} accepts ({@code territory|period}), each from the whole group of
     * masked cells it is linked to: a sample of a national table, audited exactly.
     */
    public static Map<String, Bounds> bounds(List<Received> received, Map<String, List<String>> parents,
                                             Predicate<String> solved) {
        return bounds(received, parents, solved, null);
    }

    /**
     * A stronger attacker, for tables too large to solve whole: besides what was published, it knows the true value
     * of every masked cell more than {@code near.hops()} sums away from the one solved. Bounds it cannot narrow below
     * the protection level, the real attacker cannot either; each program stays small.
     */
    public static Map<String, Bounds> boundsKnowingFarCells(List<Received> received, Map<String, List<String>> parents,
                                                            Predicate<String> solved,
                                                            Map<String, Long> truth, int hops) {
        return bounds(received, parents, solved, new Near(truth, hops));
    }

    private record Near(Map<String, Long> truth, int hops) {
    }

    /**
     * What the moves a suppression reports prove, checked against the caller's own sums, without solving anything:
     * a move (cells as {@code territory|period} with a direction each) that only touches masked cells and leaves
     * every sum unchanged shows the caller tables that differ from the true one ({@code truth}) by any step keeping
     * each cell at 1 or more; every cell it moves can then take at least as many whole values as there are such
     * steps. A lower bound on what the linear programs give — sound, and linear in the size of the table, so the
     * whole of France can be audited. Moves that touch a published cell or change a sum are reported, not counted.
     */
    public static Certificates certify(List<Received> received, Map<String, List<String>> parents,
                                       Map<String, Long> truth, List<Map<String, Integer>> moves) {
        Map<String, Received> cells = cells(received);
        List<Sum> sums = sums(cells, parents);
        Map<String, List<Sum>> sumsWith = new HashMap<>();
        sums.forEach(sum -> sum.variables.keySet().forEach(v -> sumsWith.computeIfAbsent(v, k -> new ArrayList<>()).add(sum)));
        Map<String, Long> certified = new LinkedHashMap<>();
        cells.forEach((key, cell) -> {
            if (cell.value() == null) {
                certified.put(key, 0L);
            }
        });
        List<String> invalid = new ArrayList<>();
        for (Map<String, Integer> move : moves) {
            String problem = null;
            long up = Long.MAX_VALUE;
            long down = Long.MAX_VALUE;
            Set<Sum> touched = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Map.Entry<String, Integer> moved : move.entrySet()) {
                if (!certified.containsKey(moved.getKey())) {
                    problem = "moves " + moved.getKey() + ", which is published or absent";
                    break;
                }
                int sign = moved.getValue();
                if (sign == 0) {
                    continue;
                }
                // truth + step × sign ≥ 1, for steps in [-down, up].
                long room = Math.floorDiv(truth.get(moved.getKey()) - 1, Math.abs(sign));
                if (sign > 0) {
                    down = Math.min(down, room);
                } else {
                    up = Math.min(up, room);
                }
                touched.addAll(sumsWith.getOrDefault(moved.getKey(), List.of()));
            }
            if (problem == null) {
                for (Sum sum : touched) {
                    long change = 0;
                    for (Map.Entry<String, Integer> v : sum.variables.entrySet()) {
                        change += (long) v.getValue() * move.getOrDefault(v.getKey(), 0);
                    }
                    if (change != 0) {
                        problem = "changes the sum of " + sum.variables.keySet().iterator().next();
                        break;
                    }
                }
            }
            if (problem != null) {
                invalid.add(problem);
                continue;
            }
            long steps = up == Long.MAX_VALUE || down == Long.MAX_VALUE ? Long.MAX_VALUE : up + down + 1;
            move.forEach((key, sign) -> {
                if (sign != 0) {
                    certified.merge(key, steps, Math::max);
                }
            });
        }
        return new Certificates(certified, invalid);
    }

    /**
     * Per masked cell, the whole values the moves prove it can take (0 when no move holds it; {@code Long.MAX_VALUE}
     * when unbounded), and the moves rejected, with why.
     */
    public record Certificates(Map<String, Long> wholeValues, List<String> invalid) {

        public long fewest() {
            return wholeValues.values().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
        }

        public long narrowerThan(long values) {
            return wholeValues.values().stream().filter(v -> v < values).count();
        }
    }

    /** The answers by {@code territory|period}; two answers for one cell must agree. */
    private static Map<String, Received> cells(List<Received> received) {
        Map<String, Received> cells = new LinkedHashMap<>();
        for (Received r : received) {
            Received before = cells.put(r.territory() + "|" + r.period(), r);
            if (before != null && !Objects.equals(before.value(), r.value())) {
                throw new AssertionError("two answers disagree on " + r.territory() + " " + r.period() + ": "
                        + before.value() + " and " + r.value());
            }
        }
        return cells;
    }

    /** Every sum a caller can write from the answers and the hierarchy, with the masked cells as its variables. */
    private static List<Sum> sums(Map<String, Received> cells, Map<String, List<String>> parents) {
        Map<String, List<String>> children = new HashMap<>();
        parents.forEach((child, ps) -> ps.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(child)));
        List<Sum> sums = new ArrayList<>();
        for (Received total : cells.values()) {
            // Over territories: each part the cell of a child, or, where a child has none, its own parts' cells.
            Sum territorial = new Sum();
            add(territorial, key(total.territory(), total.period()), total, 1);
            territorial.complete = true;
            if (addParts(territorial, total.territory(), total.period(), cells, children, new HashSet<>())) {
                sums.add(territorial);
            }
            // Over periods: a year of its quarters (or, where a quarter has no cell, of its months), a quarter of
            // its months.
            Matcher m = PERIOD.matcher(total.period());
            if (!m.matches()) {
                throw new IllegalArgumentException(total.period());
            }
            String year = m.group(1);
            List<List<String>> parts = new ArrayList<>();
            if (m.group(2) == null && m.group(3) == null) {
                for (int q = 1; q <= 4; q++) {
                    parts.add(List.of(year + "-Q" + q));
                }
            } else if (m.group(2) != null) {
                int q = Integer.parseInt(m.group(2));
                for (int month = 3 * q - 2; month <= 3 * q; month++) {
                    parts.add(List.of(String.format("%s-%02d", year, month)));
                }
            }
            Sum overPeriods = new Sum();
            add(overPeriods, key(total.territory(), total.period()), total, 1);
            overPeriods.complete = true;
            boolean any = false;
            for (List<String> part : parts) {
                String period = part.get(0);
                Received cell = cells.get(key(total.territory(), period));
                if (cell != null) {
                    add(overPeriods, key(total.territory(), period), cell, -1);
                    any = true;
                } else if (period.contains("-Q")) {
                    int q = Integer.parseInt(period.substring(6));
                    for (int month = 3 * q - 2; month <= 3 * q; month++) {
                        Received monthCell = cells.get(key(total.territory(), String.format("%s-%02d", year, month)));
                        if (monthCell != null) {
                            add(overPeriods, key(total.territory(), monthCell.period()), monthCell, -1);
                            any = true;
                        } else {
                            overPeriods.complete = false;
                        }
                    }
                } else {
                    overPeriods.complete = false;
                }
            }
            if (any) {
                sums.add(overPeriods);
            }
        }
        sums.removeIf(s -> s == null || s.variables.isEmpty());
        return sums;
    }

    private static Map<String, Bounds> bounds(List<Received> received, Map<String, List<String>> parents,
                                              Predicate<String> solved, Near near) {
        Map<String, Received> cells = cells(received);
        List<Sum> sums = sums(cells, parents);
        if (near != null) {
            return boundsNear(cells, sums, solved, near);
        }
        // Connected groups of masked cells.
        Map<String, String> group = new HashMap<>();
        cells.forEach((key, cell) -> {
            if (cell.value() == null) {
                group.put(key, key);
            }
        });
        for (Sum s : sums) {
            String first = find(group, s.variables.keySet().iterator().next());
            for (String v : s.variables.keySet()) {
                group.put(find(group, v), first);
            }
        }
        Map<String, List<String>> members = new LinkedHashMap<>();
        group.keySet().forEach(v -> members.computeIfAbsent(find(group, v), k -> new ArrayList<>()).add(v));
        Map<String, List<Sum>> sumsOf = new HashMap<>();
        sums.forEach(s -> sumsOf.computeIfAbsent(find(group, s.variables.keySet().iterator().next()),
                k -> new ArrayList<>()).add(s));
        Map<String, Bounds> result = new LinkedHashMap<>();
        members.forEach((root, vars) -> {
            if (vars.stream().anyMatch(solved)) {
                result.putAll(solve(vars, sumsOf.getOrDefault(root, List.of()), solved));
            }
        });
        return result;
    }

    private static Map<String, Bounds> boundsNear(Map<String, Received> cells, List<Sum> sums,
                                                  Predicate<String> solved, Near near) {
        Map<String, List<Sum>> sumsWith = new HashMap<>();
        sums.forEach(s -> s.variables.keySet().forEach(v -> sumsWith.computeIfAbsent(v, k -> new ArrayList<>()).add(s)));
        Map<String, Bounds> result = new LinkedHashMap<>();
        for (Map.Entry<String, Received> entry : cells.entrySet()) {
            String target = entry.getKey();
            if (entry.getValue().value() != null || !solved.test(target)) {
                continue;
            }
            Set<String> reached = new LinkedHashSet<>(List.of(target));
            Set<String> frontier = new LinkedHashSet<>(reached);
            for (int hop = 0; hop < near.hops(); hop++) {
                Set<String> next = new LinkedHashSet<>();
                for (String v : frontier) {
                    for (Sum s : sumsWith.getOrDefault(v, List.of())) {
                        s.variables.keySet().stream().filter(u -> !reached.contains(u)).forEach(next::add);
                    }
                }
                reached.addAll(next);
                frontier = next;
            }
            Set<Sum> local = new LinkedHashSet<>();
            reached.forEach(v -> local.addAll(sumsWith.getOrDefault(v, List.of())));
            List<Sum> known = new ArrayList<>();
            for (Sum s : local) {
                Sum copy = new Sum();
                copy.complete = s.complete;
                copy.constant = s.constant;
                s.variables.forEach((v, c) -> {
                    if (reached.contains(v)) {
                        copy.variables.put(v, c);
                    } else {
                        copy.constant += c * near.truth().get(v);
                    }
                });
                known.add(copy);
            }
            result.putAll(solve(List.copyOf(reached), known, target::equals));
        }
        return result;
    }

    private static String key(String territory, String period) {
        return territory + "|" + period;
    }

    /**
     * Adds to {@code sum} the parts of {@code territory} in {@code period}; false when no part has a cell. A child
     * with no cell and no children of its own leaves the sum incomplete.
     */
    private static boolean addParts(Sum sum, String territory, String period, Map<String, Received> cells,
                                    Map<String, List<String>> children, Set<String> visited) {
        boolean any = false;
        for (String child : children.getOrDefault(territory, List.of())) {
            if (!visited.add(child)) {
                continue;
            }
            Received cell = cells.get(key(child, period));
            if (cell != null) {
                add(sum, key(child, period), cell, -1);
                any = true;
            } else if (children.containsKey(child)) {
                any |= addParts(sum, child, period, cells, children, visited);
            } else {
                sum.complete = false;
            }
        }
        return any;
    }

    private static void add(Sum s, String key, Received cell, int coefficient) {
        if (cell.value() == null) {
            s.variables.merge(key, coefficient, Integer::sum);
        } else {
            s.constant += coefficient * cell.value();
        }
    }

    private static String find(Map<String, String> group, String v) {
        String root = v;
        while (!group.get(root).equals(root)) {
            root = group.get(root);
        }
        group.put(v, root);
        return root;
    }

    private static Map<String, Bounds> solve(List<String> vars, List<Sum> sums, Predicate<String> solved) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Map<String, Variable> variables = new HashMap<>();
        for (String v : vars) {
            variables.put(v, model.addVariable(v).lower(1).upper(UNBOUNDED));
        }
        int i = 0;
        for (Sum s : sums) {
            Expression e = model.addExpression("sum" + i++);
            s.variables.forEach((v, c) -> e.set(variables.get(v), c));
            // Σ coefficient·variable + constant = 0, or ≥ 0 when parts are missing.
            if (s.complete) {
                e.level(-s.constant);
            } else {
                e.lower(-s.constant);
            }
        }
        Map<String, Bounds> result = new LinkedHashMap<>();
        for (String v : vars) {
            if (!solved.test(v)) {
                continue;
            }
            Variable x = variables.get(v);
            x.weight(1);
            Optimisation.Result least = model.minimise();
            Optimisation.Result greatest = model.maximise();
            x.weight(0);
            if (!least.getState().isFeasible() || !greatest.getState().isFeasible()) {
                throw new AssertionError("the published cells admit no table around " + v + ": " + least.getState() + "/" + greatest.getState());
            }
            result.put(v, new Bounds(least.getValue(), greatest.getValue()));
        }
        return result;
    }

    private static final class Sum {
        final Map<String, Integer> variables = new LinkedHashMap<>();
        long constant;
        boolean complete;
    }
}
