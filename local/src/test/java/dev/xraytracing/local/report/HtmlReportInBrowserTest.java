package dev.xraytracing.local.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report in a real headless browser (Debian's chromium, which .ci/run installs): its script runs without
 * network and renders every row and the map. Skips, saying so, only where no Chromium is installed.
 */
class HtmlReportInBrowserTest {
    @TempDir
    Path dir;

    @Test
    void the_page_renders_offline_in_headless_chromium() throws Exception {
        String chromium = chromium();
        assumeTrue(chromium != null, "Chromium is not installed (apt-get install chromium): browser check skipped");
        TraceReport report = TraceReport.of(SampleRun.documents());
        Path html = report.writeHtml(dir.resolve("report.html"), "sample run");
        int rows = report.traces().stream().mapToInt(t -> t.entities().size()).sum();

        Process browser = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + dir.resolve("profile"),
                "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=2000", "--dump-dom",
                html.toUri().toString())
                .redirectError(dir.resolve("chromium.log").toFile())
                .start();
        String dom = new String(browser.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(browser.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(dom).as(Files.readString(dir.resolve("chromium.log")))
                .contains("data-rendered=\"" + rows + "\"")
                .contains("<svg").contains("MySecondLambda").contains("CallSecondLambda");
    }

    static String chromium() {
        List<String> names = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> names.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }
}
