package fr.santegraph.search;

import org.springframework.lang.Nullable;

/** Kinds of objects the catalogue search returns, with the node label of each. */
public enum SearchType {
    INDICATOR("Indicator"), DATASET("Dataset"), DATA_SERVICE("DataService"), PRODUCER("Producer"), VARIABLE("Variable");

    private final String label;

    SearchType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static SearchType ofLabel(@Nullable String label) {
        for (SearchType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException(label);
    }
}
