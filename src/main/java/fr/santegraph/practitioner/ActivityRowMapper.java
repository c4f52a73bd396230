package fr.santegraph.practitioner;

import fr.santegraph.common.TextFolding;
import fr.santegraph.ingest.DelimitedReader;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.RowException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * Maps the columns of {@code PS_LibreAcces_Personne_activite} by header name (the 52-column 2021 header and the
 * 56-column one with role and activity genre both work) to an {@link ActivityLine}. Pure: no database.
 */
final class ActivityRowMapper {

    static final String ID_TYPE = "Type d'identifiant PP";
    static final String ID = "Identifiant PP";
    static final String NATIONAL_ID = "Identification nationale PP";
    static final String PROFESSION_CODE = "Code profession";
    static final String MODE_CODE = "Code mode exercice";
    static final String COMMUNE_CODE = "Code commune (coord. structure)";
    static final String POSTAL_CODE = "Code postal (coord. structure)";

    /** Columns every edition has; the rest (role, genre…) are read when present. */
    static final List<String> REQUIRED = List.of(ID_TYPE, ID, NATIONAL_ID, "Nom d'exercice", "Prénom d'exercice",
            PROFESSION_CODE, "Libellé profession", MODE_CODE, "Identifiant technique de la structure",
            POSTAL_CODE, COMMUNE_CODE, "Libellé commune (coord. structure)");

    /** Closed code lists of the extraction: a value outside them is a bad row, not a new category. */
    static final Set<String> ID_TYPES = Set.of("0", "8");
    static final Map<String, String> MODES = Map.of("L", "Libéral", "S", "Salarié", "B", "Bénévole");

    /** The keys of the maps {@link #map} builds, which the writer spells out in its statements. */
    static final List<String> PRACTITIONER_KEYS = List.of("nationalId", "identifierType", "identifier",
            "exerciseCivilityCode", "exerciseCivility", "civilityCode", "civility", "lastName", "firstName", "searchName",
            "categoryCode", "category", "sortName");
    /**
     * The practitioner keys a fingerprint covers: all but {@code sortName}, which the names already decide. Bump
     * {@link #FINGERPRINT_FORMAT} when the stored properties change shape: every practitioner is rewritten once by the
     * next refresh (what brought {@code sortName} to graphs imported before it).
     */
    static final List<String> FINGERPRINTED_PRACTITIONER_KEYS = PRACTITIONER_KEYS.subList(0, PRACTITIONER_KEYS.size() - 1);
    static final int FINGERPRINT_FORMAT = 2;
    static final List<String> ACTIVITY_KEYS = List.of("id", "professionCode", "specialtyCode", "modeCode", "mode",
            "sectorCode", "sector", "pharmacistSectionCode", "pharmacistSection", "roleCode", "role", "genreCode", "genre",
            "registrationAuthority", "siteId");
    static final List<String> SITE_KEYS = List.of("siret", "siren", "finess", "legalEntityFiness", "structureId",
            "formerStructureId", "name", "tradeName", "recipientComplement", "geographicComplement", "streetNumber",
            "streetNumberRepetition", "streetTypeCode", "streetType", "street", "distribution", "cedexOffice", "postalCode",
            "communeCode", "communeName", "countryCode", "country", "phone", "phone2", "fax", "email", "sectorCode", "sector");

    private static final Pattern PROFESSION = Pattern.compile("[0-9]{2}");
    private static final Pattern COMMUNE = Pattern.compile("[0-9][0-9AB][0-9]{3}");
    private static final Pattern POSTAL = Pattern.compile("[0-9]{5}");
    private static final Pattern CEDEX = Pattern.compile("\\s+CEDEX.*$", Pattern.CASE_INSENSITIVE);

    private final Map<String, Integer> columns;
    private final int width;

    private ActivityRowMapper(Map<String, Integer> columns, int width) {
        this.columns = columns;
        this.width = width;
    }

    /** The mapper for this header, or a failure naming the file and the missing columns. */
    static ActivityRowMapper forHeader(String fileName, List<String> header) {
        Map<String, Integer> columns = DelimitedReader.columnsOf(header);
        List<String> missing = REQUIRED.stream().filter(name -> !columns.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new ImportFailedException(fileName + ": not a PS_LibreAcces_Personne_activite header (missing columns "
                    + missing + ")");
        }
        return new ActivityRowMapper(columns, header.size());
    }

