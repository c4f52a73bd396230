package fr.santegraph.practitioner;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.santegraph.common.TextFolding;
import fr.santegraph.ingest.DataFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a synthetic {@code PS_LibreAcces_Personne_activite} extraction in the published 56-column format, for
 * benchmarks: practitioners with 1–3 consecutive lines, professions skewed as in the real directory (nurses and
 * doctors first), sites in real communes of the COG drawn by population, about 15 % of lines without a site,
 * some sites published without commune code or without address. Deterministic for a given seed.
 * <p>
 * A test class, not part of the service: {@code bench/rpps-generator.sh <communes.json[.gz]> <out.txt> <lines>};
 * {@code bench/rpps-generator.sh --next <previous.txt> <out.txt> 0.01} writes a later day's file (see
 * {@link #nextExtraction}).
 */
public final class RppsGenerator {

    static final String HEADER = String.join("|", "Type d'identifiant PP", "Identifiant PP", "Identification nationale PP",
            "Code civilité d'exercice", "Libellé civilité d'exercice", "Code civilité", "Libellé civilité",
            "Nom d'exercice", "Prénom d'exercice", "Code profession", "Libellé profession",
            "Code catégorie professionnelle", "Libellé catégorie professionnelle", "Code type savoir-faire",
            "Libellé type savoir-faire", "Code savoir-faire", "Libellé savoir-faire", "Code mode exercice",
            "Libellé mode exercice", "Numéro SIRET site", "Numéro SIREN site", "Numéro FINESS site",
            "Numéro FINESS établissement juridique", "Identifiant technique de la structure", "Raison sociale site",
            "Enseigne commerciale site", "Complément destinataire (coord. structure)",
            "Complément point géographique (coord. structure)", "Numéro Voie (coord. structure)",
            "Indice répétition voie (coord. structure)", "Code type de voie (coord. structure)",
            "Libellé type de voie (coord. structure)", "Libellé Voie (coord. structure)",
            "Mention distribution (coord. structure)", "Bureau cedex (coord. structure)",
            "Code postal (coord. structure)", "Code commune (coord. structure)", "Libellé commune (coord. structure)",
            "Code pays (coord. structure)", "Libellé pays (coord. structure)", "Téléphone (coord. structure)",
            "Téléphone 2 (coord. structure)", "Télécopie (coord. structure)", "Adresse e-mail (coord. structure)",
            "Code Département (structure)", "Libellé Département (structure)", "Ancien identifiant de la structure",
            "Autorité d'enregistrement", "Code secteur d'activité", "Libellé secteur d'activité",
            "Code section tableau pharmaciens", "Libellé section tableau pharmaciens", "Code rôle", "Libellé rôle",
            "Code genre activité", "Libellé genre activité") + "|";

    /** Code, label, weight (per thousand, roughly the 2024 directory) and share of liberal practice. */
    private record Profession(String code, String label, int weight, double liberal) {
    }

    private static final List<Profession> PROFESSIONS = List.of(
            new Profession("60", "Infirmier", 300, 0.25), new Profession("10", "Médecin", 200, 0.5),
            new Profession("70", "Masseur-Kinésithérapeute", 80, 0.85), new Profession("21", "Pharmacien", 70, 0.4),
            new Profession("93", "Psychologue", 70, 0.3), new Profession("40", "Chirurgien-Dentiste", 40, 0.9),
            new Profession("31", "Assistant dentaire", 35, 0.0), new Profession("50", "Sage-Femme", 25, 0.3),
            new Profession("98", "Manipulateur ERM", 25, 0.0), new Profession("91", "Orthophoniste", 22, 0.8),
            new Profession("28", "Opticien-Lunetier", 20, 0.1), new Profession("71", "Ostéopathe", 20, 0.95),
            new Profession("80", "Pédicure-Podologue", 15, 0.9), new Profession("94", "Ergothérapeute", 14, 0.1),
            new Profession("96", "Psychomotricien", 12, 0.2), new Profession("86", "Technicien de laboratoire médical", 20, 0.0),
            new Profession("95", "Diététicien", 8, 0.4), new Profession("92", "Orthoptiste", 6, 0.5),
            new Profession("26", "Audioprothésiste", 5, 0.1));
    private static final String[] GP_SPECIALTIES = {"SM54|Médecine générale", "SM26|Qualifié en Médecine Générale",
            "SM53|Spécialiste en Médecine Générale", "SM04|Cardiologie et maladies vasculaires", "SM42|Psychiatrie",
            "SM20|Gynécologie-obstétrique", "SM40|Pédiatrie", "SM02|Anesthesie-réanimation", "SM38|Ophtalmologie"};
    private static final String[] LAST_NAMES = {"MARTIN", "BERNARD", "THOMAS", "PETIT", "ROBERT", "RICHARD", "DURAND",
            "DUBOIS", "MOREAU", "LAURENT", "SIMON", "MICHEL", "LEFEBVRE", "LEROY", "ROUX", "DAVID", "BERTRAND", "MOREL",
            "FOURNIER", "GIRARD", "BONNET", "DUPONT", "LAMBERT", "FONTAINE", "ROUSSEAU", "VINCENT", "MULLER", "LEFEVRE"};
    private static final String[] FIRST_NAMES = {"Marie", "Jean", "Camille", "Nicolas", "Julie", "Thomas", "Sophie",
            "Pierre", "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Louis", "Emma", "Paul", "Inès", "Élodie", "Céline"};
    private static final String[] STREETS = {"R|Rue|DE LA REPUBLIQUE", "AV|Avenue|JEAN JAURES", "BD|Boulevard|VICTOR HUGO",
            "R|Rue|PASTEUR", "PL|Place|DE LA MAIRIE", "R|Rue|DU GENERAL DE GAULLE", "CHE|Chemin|DES ECOLES",
            "RTE|Route|NATIONALE", "R|Rue|DES LILAS", "AV|Avenue|DE LA GARE"};

    private record Commune(String code, String name, String postalCode, String department) {
    }

    private RppsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 4 && args[0].equals("--next")) {
            nextExtraction(Path.of(args[1]), Path.of(args[2]), Double.parseDouble(args[3]), 43);
        } else if (args.length == 3) {
            generate(Path.of(args[0]), Path.of(args[1]), Long.parseLong(args[2]), 42);
        } else {
            System.err.println("usage: RppsGenerator <COG communes.json> <output .txt> <activity lines>\n"
                    + "       RppsGenerator --next <previous .txt> <output .txt> <share changed, e.g. 0.01>");
            System.exit(2);
        }
    }

    /** Writes {@code lines} activity lines (plus the header) to {@code out}. */
    public static void generate(Path communesJson, Path out, long lines, long seed) throws IOException {
        List<Commune> communes = new ArrayList<>();
        List<Long> populations = new ArrayList<>();
        readCommunes(communesJson, communes, populations);
        long[] cumulative = new long[communes.size()];
        long total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += Math.max(populations.get(i), 1);
            cumulative[i] = total;
        }
        int[] professionCumulative = new int[PROFESSIONS.size()];
        int weights = 0;
        for (int i = 0; i < PROFESSIONS.size(); i++) {
            weights += PROFESSIONS.get(i).weight();
            professionCumulative[i] = weights;
        }
        SplittableRandom random = new SplittableRandom(seed);
        // A fixed pool of sites (about one per four lines), each in a commune drawn by population.
        int siteCount = (int) Math.max(lines / 4, 10);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(HEADER);
            writer.write('\n');
            long written = 0;
            long practitioner = 0;
            StringBuilder line = new StringBuilder(512);
            while (written < lines) {
                practitioner++;
                Profession profession = PROFESSIONS.get(pick(professionCumulative, random.nextInt(weights)));
                String id = String.format(Locale.ROOT, "%011d", 10_000_000_000L + practitioner);
                String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
                String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
                boolean woman = random.nextInt(100) < 70;
                String specialty = profession.code().equals("10") ? GP_SPECIALTIES[random.nextInt(GP_SPECIALTIES.length)] : null;
                int activities = 1 + (random.nextInt(100) < 30 ? 1 + random.nextInt(2) : 0);
                for (int a = 0; a < activities && written < lines; a++, written++) {
                    line.setLength(0);
                    boolean liberal = random.nextDouble() < profession.liberal();
                    append(line, "8", id, "8" + id, profession.code().equals("10") ? "DR" : "",
                            profession.code().equals("10") ? "Docteur" : "", woman ? "MME" : "M", woman ? "Madame" : "Monsieur",
                            last, first, profession.code(), profession.label(), "C", "Civil");
                    if (specialty != null) {
                        String[] s = specialty.split("\\|");
                        append(line, "S", "Spécialité ordinale", s[0], s[1]);
                    } else {
                        append(line, "", "", "", "");
                    }
                    append(line, liberal ? "L" : "S", liberal ? "Libéral" : "Salarié");
                    if (random.nextInt(100) < 15) {
                        // No fixed practice site: replacements, practitioners between two posts.
                        for (int i = 0; i < 28; i++) {
                            line.append('|');
                        }
                        append(line, "ARS//", "", "", "", "", "", "", "", "");
                    } else {
                        int site = random.nextInt(siteCount);
                        appendSite(line, site, communes.get(pick(cumulative, siteHash(site, total))));
                    }
                    writer.append(line).append('\n');
                }
            }
        }
    }

    /**
     * The extraction a later day would publish, for refresh benchmarks: from {@code previous} (sorted by identifier),
     * about {@code share} of the practitioners left out (to be retired), as many with a changed surname on every line
     * (to be updated), and as many new ones after the last identifier (copies of existing practitioners' lines under
     * new identifiers, so the file stays sorted). Streams; keeps only the lines to copy in memory.
     */
    public static void nextExtraction(Path previous, Path out, double share, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        List<String[]> copies = new ArrayList<>();
        try (var reader = Files.newBufferedReader(previous, StandardCharsets.UTF_8);
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write(reader.readLine());
            writer.write('\n');
            List<String[]> group = new ArrayList<>();
            String line;
            while (true) {
                line = reader.readLine();
                String[] fields = line == null ? null : line.split("\\|", -1);
                if (!group.isEmpty() && (fields == null || !fields[2].equals(group.get(0)[2]))) {
                    double draw = random.nextDouble();
                    if (draw >= share) { // else left out: no longer published
                        boolean renamed = draw < 2 * share;
                        for (String[] member : group) {
                            if (renamed) {
                                member[7] = member[7] + "-NOUVEAU";
                            }
                            writer.write(String.join("|", member));
                            writer.write('\n');
                        }
                    }
                    if (random.nextDouble() < share) {
                        copies.addAll(group);
                    }
                    group.clear();
                }
                if (fields == null) {
                    break;
                }
                group.add(fields);
            }
            // New identifiers: a leading 9 sorts them after every published one, in the same order.
            for (String[] copy : copies) {
                copy[1] = "9" + copy[1];
                copy[2] = copy[0] + copy[1];
                writer.write(String.join("|", copy));
                writer.write('\n');
            }
        }
    }

    /** The same site always lands in the same commune: a deterministic draw from its number. */
    private static long siteHash(int site, long bound) {
        long x = site * 0x9E3779B97F4A7C15L;
        x ^= x >>> 31;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 29;
        return Math.floorMod(x, bound);
    }

    private static void appendSite(StringBuilder line, int site, Commune commune) {
        String siret = String.format(Locale.ROOT, "%014d", 30_000_000_000_000L + site);
        String[] street = STREETS[site % STREETS.length].split("\\|");
        int kind = site % 100;
        boolean noAddress = kind == 0;            // 1 %: structure published without any address
        boolean noCommuneCode = kind == 1 || kind == 2; // 2 %: postal code and town only
        append(line, siret, siret.substring(0, 9), "", "", "C" + siret, "CABINET " + site, "", "", "");
        if (noAddress) {
            append(line, "", "", "", "", "", "", "", "", "", "");
        } else {
            append(line, String.valueOf(1 + site % 150), "", street[0], street[1], street[2], "",
                    noCommuneCode ? commune.postalCode() + " " + TextFolding.fold(commune.name()).toUpperCase(Locale.ROOT) : "",
                    commune.postalCode(), noCommuneCode ? "" : commune.code(), noCommuneCode ? "" : commune.name());
        }
        append(line, "", "", "04" + String.format(Locale.ROOT, "%08d", site % 100_000_000), "", "", "",
                noAddress ? "" : commune.department(), "", "3" + siret, "ARS/CPAM/CPAM", "SA07", "Cabinet individuel",
                "", "", "", "", "", "");
    }

    private static void append(StringBuilder line, String... fields) {
        for (String field : fields) {
            line.append(field).append('|');
        }
    }

    private static int pick(int[] cumulative, int draw) {
        int i = Arrays.binarySearch(cumulative, draw + 1);
        return i >= 0 ? i : -i - 1;
    }

    private static int pick(long[] cumulative, long draw) {
        int i = Arrays.binarySearch(cumulative, draw + 1);
        return i >= 0 ? i : -i - 1;
    }

    /** Current communes, with the arrondissements of Paris, Lyon and Marseille in place of those three. */
    private static void readCommunes(Path file, List<Commune> communes, List<Long> populations) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        // DataFile: the COG file as published or gzipped as the repository bundles it.
        try (InputStream in = DataFile.of(file).open(); JsonParser parser = mapper.createParser(in)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode c = parser.readValueAsTree();
                String type = c.path("type").asText();
                String code = c.path("code").asText();
                boolean plm = code.equals("75056") || code.equals("69123") || code.equals("13055");
                if ((type.equals("commune-actuelle") && !plm) || type.equals("arrondissement-municipal")) {
                    JsonNode postal = c.path("codesPostaux");
                    if (postal.isArray() && !postal.isEmpty()) {
                        communes.add(new Commune(code, c.path("nom").asText(), postal.get(0).asText(),
                                c.path("departement").asText()));
                        populations.add(c.path("population").asLong(1));
                    }
                }
            }
        }
    }
}
