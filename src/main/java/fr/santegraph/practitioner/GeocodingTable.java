package fr.santegraph.practitioner;

import fr.santegraph.ingest.DelimitedFormat;
import fr.santegraph.ingest.DelimitedReader;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * Results of an address geocoder kept across refreshes: a UTF-8 CSV {@code address_key;latitude;longitude}
 * (header required, {@code ;} separated, WGS 84 decimal degrees), the key as {@link ActivityRowMapper#addressKey}
 * builds it. A practitioner at an address already in the table costs no new geocoding.
 */
final class GeocodingTable {

    static final GeocodingTable NONE = new GeocodingTable(Map.of());
    static final List<String> HEADER = List.of("address_key", "latitude", "longitude");

    record Coordinates(double latitude, double longitude) {
    }

    private final Map<String, Coordinates> byKey;

    private GeocodingTable(Map<String, Coordinates> byKey) {
        this.byKey = byKey;
    }

    @Nullable Coordinates find(String addressKey) {
        return addressKey == null ? null : byKey.get(addressKey);
    }

    int size() {
        return byKey.size();
    }

    static GeocodingTable load(Path file, ImportRun run) throws IOException {
        Map<String, Coordinates> byKey = new HashMap<>();
        try (DelimitedReader reader = DelimitedReader.open(file, DelimitedFormat.unquoted(';', StandardCharsets.UTF_8))) {
            String name = reader.name();
            List<String> header = reader.header() == null ? null : reader.header().stream().map(String::strip).toList();
            if (header == null || !header.equals(HEADER)) {
                throw new ImportFailedException(name + ": a geocoding table starts with the header "
                        + String.join(";", HEADER) + ", found " + (header == null ? "an empty file" : String.join(";", header)));
            }
            for (DelimitedReader.Row row = reader.next(); row != null; row = reader.next()) {
                List<String> fields = row.fields();
                try {
                    double latitude = Double.parseDouble(fields.get(1).strip());
                    double longitude = Double.parseDouble(fields.get(2).strip());
                    if (fields.size() != 3 || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                        throw new NumberFormatException();
                    }
                    byKey.put(fields.get(0).strip(), new Coordinates(latitude, longitude));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    run.reject(name, row.line(), "expected address_key;latitude;longitude in decimal degrees");
                }
            }
        }
        return new GeocodingTable(byKey);
    }
}
