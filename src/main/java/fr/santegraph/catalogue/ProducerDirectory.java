package fr.santegraph.catalogue;

import static fr.santegraph.catalogue.Props.blankToNull;

import fr.santegraph.ingest.ImportFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.ClassPathResource;
import org.springframework.lang.Nullable;

/**
 * Producer reconciliation: every published spelling of a producer ("CNAMTS", "ASSURANCE MALADIE",
 * "CAISSE NATIONALE DE L'ASSURANCE MALADIE DES TRAVAILLEURS SALARIES (CNAMTS)") is looked up in the alias file
 * ({@code import/catalogue/producers.csv}: code, name, acronym, aliases…) by folded name, acronym, or the
 * acronym in final parentheses. A name the file does not know becomes a producer of its own, keyed on the slug
 * of its acronym (or name), so its other spellings with the same acronym still meet; every spelling met is
 * kept as an alias of the node.
 */
public final class ProducerDirectory {

    public static final String BUNDLED_FILE = "bundled/catalogue/producers.csv";
    private static final Pattern TRAILING_ACRONYM = Pattern.compile("^(.*?)\\s*\\(([^()]{2,40})\\)\\s*$");

    /** A producer and the spellings met for it. {@code known} when the alias file describes it. */
    public record Entry(String code, String name, @Nullable String acronym, ProducerKind kind,
                        @Nullable String homePage, @Nullable String description, Set<String> aliases, boolean known) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final AliasIndex index = new AliasIndex();
    private final Map<String, String> acronymNames = new LinkedHashMap<>();

