package fr.santegraph.territory;

import fr.santegraph.common.TextFolding;
import fr.santegraph.ingest.RowException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Maps La Poste's "base officielle des codes postaux" lines, located by header name: the 2024 file
 * ({@code #Code_commune_INSEE;Nom_de_la_commune;Code_postal;Libellé_d_acheminement;Ligne_5}) and the older
 * variant with a {@code coordonnees_gps} column ("lat,lon").
 */
public final class LaPosteRowMapper {

    private static final Pattern POSTAL_CODE = Pattern.compile("\\d{5}");

    private final int communeColumn;
    private final int postalCodeColumn;
    private final int labelColumn;
    private final int gpsColumn;
    private final int columnCount;

    private LaPosteRowMapper(int communeColumn, int postalCodeColumn, int labelColumn, int gpsColumn, int columnCount) {
        this.communeColumn = communeColumn;
        this.postalCodeColumn = postalCodeColumn;
        this.labelColumn = labelColumn;
        this.gpsColumn = gpsColumn;
        this.columnCount = columnCount;
    }

    /** Recognises a La Poste header, or says nothing when the file is something else. */
    public static Optional<LaPosteRowMapper> forHeader(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(TextFolding.fold(header.get(i)), i);
        }
        Integer commune = columns.get("code commune insee");
        Integer postalCode = columns.get("code postal");
        Integer label = columns.get("libelle d acheminement");
        if (commune == null || postalCode == null || label == null) {
            return Optional.empty();
        }
        return Optional.of(new LaPosteRowMapper(commune, postalCode, label,
                columns.getOrDefault("coordonnees gps", -1), header.size()));
    }

    public boolean hasCoordinates() {
        return gpsColumn >= 0;
    }

    public PostalCodeRow map(List<String> fields, long line) {
        if (fields.size() != columnCount) {
            throw new RowException("expected " + columnCount + " fields, found " + fields.size());
        }
        String commune = fields.get(communeColumn).strip();
        if (!CogRowMapper.COMMUNE_CODE.matcher(commune).matches()) {
            throw new RowException("'" + commune + "' is not an INSEE commune code");
        }
        String postalCode = fields.get(postalCodeColumn).strip();
        if (!POSTAL_CODE.matcher(postalCode).matches()) {
            throw new RowException("'" + postalCode + "' is not a postal code");
        }
        Double latitude = null;
        Double longitude = null;
        if (gpsColumn >= 0 && !fields.get(gpsColumn).isBlank()) {
            String[] latLon = fields.get(gpsColumn).split(",");
            try {
                latitude = Double.parseDouble(latLon[0].strip());
                longitude = Double.parseDouble(latLon[1].strip());
            } catch (RuntimeException e) {
                throw new RowException("coordinates '" + fields.get(gpsColumn) + "' are not \"latitude,longitude\"");
            }
            if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
                throw new RowException("coordinates '" + fields.get(gpsColumn) + "' are out of range");
            }
        }
        return new PostalCodeRow(commune, postalCode, fields.get(labelColumn).strip(), latitude, longitude, line);
    }
}