    int width() {
        return width;
    }

    /** The position of the national identifier, the key the extraction is sorted by. */
    int nationalIdColumn() {
        return Objects.requireNonNull(columns.get(NATIONAL_ID), NATIONAL_ID);
    }

    /**
     * A row of the header's width, else a failure that says why: binary data (a corrupt download), or a line with
     * another number of fields. The extraction has no quoting: a {@code "} or a {@code ;} in a field is data.
     */
    static void checkWidth(DelimitedReader.Row row, int width) {
        if (row.fields().size() != width) {
            if (!row.isText()) {
                throw new RowException("not text: control characters or bytes that are no characters "
                        + "(a corrupt download, or binary data in the file)");
            }
            throw new RowException("expected " + width + " columns, found " + row.fields().size());
        }
    }

    ActivityLine map(DelimitedReader.Row row) {
        checkWidth(row, width);
        List<String> fields = row.fields();
        long line = row.line();
        String nationalId = get(fields, NATIONAL_ID);
        if (nationalId == null) {
            throw new RowException("missing national identifier (" + NATIONAL_ID + ")");
        }
        String idType = get(fields, ID_TYPE);
        if (idType == null || !ID_TYPES.contains(idType)) {
            throw new RowException("unknown identifier type '" + nullToEmpty(idType) + "' (expected 0 ADELI or 8 RPPS)");
        }
        String professionCode = get(fields, PROFESSION_CODE);
        if (professionCode == null || !PROFESSION.matcher(professionCode).matches()) {
            throw new RowException("unknown profession code '" + nullToEmpty(professionCode) + "'");
        }
        String mode = get(fields, MODE_CODE);
        if (mode != null && !MODES.containsKey(mode)) {
            throw new RowException("unknown mode of practice code '" + mode + "' (expected L, S or B)");
        }
        String communeCode = get(fields, COMMUNE_CODE);
        if (communeCode != null && !COMMUNE.matcher(communeCode).matches()) {
            throw new RowException("unknown commune code '" + communeCode + "'");
        }
        String postalCode = get(fields, POSTAL_CODE);
        if (postalCode != null && !POSTAL.matcher(postalCode).matches()) {
            throw new RowException("malformed postal code '" + postalCode + "'");
        }

        Map<String, Object> practitioner = new HashMap<>(24);
        practitioner.put("nationalId", nationalId);
        practitioner.put("identifierType", idType);
        practitioner.put("identifier", get(fields, ID));
        practitioner.put("exerciseCivilityCode", get(fields, "Code civilité d'exercice"));
        practitioner.put("exerciseCivility", get(fields, "Libellé civilité d'exercice"));
        practitioner.put("civilityCode", get(fields, "Code civilité"));
        practitioner.put("civility", get(fields, "Libellé civilité"));
        String lastName = get(fields, "Nom d'exercice");
        String firstName = get(fields, "Prénom d'exercice");
        practitioner.put("lastName", lastName);
        practitioner.put("firstName", firstName);
        practitioner.put("searchName", TextFolding.fold(nullToEmpty(firstName) + " " + nullToEmpty(lastName)));
        // The key of the name order: folded last name, then folded first name (a list sorts element by element).
        practitioner.put("sortName", List.of(TextFolding.fold(nullToEmpty(lastName)), TextFolding.fold(nullToEmpty(firstName))));
        practitioner.put("categoryCode", get(fields, "Code catégorie professionnelle"));
        practitioner.put("category", get(fields, "Libellé catégorie professionnelle"));

        var profession = new ActivityLine.CodedLabel(professionCode, get(fields, "Libellé profession"));
        String specialtyCode = get(fields, "Code savoir-faire");
        ActivityLine.Specialty specialty = specialtyCode == null ? null : new ActivityLine.Specialty(specialtyCode,
                get(fields, "Libellé savoir-faire"), get(fields, "Code type savoir-faire"),
                get(fields, "Libellé type savoir-faire"));

        SiteRow site = site(fields, communeCode, postalCode);

        // A line without a site may still tell its département: by its commune, postal code or published
        // département, else by the ADELI number's first two digits (the département that registered it).
        String unsitedDepartment = null;
        if (site == null) {
            unsitedDepartment = departmentOf(communeCode, postalCode, get(fields, "Code Département (structure)"));
            if (unsitedDepartment == null && "0".equals(idType)) {
                unsitedDepartment = departmentOfAdeli(get(fields, ID));
            }
        }

        Map<String, Object> activity = new HashMap<>(32);
        activity.put("professionCode", professionCode);
        activity.put("specialtyCode", specialtyCode);
        activity.put("modeCode", mode);
        activity.put("mode", get(fields, "Libellé mode exercice"));
        activity.put("sectorCode", get(fields, "Code secteur d'activité"));
        activity.put("sector", get(fields, "Libellé secteur d'activité"));
        activity.put("pharmacistSectionCode", get(fields, "Code section tableau pharmaciens"));
        activity.put("pharmacistSection", get(fields, "Libellé section tableau pharmaciens"));
        activity.put("roleCode", get(fields, "Code rôle"));
        activity.put("role", get(fields, "Libellé rôle"));
        activity.put("genreCode", get(fields, "Code genre activité"));
        activity.put("genre", get(fields, "Libellé genre activité"));
        activity.put("registrationAuthority", get(fields, "Autorité d'enregistrement"));
        activity.put("siteId", site == null ? null : site.id());
        if (site == null) {
            activity.put("unplacedReason", SitePlacement.UnplacedReason.NO_SITE.name());
            activity.put("departmentCode", unsitedDepartment);
        }
        // The natural key of an activity: who, where, and how. A change of any part is a new activity.
        String activityId = String.join("|", nationalId, nullToEmpty(site == null ? null : site.id()),
                professionCode, nullToEmpty(specialtyCode), nullToEmpty(mode), nullToEmpty((String) activity.get("sectorCode")),
                nullToEmpty((String) activity.get("roleCode")), nullToEmpty((String) activity.get("genreCode")),
                nullToEmpty((String) activity.get("pharmacistSectionCode")));
        activity.put("id", activityId);
        // Over the values, not the raw text: a new header edition (extra columns) changes no practitioner.
        Fingerprint fingerprint = new Fingerprint().add(FINGERPRINT_FORMAT).add(practitioner, FINGERPRINTED_PRACTITIONER_KEYS)
                .add(activity, ACTIVITY_KEYS)
                .add(profession.code()).add(profession.label());
        if (specialty != null) {
            fingerprint.add(specialty.label()).add(specialty.typeCode()).add(specialty.typeLabel());
        }
        if (site != null) {
            fingerprint.add(site.properties(), SITE_KEYS);
        } else {
            fingerprint.add(unsitedDepartment);
        }
        return new ActivityLine(line, nationalId, practitioner, profession, specialty, activityId, activity, site,
                fingerprint.value());
    }

