package fr.santegraph.territory;

import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.common.SortDirection;
import fr.santegraph.common.TextFolding;
import java.util.Comparator;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * How a list of territories is sorted: by code, by name (French order: accents, case and hyphens ignored), by
 * population, or by the practitioners of one profession or savoir-faire practising there.
 */
public record TerritoryOrder(Field field, SortDirection direction, @Nullable String profession,
                             @Nullable String specialty) {

    public enum Field { CODE, NAME, POPULATION, PRACTITIONER_COUNT }

    public TerritoryOrder(Field field, SortDirection direction) {
        this(field, direction, null, null);
    }

    /** Checks the arguments belong together: a practitioner count needs exactly one code, other fields none. */
    void check() {
        boolean counted = field == Field.PRACTITIONER_COUNT;
        boolean coded = profession != null || specialty != null;
        if (counted && (profession == null) == (specialty == null)) {
            throw new InvalidArgumentException("orderBy PRACTITIONER_COUNT needs a profession or a specialty (one of them)");
        }
        if (!counted && coded) {
            throw new InvalidArgumentException("orderBy profession and specialty go with field PRACTITIONER_COUNT only");
        }
    }

    /** The order of entries; territories without a population come last either way, then by code. */
    Comparator<TerritoryDirectory.Entry> comparator() {
        return comparator(Map.of());
    }

    /** The same, with the counts a PRACTITIONER_COUNT order sorts on (absent: 0); ties by code. */
    Comparator<TerritoryDirectory.Entry> comparator(Map<String, Long> counts) {
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
            case PRACTITIONER_COUNT -> {
                Comparator<TerritoryDirectory.Entry> byCount = Comparator.comparingLong(
                        (TerritoryDirectory.Entry e) -> counts.getOrDefault(e.territory().id(), 0L));
                yield (descending ? byCount.reversed() : byCount).thenComparing(byCode);
            }
        };
    }
}