    /** The alias file shipped in the jar. */
    public static ProducerDirectory bundled() {
        try (InputStream in = new ClassPathResource(BUNDLED_FILE).getInputStream()) {
            Path copy = Files.createTempFile("santegraph-producers", ".csv");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                return load(copy);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + BUNDLED_FILE, e);
        }
    }

    /** The bundled alias file, or the user's own when an import is given {@code --producers <file>}. */
    public static ProducerDirectory bundledOr(Optional<Path> userFile) {
        return userFile.map(ProducerDirectory::load).orElseGet(ProducerDirectory::bundled);
    }

    public static ProducerDirectory load(Path file) {
        var directory = new ProducerDirectory();
        for (CatalogueFiles.Row row : CatalogueFiles.readAll(file, StandardCharsets.UTF_8, ',', 1,
                Set.of("code", "name", "acronym", "kind", "aliases"))) {
            String code = row.get("code");
            if (code.isEmpty() || row.get("name").isEmpty()) {
                throw new ImportFailedException(row.file() + ":" + row.line() + ": a producer needs a code and a name");
            }
            ProducerKind kind;
            try {
                kind = row.get("kind").isEmpty() ? ProducerKind.guess(row.get("name")) : ProducerKind.valueOf(row.get("kind"));
            } catch (IllegalArgumentException e) {
                throw new ImportFailedException(row.file() + ":" + row.line() + ": unknown kind '" + row.get("kind") + "'");
            }
            Set<String> aliases = new LinkedHashSet<>(CatalogueFiles.list(row.get("aliases")));
            String acronym = blankToNull(row.get("acronym"));
            directory.put(new Entry(code, row.get("name"), acronym, kind, blankToNull(row.get("homePage")),
                    blankToNull(row.get("description")), aliases, true));
        }
        return directory;
    }

    private void put(Entry entry) {
        entries.put(entry.code(), entry);
        index.add(entry.code(), entry.code());
        index.add(entry.name(), entry.code());
        if (entry.acronym() != null) {
            index.add(entry.acronym(), entry.code());
        }
        entry.aliases().forEach(alias -> index.add(alias, entry.code()));
    }

    /** Full names of acronyms (Etalab's companion sheet), used to name producers the alias file does not know. */
    public void addAcronymNames(Map<String, String> names) {
        names.forEach((acronym, name) -> {
            acronymNames.putIfAbsent(acronym.strip(), name.strip());
            index.find(acronym).ifPresent(code -> index.add(name, code));
        });
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public Optional<Entry> known(String code) {
        return Optional.ofNullable(entries.get(code)).filter(Entry::known);
    }

    /** The producer behind one published name, created when unknown; the spelling is kept as an alias. */
    public Entry resolve(String published) {
        String name = published.strip().replaceAll("\\s+", " ");
        Optional<String> code = lookup(name);
        if (code.isEmpty()) {
            code = Optional.of(create(name));
        }
        Entry entry = Objects.requireNonNull(entries.get(code.get()), "a code found or created has its entry");
        if (!name.equalsIgnoreCase(entry.name()) && !name.equalsIgnoreCase(entry.acronym())) {
            entry.aliases().add(name);
        }
        return entry;
    }

    /**
     * The producers behind a cell that may list several ("DREES / INSERM", "CHU de Nancy, INSERM et InVS"):
     * split only when the whole cell is unknown and one of its parts is a known producer, so that a single
     * name containing "et" or a comma ("Ministère de l'écologie, du développement durable et de l'énergie")
     * stays one producer.
     */
    public List<Entry> resolveAll(String published) {
        String cell = published.strip();
        if (cell.isEmpty()) {
            return List.of();
        }
        if (index.find(cell).isPresent()) {
            return List.of(resolve(cell));
        }
        // Before the acronym rule: "A (X), B (Y)" ends with "(Y)" but names two producers.
        List<String> parts = splitOutsideParentheses(cell);
        if (parts.size() > 1 && parts.stream().anyMatch(part -> lookup(part).isPresent())) {
            return parts.stream().filter(part -> part.length() > 1).map(this::resolve).distinct().toList();
        }
        return List.of(resolve(cell));
    }

    private Optional<String> lookup(String name) {
        Optional<String> code = index.find(name);
        if (code.isPresent()) {
            return code;
        }
        Matcher m = TRAILING_ACRONYM.matcher(name);
        if (m.matches()) {
            return index.find(m.group(2)).or(() -> index.find(m.group(1)));
        }
        return Optional.empty();
    }

    private String create(String name) {
        Matcher m = TRAILING_ACRONYM.matcher(name);
        String acronym = m.matches() ? m.group(2).strip() : (looksLikeAcronym(name) ? name : null);
        String fullName = m.matches() ? m.group(1).strip() : acronymNames.getOrDefault(name, name);
        String code = Slugs.of(acronym != null ? acronym : fullName);
        if (entries.containsKey(code)) {
            index.add(name, code);
            return code;
        }
        var entry = new Entry(code, fullName, acronym, ProducerKind.guess(fullName), null, null,
                new LinkedHashSet<>(), false);
        put(entry);
        index.add(name, code);
        return code;
    }

    private static boolean looksLikeAcronym(String name) {
        return name.length() <= 12 && !name.contains(" ") && name.equals(name.toUpperCase());
    }

    static List<String> splitOutsideParentheses(String cell) {
        // One pass, looking only at the characters just read: a pattern matched against the whole part after
        // every character was quadratic, and most of the DREES index's load time.
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth != 0) {
                continue;
            }
            int separator = separatorLength(cell, start, i);
            if (separator > 0) {
                addPart(parts, cell.substring(start, i + 1 - separator));
                start = i + 1;
            }
        }
        addPart(parts, cell.substring(start));
        return parts;
    }

    /**
     * How many characters of a list separator end at {@code end} within the part begun at {@code start}: a comma, a
     * slash, " - " or " et " (the whitespace before a separator is stripped with the part).
     */
    private static int separatorLength(String cell, int start, int end) {
        char c = cell.charAt(end);
        if (c == ',' || c == '/') {
            return 1;
        }
        if (!isSpace(c)) {
            return 0;
        }
        if (end - start >= 2 && cell.charAt(end - 1) == '-' && isSpace(cell.charAt(end - 2))) {
            return 3;
        }
        if (end - start >= 3 && cell.charAt(end - 1) == 't' && cell.charAt(end - 2) == 'e'
                && isSpace(cell.charAt(end - 3))) {
            return 4;
        }
        return 0;
    }

    /** What {@code \s} matches in a Java pattern: the separators are spelt with ASCII whitespace. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static void addPart(List<String> parts, String part) {
        String stripped = part.strip();
        if (!stripped.isEmpty()) {
            parts.add(stripped);
        }
    }

}
