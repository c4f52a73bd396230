package fr.santegraph.practitioner;

import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.practitioner.PractitionerFilter.ModeOfPractice;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

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
    public Map<String, Object> sites(@RequestParam(required = false) String territory,
                                     @RequestParam(required = false) String bbox,
                                     @RequestParam(required = false) String profession,
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
        if (territory == null && bbox == null) {
            throw new InvalidArgumentException("give territory (an id or code) or bbox (west,south,east,north), or both");
        }
        List<Map<String, Object>> features = practitioners.siteFeatures(new PractitionerFilter(profession, specialty, mode,
                territory, null, bbox == null ? null : boundingBox(bbox), null, true, false), MAX_FEATURES + 1);
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("truncated", features.size() > MAX_FEATURES);
        collection.put("features", features.size() > MAX_FEATURES ? features.subList(0, MAX_FEATURES) : features);
        return collection;
    }

    /** {@code west,south,east,north} in decimal degrees, the order of GeoJSON's and OGC API's {@code bbox}. */
    static PractitionerFilter.BoundingBox boundingBox(String bbox) {
        String[] parts = bbox.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidArgumentException("bbox must be west,south,east,north (four numbers in degrees)");
        }
        double[] values = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidArgumentException("bbox must be west,south,east,north (four numbers in degrees): '"
                        + parts[i].strip() + "' is not a number");
            }
        }
        return new PractitionerFilter.BoundingBox(values[0], values[1], values[2], values[3]);
    }

    /** Spring's own answer to a missing or malformed parameter is its default error body: this one is documented. */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
    public ResponseEntity<Map<String, String>> badParameter(Exception e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    public ResponseEntity<Map<String, String>> badArgument(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }
}
