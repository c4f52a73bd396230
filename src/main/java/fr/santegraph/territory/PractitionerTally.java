package fr.santegraph.territory;

import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * Active practitioners per territory, as the imports keep them (the density indicators' counts): what
 * {@code territories(orderBy: {field: PRACTITIONER_COUNT})} sorts on without counting the directory per request.
 * Implemented by the feature that keeps the counts; the territories only read them.
 */
public interface PractitionerTally {

    /**
     * Per territory id, the practitioners of the profession (or with the savoir-faire) counted at the latest
     * extraction; territories absent have none. Empty when the code was never counted.
     */
    Map<String, Long> counts(@Nullable String profession, @Nullable String specialty);
}
