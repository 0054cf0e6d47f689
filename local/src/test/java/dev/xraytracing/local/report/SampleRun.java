package dev.xraytracing.local.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The documents of a recorded local run (runtime interface client): three requests through MyFirstLambda to
 * MySecondLambda, the third with the function-error fault on MySecondLambda.
 */
final class SampleRun {
    private SampleRun() {
    }

    static List<String> documents() {
        try (InputStream in = SampleRun.class.getResourceAsStream("sample-run.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
