package dev.xraytracing.local.internal.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * Finds the runtime interface client's JNI library for this machine. The client ships it for Linux only, and by
 * default every JVM unpacks it to the same /tmp file, which races when several functions start at once; so the
 * platform unpacks it once and hands each JVM its path through the client's own system property.
 */
public final class NativeLibrary {
    public static final String PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    private static Path unpacked;
    private static String unavailableReason;

    private NativeLibrary() {
    }

    /** The unpacked library, or null when this machine has none (see {@link #unavailableReason()}). */
    public static synchronized Path path() {
        if (unpacked == null && unavailableReason == null) {
            locate();
        }
        return unpacked;
    }

    public static synchronized String unavailableReason() {
        path();
        return unavailableReason;
    }

    private static void locate() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = switch (arch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch_64";
            default -> null;
        };
        if (!os.contains("linux") || cpu == null) {
            unavailableReason = "the runtime interface client ships its native library for Linux x86_64/aarch64 only, "
                    + "this is " + System.getProperty("os.name") + " " + arch;
            return;
        }
        boolean musl = Files.exists(Path.of("/lib/ld-musl-" + (cpu.equals("x86_64") ? "x86_64" : "aarch64") + ".so.1"));
        String resource = "jni/libaws-lambda-jni.linux" + (musl ? "_musl" : "") + "-" + cpu + ".so";
        try {
            ClassLoader loader = Class.forName(RIC_MAIN).getClassLoader();
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    unavailableReason = "the runtime interface client jar has no " + resource;
                    return;
                }
                Path dir = Files.createTempDirectory("xray-tracing-local-jni");
                Path file = dir.resolve("libaws-lambda-jni.so");
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                file.toFile().deleteOnExit();
                dir.toFile().deleteOnExit();
                unpacked = file;
            }
        } catch (ClassNotFoundException e) {
            unavailableReason = "the runtime interface client is not on the classpath";
        } catch (IOException e) {
            unavailableReason = "cannot unpack the runtime interface client's native library: " + e.getMessage();
        }
    }
}
