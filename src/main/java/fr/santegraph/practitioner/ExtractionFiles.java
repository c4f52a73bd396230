package fr.santegraph.practitioner;

import fr.santegraph.ingest.DataFile;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * The three files of an RPPS extraction. The ANS serves them as one zip ({@code PS_LibreAcces_<stamp>.zip} holding
 * {@code PS_LibreAcces_Personne_activite_<stamp>.txt}, {@code …_Dipl_AutExerc_…} and {@code …_SavoirFaire_…}): each is
 * read from it in place. A text or gzipped activity file may come with its companions given one by one.
 *
 * @param savoirFaire null when not given (nor in the zip)
 * @param diplomas    null when not given (nor in the zip)
 */
record ExtractionFiles(DataFile activities, @Nullable DataFile savoirFaire, @Nullable DataFile diplomas) {

    private static final Pattern STAMP = Pattern.compile("_(\\d{8,14})\\.(txt|csv)$");
    static final Predicate<String> ACTIVITIES = name -> name.contains("Personne_activite");
    static final Predicate<String> SAVOIR_FAIRE = name -> name.contains("SavoirFaire");
    static final Predicate<String> DIPLOMAS = name -> name.contains("Dipl_AutExerc");

    /** From {@code --file} (a zip, a text or a gzipped activity file) and the companions given beside it. */
    static ExtractionFiles resolve(Path file, @Nullable Path savoirFaire, @Nullable Path diplomas) {
        List<DataFile> contents = DataFile.find(file, name -> true);
        boolean zip = contents.stream().anyMatch(data -> data.entry() != null);
        if (!zip) {
            // A lone text or gzipped file is the activity file whatever its name.
            return new ExtractionFiles(contents.get(0), optional(savoirFaire), optional(diplomas));
        }
        DataFile activities = DataFile.of(file, ACTIVITIES, "a PS_LibreAcces_Personne_activite file");
        return new ExtractionFiles(activities,
                savoirFaire != null ? DataFile.of(savoirFaire) : inZip(contents, SAVOIR_FAIRE),
                diplomas != null ? DataFile.of(diplomas) : inZip(contents, DIPLOMAS));
    }

    private static @Nullable DataFile optional(@Nullable Path file) {
        return file == null ? null : DataFile.of(file);
    }

    private static @Nullable DataFile inZip(List<DataFile> contents, Predicate<String> wanted) {
        return contents.stream().filter(data -> wanted.test(data.name())).findFirst().orElse(null);
    }

    /** The extraction stamp in the activity file's name ({@code _202112141014.txt}), else null. */
    @Nullable String stamp() {
        Matcher matcher = STAMP.matcher(activities.name());
        return matcher.find() ? matcher.group(1) : null;
    }
}
