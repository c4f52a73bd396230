package fr.santegraph.practitioner;

import fr.santegraph.ingest.DelimitedFile;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRun;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

    Coordinates find(String addressKey) {
        return addressKey == null ? null : byKey.get(addressKey);
    }

    int size() {
        return byKey.size();
    }

    static GeocodingTable load(Path file, ImportRun run) throws IOException {
        String name = file.getFileName().toString();
        Map<String, Coordinates> byKey = new HashMap<>();
        try (BufferedReader reader = DelimitedFile.strictReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null || !DelimitedFile.split(header.strip(), ';', false).equals(HEADER)) {
                throw new ImportFailedException(name + ": a geocoding table starts with the header "
                        + String.join(";", HEADER) + ", found " + header);
            }
            String text;
            long line = 1;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                List<String> fields = DelimitedFile.split(text, ';', false);
                try {
                    double latitude = Double.parseDouble(fields.get(1).strip());
                    double longitude = Double.parseDouble(fields.get(2).strip());
                    if (fields.size() != 3 || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                        throw new NumberFormatException();
                    }
                    byKey.put(fields.get(0).strip(), new Coordinates(latitude, longitude));
                } catch (NumberFormatException | IndexOutOfBoundsException e) {
                    run.reject(name, line, "expected address_key;latitude;longitude in decimal degrees");
                }
            }
        } catch (CharacterCodingException e) {
            throw new ImportFailedException(name + ": not valid UTF-8 text", e);
        }
        return new GeocodingTable(byKey);
    }
}
