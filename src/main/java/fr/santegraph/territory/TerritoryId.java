package fr.santegraph.territory;

import fr.santegraph.common.InvalidArgumentException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A territory's global id, {@code <level>:<INSEE code>}, e.g. {@code department:2A}. */
public record TerritoryId(TerritoryLevel level, String code) {

    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{2,9}");

    public static TerritoryId of(TerritoryLevel level, String code) {
        return new TerritoryId(level, code);
    }

    /** Parses {@code department:2A}; throws a message fit for an API user when it is not one. */
    public static TerritoryId parse(String id) {
        int colon = id == null ? -1 : id.indexOf(':');
        if (colon < 0) {
            throw new InvalidArgumentException("'" + id + "' is not a territory id: expected <level>:<code>, e.g. region:84 or commune:2A004");
        }
        TerritoryLevel level = TerritoryLevel.ofIdPrefix(id.substring(0, colon)).orElseThrow(() ->
                new InvalidArgumentException("unknown territory level '" + id.substring(0, colon) + "' in '" + id + "'"));
        String code = id.substring(colon + 1).toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            throw new InvalidArgumentException("'" + code + "' is not an INSEE code");
        }
        return new TerritoryId(level, code);
    }

    @Override
    public String toString() {
        return level.id(code);
    }
}
