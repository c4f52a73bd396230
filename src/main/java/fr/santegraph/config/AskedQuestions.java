package fr.santegraph.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions whose answers the result cache kept, with how often each was asked, across graph versions: what to
 * answer again once an import has dropped them. Bounded in count and in estimated memory, the least recently asked
 * going first; each {@link #mostAsked} halves the counts, so that questions nobody asks any more fade out.
 */
final class AskedQuestions<K> {

    /** A question's count and estimated size. */
    private static final class Asked {
        long count;
        final long bytes;

        Asked(long bytes) {
            this.bytes = bytes;
        }
    }

    private final int maxQuestions;
    private final long maxBytes;
    private final LinkedHashMap<K, Asked> asked = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    AskedQuestions(int maxQuestions, long maxBytes) {
        this.maxQuestions = maxQuestions;
        this.maxBytes = maxBytes;
    }

    /** One more asking of {@code question}, whose key takes about {@code questionBytes}. */
    synchronized void asked(K question, long questionBytes) {
        if (maxQuestions == 0 || questionBytes > maxBytes) {
            return;
        }
        Asked entry = asked.computeIfAbsent(question, q -> {
            bytes += questionBytes;
            return new Asked(questionBytes);
        });
        entry.count++;
        Iterator<Asked> eldest = asked.values().iterator();
        while ((asked.size() > maxQuestions || bytes > maxBytes) && eldest.hasNext()) {
            Asked next = eldest.next();
            bytes -= next.bytes;
            eldest.remove();
        }
    }

    /**
     * At most {@code limit} questions, the most asked first (then the most recently asked); every count is halved
     * afterwards and questions left at zero are forgotten.
     */
    synchronized List<K> mostAsked(int limit) {
        List<Map.Entry<K, Asked>> recentFirst = new ArrayList<>(asked.entrySet());
        Collections.reverse(recentFirst);
        // A stable sort: among equal counts the most recently asked stay first.
        List<K> chosen = recentFirst.stream()
                .sorted(Comparator.comparingLong((Map.Entry<K, Asked> e) -> e.getValue().count).reversed())
                .limit(limit).map(Map.Entry::getKey).toList();
        Iterator<Asked> all = asked.values().iterator();
        while (all.hasNext()) {
            Asked next = all.next();
            next.count /= 2;
            if (next.count == 0) {
                bytes -= next.bytes;
                all.remove();
            }
        }
        return chosen;
    }

    synchronized int size() {
        return asked.size();
    }
}
