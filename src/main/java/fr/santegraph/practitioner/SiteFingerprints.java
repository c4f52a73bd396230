package fr.santegraph.practitioner;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.lang.Nullable;

/**
 * The fingerprint of every site the graph holds, read once at the start of a run in identifier order (one index range
 * scan, page by page) and kept up to date by the writer, so each batch's new, changed and unchanged sites are told
 * apart without an index seek per site. Bounded: when the graph holds more sites than {@code capacity}, or a run adds
 * past it, nothing is held and each batch asks the graph for its sites. Owned by the writer thread.
 */
final class SiteFingerprints {

    private static final Logger log = LoggerFactory.getLogger(SiteFingerprints.class);

    private final int capacity;
    /** Null: not held (not loaded yet, or over capacity); the graph is asked instead. */
    private @Nullable Map<String, Long> held;

    SiteFingerprints(int capacity) {
        this.capacity = capacity;
    }

    /** The first {@code limit} sites after an identifier, in identifier order ({@link PractitionerWriter#sitesAfter}). */
    interface Pages {
        List<PractitionerWriter.HeldSite> after(String after, int limit);
    }

    /** Reads every site's fingerprint, {@code page} at a time; gives up (holding nothing) past the capacity. */
    void load(Pages pages, int page) {
        Map<String, Long> read = new HashMap<>();
        String after = "";
        while (true) {
            List<PractitionerWriter.HeldSite> sites = pages.after(after, page);
            for (PractitionerWriter.HeldSite site : sites) {
                read.put(site.id(), site.fingerprint());
            }
            if (read.size() > capacity) {
                log.info("More than {} sites in the graph: their fingerprints are read batch by batch", capacity);
                held = null;
                return;
            }
            if (sites.size() < page) {
                held = read;
                return;
            }
            after = sites.get(sites.size() - 1).id();
        }
    }

    boolean isHeld() {
        return held != null;
    }

    /** The fingerprints of those of {@code ids} the graph holds, from memory when held, else {@code fromGraph}. */
    Map<String, Long> known(Collection<String> ids, Function<Collection<String>, Map<String, Long>> fromGraph) {
        if (held == null) {
            return fromGraph.apply(ids);
        }
        Map<String, Long> known = new HashMap<>();
        for (String id : ids) {
            Long fingerprint = held.get(id);
            if (fingerprint != null) {
                known.put(id, fingerprint);
            }
        }
        return known;
    }

    /** A site the writer has just created or rewritten. */
    void written(String id, long fingerprint) {
        if (held == null) {
            return;
        }
        held.put(id, fingerprint);
        if (held.size() > capacity) {
            log.info("More than {} sites written: their fingerprints are now read batch by batch", capacity);
            held = null;
        }
    }
}
