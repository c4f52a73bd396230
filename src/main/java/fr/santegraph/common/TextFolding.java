package fr.santegraph.common;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/** Folds text for accent- and case-insensitive matching: "Saint-Étienne" and "saint etienne" fold alike. */
public final class TextFolding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private TextFolding() {
    }

    public static String fold(String text) {
        String ascii = foldAscii(text);
        return ascii != null ? ascii : foldUnicode(text);
    }

    static String foldUnicode(String text) {
        String decomposed = Normalizer.normalize(text.replace("œ", "oe").replace("Œ", "OE")
                .replace("æ", "ae").replace("Æ", "AE"), Normalizer.Form.NFD);
        String bare = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(bare).replaceAll(" ").strip();
    }

    /**
     * The same folding for plain ASCII text (most names and addresses of the RPPS), without normalising or regular
     * expressions: imports fold every line. Null when the text holds anything else.
     */
    static @Nullable String foldAscii(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        boolean separator = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            boolean lower = c >= 'a' && c <= 'z';
            boolean upper = c >= 'A' && c <= 'Z';
            if (lower || upper || (c >= '0' && c <= '9')) {
                if (separator && !folded.isEmpty()) {
                    folded.append(' ');
                }
                separator = false;
                folded.append(upper ? (char) (c + ('a' - 'A')) : c);
            } else {
                separator = true;
            }
        }
        return folded.toString();
    }
}