    private @Nullable SiteRow site(List<String> fields, @Nullable String communeCode, @Nullable String postalCode) {
        String structureId = get(fields, "Identifiant technique de la structure");
        String siret = get(fields, "Numéro SIRET site");
        String finess = get(fields, "Numéro FINESS site");
        String id = structureId != null ? structureId : siret != null ? "SIRET:" + siret : finess != null ? "FINESS:" + finess : null;
        if (id == null) {
            return null;
        }
        Map<String, Object> p = new HashMap<>(64);
        p.put("siret", siret);
        p.put("siren", get(fields, "Numéro SIREN site"));
        p.put("finess", finess);
        p.put("legalEntityFiness", get(fields, "Numéro FINESS établissement juridique"));
        p.put("structureId", structureId);
        p.put("formerStructureId", get(fields, "Ancien identifiant de la structure"));
        p.put("name", get(fields, "Raison sociale site"));
        p.put("tradeName", get(fields, "Enseigne commerciale site"));
        p.put("recipientComplement", get(fields, "Complément destinataire (coord. structure)"));
        p.put("geographicComplement", get(fields, "Complément point géographique (coord. structure)"));
        String number = get(fields, "Numéro Voie (coord. structure)");
        String repetition = get(fields, "Indice répétition voie (coord. structure)");
        String streetTypeCode = get(fields, "Code type de voie (coord. structure)");
        String streetType = get(fields, "Libellé type de voie (coord. structure)");
        String street = get(fields, "Libellé Voie (coord. structure)");
        p.put("streetNumber", number);
        p.put("streetNumberRepetition", repetition);
        p.put("streetTypeCode", streetTypeCode);
        p.put("streetType", streetType);
        p.put("street", street);
        p.put("distribution", get(fields, "Mention distribution (coord. structure)"));
        String cedexOffice = get(fields, "Bureau cedex (coord. structure)");
        p.put("cedexOffice", cedexOffice);
        p.put("postalCode", postalCode);
        p.put("communeCode", communeCode);
        String communeName = get(fields, "Libellé commune (coord. structure)");
        p.put("communeName", communeName);
        p.put("countryCode", get(fields, "Code pays (coord. structure)"));
        p.put("country", get(fields, "Libellé pays (coord. structure)"));
        p.put("phone", get(fields, "Téléphone (coord. structure)"));
        p.put("phone2", get(fields, "Téléphone 2 (coord. structure)"));
        p.put("fax", get(fields, "Télécopie (coord. structure)"));
        p.put("email", get(fields, "Adresse e-mail (coord. structure)"));
        p.put("sectorCode", get(fields, "Code secteur d'activité"));
        p.put("sector", get(fields, "Libellé secteur d'activité"));
        String publishedDepartment = get(fields, "Code Département (structure)");

        // The commune name, else the town of the cedex office line ("01012 BOURG EN BRESSE CEDEX").
        String town = communeName != null ? communeName : townOfCedexOffice(cedexOffice);
        boolean hasAddress = street != null || postalCode != null || communeCode != null || town != null;
        String streetLine = String.join(" ", nullToEmpty(number), nullToEmpty(repetition),
                streetType != null ? streetType : nullToEmpty(streetTypeCode), nullToEmpty(street));
        String addressKey = hasAddress ? addressKey(streetLine, postalCode, communeCode, town) : null;
        String department = departmentOf(communeCode, postalCode, publishedDepartment);
        return new SiteRow(id, p, communeCode, postalCode, town, hasAddress, addressKey, department);
    }

