package fr.santegraph.practitioner;

import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.practitioner.PractitionerFilter.ModeOfPractice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /geo/sites?territory=…&profession=…&specialty=…&modeOfPractice=…}: the placed practice sites of a
 * territory with active practitioners matching the filter, as a GeoJSON FeatureCollection for map layers.
 */
@RestController
public class SiteGeoJsonController {

    static final int MAX_FEATURES = 50_000;

    private final PractitionerService practitioners;

    public SiteGeoJsonController(PractitionerService practitioners) {
        this.practitioners = practitioners;
    }

    @GetMapping(value = "/geo/sites", produces = {"application/geo+json", "application/json"})
    public Map<String, Object> sites(@RequestParam String territory, @RequestParam(required = false) String profession,
                                     @RequestParam(required = false) String specialty,
                                     @RequestParam(required = false) String modeOfPractice) {
        ModeOfPractice mode = null;
        if (modeOfPractice != null) {
            try {
                mode = ModeOfPractice.valueOf(modeOfPractice);
            } catch (IllegalArgumentException e) {
                throw new InvalidArgumentException("modeOfPractice must be one of " + List.of(ModeOfPractice.values()));
            }
        }
        List<Map<String, Object>> features = practitioners.siteFeatures(
                new PractitionerFilter(profession, specialty, mode, territory, null, null, true, false), MAX_FEATURES + 1);
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("truncated", features.size() > MAX_FEATURES);
        collection.put("features", features.size() > MAX_FEATURES ? features.subList(0, MAX_FEATURES) : features);
        return collection;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badArgument(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
