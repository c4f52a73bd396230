package fr.santegraph.catalogue;

import fr.santegraph.common.SortDirection;

/** Sorting of a catalogue list: by name (or title) or by id, ascending or descending. */
public record CatalogueOrder(Field field, SortDirection direction) {

    public enum Field { NAME, ID }

    public static CatalogueOrder orDefault(CatalogueOrder order) {
        return order == null ? new CatalogueOrder(Field.NAME, SortDirection.ASC)
                : new CatalogueOrder(order.field() == null ? Field.NAME : order.field(),
                order.direction() == null ? SortDirection.ASC : order.direction());
    }

    /** The property to sort on: {@code nameProperty} ("name" or "title") for NAME. */
    public String property(String nameProperty) {
        return field == Field.ID ? "id" : nameProperty;
    }

    public boolean descending() {
        return direction == SortDirection.DESC;
    }
}
