package fr.santegraph.practitioner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One profession's active practitioners in a département or region, in name order, each with the places (communes,
 * arrondissements, départements) its activities there are located in: kept so that each page of the list, its total
 * and its counts per territory need no new read of every match (Gironde: 8,074 GPs sorted for each page of 20).
 * Immutable; ids packed as bytes (a national list is about a million of them).
 */
final class PractitionerList {

    /** A page of practitioner national ids, in order, and the number of practitioners in the whole list. */
    record Slice(List<String> ids, long total) {
    }

    private final byte[] idBytes;
    private final int[] idOffsets;
    private final String[] places;
    /** Practitioner i's places: {@code placeCodes[placeOffsets[i] .. placeOffsets[i + 1])}, indexes into places. */
    private final int[] placeOffsets;
    private final int[] placeCodes;

    private PractitionerList(byte[] idBytes, int[] idOffsets, String[] places, int[] placeOffsets, int[] placeCodes) {
        this.idBytes = idBytes;
        this.idOffsets = idOffsets;
        this.places = places;
        this.placeOffsets = placeOffsets;
        this.placeCodes = placeCodes;
    }

    /** From the practitioners in list order, each with the places of its activities (repeats allowed). */
    static PractitionerList of(List<String> ids, List<? extends Collection<String>> placesOf) {
        int n = ids.size();
        int[] idOffsets = new int[n + 1];
        byte[][] encoded = new byte[n][];
        for (int i = 0; i < n; i++) {
            encoded[i] = ids.get(i).getBytes(StandardCharsets.UTF_8);
            idOffsets[i + 1] = idOffsets[i] + encoded[i].length;
        }
        byte[] idBytes = new byte[idOffsets[n]];
        for (int i = 0; i < n; i++) {
            System.arraycopy(encoded[i], 0, idBytes, idOffsets[i], encoded[i].length);
        }
        Map<String, Integer> codes = new HashMap<>();
        List<String> places = new ArrayList<>();
        int[] placeOffsets = new int[n + 1];
        List<Integer> placeCodes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (String place : new LinkedHashSet<>(placesOf.get(i))) {
                placeCodes.add(codes.computeIfAbsent(place, p -> {
                    places.add(p);
                    return places.size() - 1;
                }));
            }
            placeOffsets[i + 1] = placeCodes.size();
        }
        return new PractitionerList(idBytes, idOffsets, places.toArray(String[]::new), placeOffsets,
                placeCodes.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Practitioners in the list. */
    int size() {
        return idOffsets.length - 1;
    }

    /** The page {@code [offset, offset + limit)}, from the end when {@code descending}. */
    Slice page(long offset, int limit, boolean descending) {
        int total = size();
        List<String> ids = new ArrayList<>(Math.max(0, Math.min(limit, total)));
        for (long i = offset; i < total && ids.size() < limit; i++) {
            ids.add(id((int) (descending ? total - 1 - i : i)));
        }
        return new Slice(ids, total);
    }

    /**
     * Distinct practitioners per territory {@code t}, the territories {@code containing} gives for the places of
     * their activities (null or empty: none). Territories without any are absent.
     */
    Map<String, Long> counts(Function<String, ? extends Collection<String>> containing) {
        Map<String, Long> counts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < size(); i++) {
            seen.clear();
            for (int k = placeOffsets[i]; k < placeOffsets[i + 1]; k++) {
                Collection<String> territories = containing.apply(places[placeCodes[k]]);
                if (territories != null) {
                    seen.addAll(territories);
                }
            }
            seen.forEach(t -> counts.merge(t, 1L, Long::sum));
        }
        return counts;
    }

    private String id(int index) {
        return new String(idBytes, idOffsets[index], idOffsets[index + 1] - idOffsets[index], StandardCharsets.UTF_8);
    }
}