    /**
     * The key of an address in the geocoding table: folded street line, postal code, commune code (else folded
     * town name), joined by {@code |}, e.g. {@code 554 r rue leopold le hon|01000|01053}.
     */
    static String addressKey(String streetLine, @Nullable String postalCode, @Nullable String communeCode,
                             @Nullable String town) {
        return TextFolding.fold(streetLine) + "|" + nullToEmpty(postalCode) + "|"
                + (communeCode != null ? communeCode : TextFolding.fold(nullToEmpty(town)));
    }

    private static final Pattern ADELI = Pattern.compile("([0-9]{2})[0-9]{7}");

    /**
     * The registering département of a 9-digit ADELI number (département, profession, sequence), where two digits
     * tell it: not Corsica (20: 2A or 2B) nor overseas (97x, 98x), and 01–95 only.
     */
    static @Nullable String departmentOfAdeli(@Nullable String adeli) {
        if (adeli == null) {
            return null;
        }
        Matcher matcher = ADELI.matcher(adeli);
        if (!matcher.matches()) {
            return null;
        }
        String department = matcher.group(1);
        int number = Integer.parseInt(department);
        return number >= 1 && number <= 95 && number != 20 ? department : null;
    }

    /** The département of the commune code, else of the postal code, else the one published. */
    static @Nullable String departmentOf(@Nullable String communeCode, @Nullable String postalCode,
                                         @Nullable String publishedDepartment) {
        return communeCode != null ? departmentOfCommune(communeCode)
                : postalCode != null ? departmentOfPostalCode(postalCode) : publishedDepartment;
    }

    static @Nullable String townOfCedexOffice(@Nullable String office) {
        if (office == null) {
            return null;
        }
        String town = CEDEX.matcher(office.replaceFirst("^[0-9]{5}\\s*", "")).replaceAll("").strip();
        return town.isEmpty() ? null : town;
    }

    static String departmentOfCommune(String communeCode) {
        return communeCode.startsWith("97") || communeCode.startsWith("98") ? communeCode.substring(0, 3)
                : communeCode.substring(0, 2);
    }

    /** Corsica's postal codes start with 20: 200xx and 201xx are Corse-du-Sud, the others Haute-Corse. */
    static String departmentOfPostalCode(String postalCode) {
        if (postalCode.startsWith("20")) {
            return postalCode.charAt(2) <= '1' ? "2A" : "2B";
        }
        return departmentOfCommune(postalCode);
    }

    private @Nullable String get(List<String> fields, String column) {
        Integer index = columns.get(column);
        if (index == null || index >= fields.size()) {
            return null;
        }
        String value = fields.get(index).strip();
        return value.isEmpty() ? null : value;
    }

    private static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

}
