package fr.santegraph.catalogue;

import fr.santegraph.common.SortDirection;

/** Sorting of a catalogue list: by name (or title) in French order or by id, ascending or descending. */
public record CatalogueOrder(Field field, SortDirection direction) {

    public enum Field { NAME, ID }

    public static CatalogueOrder orDefault(CatalogueOrder order) {
        return order == null ? new CatalogueOrder(Field.NAME, SortDirection.ASC)
                : new CatalogueOrder(order.field() == null ? Field.NAME : order.field(),
                order.direction() == null ? SortDirection.ASC : order.direction());
    }

    /**
     * The Cypher expression to sort the node {@code n} on: for NAME, the French-order key of its {@code nameProperty}
     * ("name" or "title") that {@link CatalogueSortKeys} stores, else the lower-cased text.
     */
    public String sortKey(String nameProperty) {
        return field == Field.ID ? "n.id" : "coalesce(n.sortName, toLower(n.%s))".formatted(nameProperty);
    }

    public boolean descending() {
        return direction == SortDirection.DESC;
    }
}
