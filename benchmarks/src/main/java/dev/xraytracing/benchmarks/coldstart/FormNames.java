package dev.xraytracing.benchmarks.coldstart;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The short names {@code --forms} takes, and the choice it makes: fewer forms make a round shorter, so the runs
 * compared with the untraced baseline sit closer in time. The baseline itself can never be left out.
 */
final class FormNames {
    static final String UNTRACED = "untraced";
    /** Every form by its short name, in the order the runner builds them. */
    static final List<String> KNOWN = List.of("traced", UNTRACED, "xray", "faults", "otel", "adot");
    /** The forms that need {@code --from-zip} (they are zips with jars added). */
    static final List<String> ZIP_ONLY = List.of("faults", "otel", "adot");

    private final Set<String> chosen;
    /** Whether {@code --forms} named them: then each must run; without it, a form whose jars are missing is left out. */
    private final boolean named;

    private FormNames(Set<String> chosen, boolean named) {
        this.chosen = chosen;
        this.named = named;
    }

    /** All forms, as without {@code --forms}. */
    static FormNames all() {
        return new FormNames(new LinkedHashSet<>(KNOWN), false);
    }

    /** The comma-separated list of {@code --forms}; refuses an unknown name and a list without the baseline. */
    static FormNames parse(String list) {
        Set<String> chosen = new LinkedHashSet<>();
        for (String name : list.split(",")) {
            String trimmed = name.trim();
            if (!KNOWN.contains(trimmed)) {
                throw new IllegalArgumentException("unknown form '" + trimmed + "' in --forms (known: "
                        + String.join(",", KNOWN) + ")");
            }
            chosen.add(trimmed);
        }
        if (!chosen.contains(UNTRACED)) {
            throw new IllegalArgumentException("--forms must include untraced, the baseline every form is compared "
                    + "with (known: " + String.join(",", KNOWN) + ")");
        }
        return new FormNames(chosen, true);
    }

    boolean includes(String name) {
        return chosen.contains(name);
    }

    /** Fails when a named form needs {@code --from-zip} and the run is from classpaths. */
    void requireZipsFor(boolean fromZip) {
        for (String name : ZIP_ONLY) {
            if (named && !fromZip && chosen.contains(name)) {
                throw new IllegalArgumentException("form '" + name + "' runs only with --from-zip");
            }
        }
    }

    /** Fails when a named form could not be built (its jars are missing). */
    void requireBuilt(List<String> built) {
        for (String name : chosen) {
            if (named && !built.contains(name)) {
                throw new IllegalStateException("form '" + name + "' has no code: its jars under "
                        + "benchmarks/target/coldstart are missing (mvn -B -q -pl benchmarks -am package -DskipTests)");
            }
        }
    }
}
