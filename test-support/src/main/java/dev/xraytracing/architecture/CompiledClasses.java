package dev.xraytracing.architecture;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The classes a module compiled (its {@code target/classes}), each with the classes of ours it refers to, read from
 * the constant pool of its class file: class references and every descriptor or signature that names a type.
 */
public final class CompiledClasses {
    private static final Pattern OURS = Pattern.compile("dev/xraytracing/[A-Za-z0-9_/$]+");

    /** Class name (binary, dotted) to the names of our classes it refers to. */
    public final Map<String, Set<String>> references = new TreeMap<>();

    private CompiledClasses() {
    }

    /** The main classes of the module that compiled {@code anyClassOfIt}. */
    public static CompiledClasses ofModuleOf(Class<?> anyClassOfIt) {
        try {
            Path location = Paths.get(anyClassOfIt.getProtectionDomain().getCodeSource().getLocation().toURI());
            CompiledClasses classes = new CompiledClasses();
            if (Files.isDirectory(location)) {
                classes.readAll(location);
            } else {
                try (FileSystem jar = FileSystems.newFileSystem(location, (ClassLoader) null)) {
                    classes.readAll(jar.getPath("/"));
                }
            }
            return classes;
        } catch (IOException | URISyntaxException failure) {
            throw new IllegalStateException("cannot read the compiled classes of " + anyClassOfIt, failure);
        }
    }

    private void readAll(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(file -> file.toString().endsWith(".class") && !file.toString().endsWith("module-info.class")
                    && !file.startsWith(root.resolve("META-INF"))).forEach(file -> read(root, file));
        }
    }

    private void read(Path root, Path file) {
        String relative = root.relativize(file).toString().replace('\\', '/');
        String name = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
        Set<String> referred = new TreeSet<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (String text : utf8Constants(new DataInputStream(in))) {
                Matcher matcher = OURS.matcher(text);
                while (matcher.find()) {
                    referred.add(matcher.group().replace('/', '.'));
                }
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        referred.remove(name);
        references.put(name, referred);
    }

    /** The UTF-8 entries of a class file's constant pool (JVMS 4.4). */
    private static Set<String> utf8Constants(DataInputStream in) throws IOException {
        Set<String> texts = new TreeSet<>();
        in.readInt(); // magic
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        for (int index = 1; index < count; index++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
                case 5, 6 -> {
                    in.skipBytes(8);
                    index++; // takes two slots
                }
                case 7, 8, 16, 19, 20 -> in.skipBytes(2);
                case 15 -> in.skipBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return texts;
    }

    public static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }
}
