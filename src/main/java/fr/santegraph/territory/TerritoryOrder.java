package fr.santegraph.territory;

import fr.santegraph.common.SortDirection;
import fr.santegraph.common.TextFolding;
import java.util.Comparator;

/** How a list of territories is sorted: by code, by name (French order: accents, case and hyphens ignored) or by population. */
public record TerritoryOrder(Field field, SortDirection direction) {

    public enum Field { CODE, NAME, POPULATION }

    /** The order of entries; territories without a population come last either way, then by code. */
    Comparator<TerritoryDirectory.Entry> comparator() {
        Comparator<TerritoryDirectory.Entry> byCode = Comparator.comparing((TerritoryDirectory.Entry e) -> e.territory().code())
                .thenComparing(e -> e.territory().level().name());
        boolean descending = direction == SortDirection.DESC;
        return switch (field == null ? Field.CODE : field) {
            case CODE -> descending ? byCode.reversed() : byCode;
            case NAME -> {
                // The folded name ("etude", "sante publique france", "oeuvre"): the order a French reader expects.
                Comparator<TerritoryDirectory.Entry> byName = Comparator.comparing(
                        (TerritoryDirectory.Entry e) -> TextFolding.fold(e.territory().name()))
                        .thenComparing(e -> e.territory().name());
                yield (descending ? byName.reversed() : byName).thenComparing(byCode);
            }
            case POPULATION -> {
                Comparator<Long> values = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
                yield Comparator.comparing((TerritoryDirectory.Entry e) -> e.territory().population(),
                        Comparator.nullsLast(values)).thenComparing(byCode);
            }
        };
    }
}
