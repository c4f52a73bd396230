package fr.santegraph.catalogue;

import fr.santegraph.common.TextFolding;

/** Stable business ids built from published names: "Santé publique France" → {@code sante-publique-france}. */
public final class Slugs {

    private static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String of(String text) {
        String folded = TextFolding.fold(text);
        if (folded == null || folded.isEmpty()) {
            throw new IllegalArgumentException("no name to build an id from");
        }
        String slug = folded.replace(' ', '-');
        if (slug.length() > MAX_LENGTH) {
            int cut = slug.lastIndexOf('-', MAX_LENGTH);
            slug = slug.substring(0, cut > 20 ? cut : MAX_LENGTH);
        }
        return slug;
    }
}
