package fr.santegraph.search;

import fr.santegraph.common.TextFolding;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.springframework.lang.Nullable;

/**
 * Marks the words of a text that match a query term the way the French analyzer does (accents and case
 * folded, plural and inflected forms alike): "hospitalisations" marks "Hospitalisation", "hôpital" marks
 * "hôpitaux". An approximation of Lucene's stemming by shared prefix, enough to show why a hit matched.
 */
public final class Highlighter {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Highlighter() {
    }

    /** Query terms worth matching: folded, two characters or more. */
    public static List<String> terms(String query) {
        List<String> terms = new ArrayList<>();
        Matcher m = WORD.matcher(query);
        while (m.find()) {
            String folded = TextFolding.fold(m.group());
            if (folded.length() >= 2) {
                terms.add(folded);
            }
        }
        return terms;
    }

    /**
     * The terms worth marking in a hit: those the index's French analyzer keeps (its own stop-word list, folded),
     * so that "du" in "taux du cancer" is not highlighted wherever it occurs.
     */
    public static List<String> markedTerms(List<String> terms) {
        return terms.stream().filter(term -> !STOP_WORDS.contains(term)).toList();
    }

    private static final Set<String> STOP_WORDS = FrenchAnalyzer.getDefaultStopSet().stream()
            .map(word -> TextFolding.fold(word instanceof char[] chars ? new String(chars) : word.toString())).collect(Collectors.toUnmodifiableSet());

    static boolean matches(String word, String term) {
        String w = TextFolding.fold(word);
        if (w.equals(term)) {
            return true;
        }
        int common = 0;
        int max = Math.min(w.length(), term.length());
        while (common < max && w.charAt(common) == term.charAt(common)) {
            common++;
        }
        return common >= 3 && common >= Math.min(w.length(), term.length()) - 2 && Math.abs(w.length() - term.length()) <= 3;
    }

    /** The text with matching words in {@code <em>…</em>}, or null when no word matches. */
    public static @Nullable String highlight(String text, List<String> terms) {
        if (text == null || terms.isEmpty()) {
            return null;
        }
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 16);
        int last = 0;
        boolean any = false;
        while (m.find()) {
            String word = m.group();
            if (terms.stream().anyMatch(term -> matches(word, term))) {
                out.append(text, last, m.start()).append("<em>").append(word).append("</em>");
                last = m.end();
                any = true;
            }
        }
        if (!any) {
            return null;
        }
        return out.append(text.substring(last)).toString();
    }
}
