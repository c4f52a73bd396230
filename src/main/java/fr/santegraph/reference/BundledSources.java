package fr.santegraph.reference;

import fr.santegraph.ingest.StagedFolder;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The reference data shipped in the jar ({@code import/} in the repository, {@code bundled/} on the class path):
 * the sources listed in {@code bundle.tsv}, in loading order, each with its edition and the files of its folder.
 */
public final class BundledSources {

    /** Where the jar holds them; tests point elsewhere to play a later edition. */
    public static final String DEFAULT_LOCATION = "bundled/";

    /**
     * One line of {@code bundle.tsv}. {@code folder} is relative to the bundle, or to the class path root when it
     * starts with {@code /} (a test bundle reusing the jar's catalogue).
     */
    public record Source(String name, String folder, String edition, String description) {
    }

    private final String root;

    /** {@code root}: a class path folder ending in {@code /} that holds {@code bundle.tsv} and the source folders. */
    public BundledSources(String root) {
        this.root = root.endsWith("/") ? root : root + "/";
    }

    /** Every bundled source, in the order they are loaded (a source may need those before it). */
    public List<Source> all() {
        ClassPathResource manifest = new ClassPathResource(root + "bundle.tsv");
        try {
            return manifest.getContentAsString(StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> {
                        String[] fields = line.split("\t", -1);
                        if (fields.length < 4) {
                            throw new IllegalStateException(root + "bundle.tsv: expected source, folder, edition, "
                                    + "description in «" + line + "»");
                        }
                        return new Source(fields[0], fields[1], fields[2], fields[3]);
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the jar has no " + root + "bundle.tsv (run bash import/pack.sh)", e);
        }
    }

    /** The data files of a source's folder (not its README or licence), by name. */
    List<Resource> files(Source source) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + folder(source) + "/*");
            return Arrays.stream(found)
                    .filter(resource -> resource.getFilename() != null && resource.isReadable() && isData(resource.getFilename()))
                    .sorted(Comparator.comparing(Resource::getFilename))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the bundled " + source.folder(), e);
        }
    }

    private String folder(Source source) {
        return source.folder().startsWith("/") ? source.folder().substring(1) : root + source.folder();
    }

    private static boolean isData(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return !lower.startsWith("readme") && !lower.startsWith("license") && !lower.startsWith("licence");
    }

    /** SHA-256 over the names and bytes of a source's files: what a later start compares to know it changed. */
    public String checksum(Source source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Resource file : files(source)) {
                digest.update(file.getFilename().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                try (InputStream in = new DigestInputStream(file.getInputStream(), digest)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + source.folder(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The source's files in a temporary folder, decompressed, as its importer reads them. */
    public StagedFolder stage(Source source) {
        StagedFolder folder = StagedFolder.create(source.name());
        try {
            List<Resource> files = files(source);
            if (files.isEmpty()) {
                throw new IllegalStateException("the jar holds no file of the bundled source " + source.name()
                        + " (" + folder(source) + "/)");
            }
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    folder.add(file.getFilename(), in);
                }
            }
            return folder;
        } catch (IOException | RuntimeException e) {
            folder.close();
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot unpack the bundled " + source.name(), io);
            }
            throw (RuntimeException) e;
        }
    }
}
