package fr.santegraph.common;

/** A slice of an ordered result: skip {@code offset} items, return at most {@code limit}. */
public record PageRequest(long offset, int limit) {

    /** One more than the page, to learn whether a next page exists without counting. */
    public int lookAhead() {
        return limit + 1;
    }
}
