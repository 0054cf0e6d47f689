package dev.xraytracing.local.template;

import dev.xraytracing.local.app.LocalRunException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A function's code as Lambda gets it: a zip or jar is unpacked into a fresh folder, as Lambda unpacks it into
 * {@code /var/task} (so its classes sit at the root and its jars under {@code lib/}); a folder (what {@code sam build}
 * leaves) is used as it is.
 */
public final class DeploymentPackage {
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
