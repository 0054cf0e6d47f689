package dev.xraytracing.local.template;

import dev.xraytracing.local.app.LocalRunException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's code as Lambda gets it: a zip or jar is unpacked into a fresh folder, as Lambda unpacks it into
 * {@code /var/task} (so its classes sit at the root and its jars under {@code lib/}); a folder (what {@code sam build}
 * leaves) is used as it is.
 */
public final class DeploymentPackage {
    /** How many neighbours of a missing package its line names. */
    private static final int MAX_SHOWN = 5;

    private DeploymentPackage() {
    }

    /** The task root for this CodeUri, or empty when nothing is there yet (not built). */
    public static Optional<Path> taskRoot(Path codeUri) {
        if (Files.isDirectory(codeUri)) {
            return Optional.of(codeUri);
        }
        if (!Files.isRegularFile(codeUri)) {
            return Optional.empty();
        }
        try {
            Path root = Files.createTempDirectory("lambda-task-");
            root.toFile().deleteOnExit();
            unzip(codeUri, root);
            return Optional.of(root);
        } catch (IOException e) {
            throw new LocalRunException("cannot unpack " + codeUri + ": " + e.getMessage());
        }
    }

    /**
     * What stands where {@code codeUri} is missing, for the line that says it is not built: the file name the template
     * names and the zips, jars and folders beside it, newest first ("the template names app.zip, target holds
     * app-1.1.zip, classes/"), so that a package built under another name is seen at once.
     */
    static String besideMissing(Path codeUri) {
        Path folder = codeUri.toAbsolutePath().getParent();
        String named = "the template names " + codeUri.getFileName();
        if (folder == null || !Files.isDirectory(folder)) {
            return named + ", and its folder " + folder + " does not exist";
        }
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(folder)) {
            candidates = entries.filter(DeploymentPackage::couldBeAPackage)
                    .sorted(Comparator.comparing(DeploymentPackage::modified).reversed()
                            .thenComparing(Path::getFileName))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            return named + ", and its folder " + folder + " cannot be listed (" + e.getMessage() + ")";
        }
        if (candidates.isEmpty()) {
            return named + ", and " + folder + " holds no zip, jar or folder";
        }
        List<String> shown = candidates.stream().limit(MAX_SHOWN)
                .map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).collect(Collectors.toList());
        if (candidates.size() > MAX_SHOWN) {
            shown.add((candidates.size() - MAX_SHOWN) + " more");
        }
        return named + ", " + folder + " holds " + String.join(", ", shown);
    }

    private static boolean couldBeAPackage(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isDirectory(path) || name.endsWith(".zip") || name.endsWith(".jar");
    }

    private static FileTime modified(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void unzip(Path archive, Path root) throws IOException {
        try (InputStream file = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(file)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path target = root.resolve(entry.getName()).normalize();
                if (!target.startsWith(root)) {
                    throw new IOException("entry " + entry.getName() + " points outside the package");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
                target.toFile().deleteOnExit();
            }
        }
    }
}
