package fr.santegraph.catalogue;

import fr.santegraph.common.TextFolding;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.lang.Nullable;

/**
 * Names and aliases → business code, compared accent-, case- and punctuation-insensitively, so "CNAMTS",
 * "Cnamts" and "C.N.A.M.T.S." are one key. The first code registered for a name wins (the alias file is
 * authoritative over names derived while importing).
 */
public final class AliasIndex {

    private final Map<String, String> codes = new HashMap<>();

    public void add(String name, String code) {
        String key = key(name);
        if (key != null && !key.isEmpty()) {
            codes.putIfAbsent(key, code);
        }
    }

    public Optional<String> find(String name) {
        String key = key(name);
        return key == null || key.isEmpty() ? Optional.empty() : Optional.ofNullable(codes.get(key));
    }

    /** The comparison key of a name: folded, dotted acronyms joined. */
    public static @Nullable String key(String name) {
        String folded = TextFolding.fold(name);
        // Acronyms written with dots or spaces ("C.N.A.M.") fold to single letters: join them.
        return folded == null ? null : folded.replaceAll("\\b(\\p{L}) (?=\\p{L}\\b)", "$1");
    }
}
