package fr.santegraph.practitioner;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/** Where an import's writer spends its time, statement by statement: logged at the end of a run. */
final class StatementTimes {

    private record Total(LongAdder nanos, LongAdder calls) {
    }

    private final Map<String, Total> totals = new ConcurrentHashMap<>();

    <T> T time(String statement, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            Total total = totals.computeIfAbsent(statement, s -> new Total(new LongAdder(), new LongAdder()));
            total.nanos().add(System.nanoTime() - start);
            total.calls().increment();
        }
    }

    void time(String statement, Runnable work) {
        time(statement, () -> {
            work.run();
            return null;
        });
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        totals.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> text.append(text.isEmpty() ? "" : ", ")
                .append(entry.getKey()).append(' ').append(String.format("%.1f s", entry.getValue().nanos().sum() / 1e9))
                .append(" (").append(entry.getValue().calls().sum()).append(')'));
        return text.toString();
    }
}
