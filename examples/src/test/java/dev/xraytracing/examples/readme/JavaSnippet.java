package dev.xraytracing.examples.readme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code ```java} block of a Markdown file, and the Java source that compiles it as written. A block that declares
 * a type is a compilation unit; any other block is statements, compiled in a method of a class. What the text around
 * the block has already introduced (a client, a request) is given in an HTML comment right above it, invisible on the
 * page: {@code <!-- compiled with: ... -->}, one member declaration per line, and {@code wrap: class X ...} to compile
 * the block as members of that class instead. The snippet's own imports are the only ones: nothing is added.
 */
record JavaSnippet(String file, int line, int ordinal, List<String> imports, List<String> body,
        List<String> givenImports, List<String> givenMembers, String wrap) {
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("^(public |final |abstract |sealed )*(class|interface|record|enum) \\w+.*");
    private static final Pattern PUBLIC_TYPE =
            Pattern.compile("^public (final |abstract )*(class|interface|record|enum) (\\w+).*");

    /** Every {@code ```java} block of {@code markdown}, in order, with the context comment above it. */
    static List<JavaSnippet> in(String file, String markdown) {
        List<String> lines = markdown.lines().toList();
        List<JavaSnippet> snippets = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).strip().equals("```java")) {
                continue;
            }
            int indent = lines.get(i).indexOf('`');
            int start = i;
            List<String> imports = new ArrayList<>();
            List<String> body = new ArrayList<>();
            for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                String line = lines.get(i).length() >= indent ? lines.get(i).substring(indent) : lines.get(i).strip();
                (line.startsWith("import ") ? imports : body).add(line);
            }
            List<String> givenImports = new ArrayList<>();
            List<String> given = new ArrayList<>();
            String wrap = null;
            for (String line : contextAbove(lines, start)) {
                if (line.startsWith("wrap: ")) {
                    wrap = line.substring("wrap: ".length());
                } else {
                    (line.startsWith("import ") ? givenImports : given).add(line);
                }
            }
            snippets.add(new JavaSnippet(file, start + 1, snippets.size() + 1, imports, body, givenImports, given,
                    wrap));
        }
        return snippets;
    }

    /** The lines of a {@code <!-- compiled with: ... -->} comment ending right above line {@code fence}. */
    private static List<String> contextAbove(List<String> lines, int fence) {
        int end = fence - 1;
        if (end < 0 || !lines.get(end).strip().equals("-->")) {
            return List.of();
        }
        int begin = end - 1;
        while (begin >= 0 && !lines.get(begin).strip().equals("<!-- compiled with:")) {
            begin--;
        }
        return begin < 0 ? List.of() : lines.subList(begin + 1, end).stream().map(String::strip).toList();
    }

    boolean declaresAType() {
        return body.stream().anyMatch(line -> TYPE_DECLARATION.matcher(line).matches());
    }

    /** The package the snippet compiles in, one per snippet, so that two snippets may declare the same class. */
    String packageName() {
        return "snippets." + file.replaceAll("\\W", "_").toLowerCase() + ".n" + ordinal;
    }

    /** The file name javac wants: the public type's, else any. */
    String fileName() {
        return body.stream().map(PUBLIC_TYPE::matcher).filter(java.util.regex.Matcher::matches).findFirst()
                .map(m -> m.group(3)).orElse("Snippet") + ".java";
    }

    /** The source that compiles the snippet as written: its imports, then its body, wrapped where it is no type. */
    String source() {
        StringBuilder out = new StringBuilder("package ").append(packageName()).append(";\n");
        imports.forEach(line -> out.append(line).append('\n'));
        givenImports.forEach(line -> out.append(line).append('\n'));
        if (declaresAType()) {
            body.forEach(line -> out.append(line).append('\n'));
            return out.toString();
        }
        out.append(wrap != null ? wrap : "class Snippet").append(" {\n");
        givenMembers.forEach(line -> out.append(line).append('\n'));
        if (wrap == null) {
            out.append("void snippet() throws Throwable {\n");
        }
        body.forEach(line -> out.append(line).append('\n'));
        out.append(wrap == null ? "}\n}\n" : "}\n");
        return out.toString();
    }

    /** The snippet's line in its file for a line of {@link #source()}: the fence's line where it is no body line. */
    int markdownLine(long sourceLine) {
        if (sourceLine >= 2 && sourceLine < 2 + imports.size()) {
            return line + (int) sourceLine - 1;
        }
        int firstBody = 2 + imports.size() + givenImports.size() + (declaresAType() ? 0 : 1 + givenMembers.size() + (wrap == null ? 1 : 0));
        long index = sourceLine - firstBody;
        return index >= 0 && index < body.size() ? line + 1 + imports.size() + (int) index : line;
    }

    @Override
    public String toString() {
        return file + " line " + line;
    }
}
