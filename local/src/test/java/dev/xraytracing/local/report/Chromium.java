package dev.xraytracing.local.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Headless Debian Chromium driven over the DevTools protocol with the JDK's own HTTP and WebSocket clients: no
 * driver, no extra dependency. One page; commands are sent and answered by id.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** The installed browser's path, or null where none is installed. */
    static String find() {
        List<String> names = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> names.stream().map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }

    /**
     * Writes the console of {@code documents} to {@code dir}/console.html and opens it; skips the calling test, saying
     * so, where no Chromium is installed.
     */
    static Chromium openConsole(Path dir, List<String> documents, int width, int height) throws Exception {
        String executable = find();
        org.junit.jupiter.api.Assumptions.assumeTrue(executable != null,
                "Chromium is not installed (apt-get install chromium): browser test skipped");
        Path html = TraceReport.of(documents).writeHtml(dir.resolve("console.html"), "xray-tracing local run");
        return open(executable, dir.resolve("profile"), html.toUri().toString(), width, height);
    }

    /** Starts the browser on {@code url} with a fresh profile in {@code profile}, at {@code width}x{@code height}. */
    static Chromium open(String executable, Path profile, String url, int width, int height) throws Exception {
        Process process = new ProcessBuilder(executable, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-port=0",
                "--remote-debugging-address=127.0.0.1", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "about:blank")
                .redirectErrorStream(true).start();
        String browserUrl = null;
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            StringBuilder seen = new StringBuilder();
            for (String line; browserUrl == null && (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    browserUrl = m.group(1);
                }
            }
            if (browserUrl == null) {
                throw new IllegalStateException("Chromium did not open its DevTools port:\n" + seen);
            }
            Thread drain = new Thread(() -> {
                try {
                    out.transferTo(java.io.Writer.nullWriter());
                } catch (IOException e) {
                    // the browser is gone
                }
            });
            drain.setDaemon(true);
            drain.start();
            URI devtools = URI.create(browserUrl);
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + devtools.getPort() + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body());
            String pageUrl = null;
            for (JsonNode target : targets) {
                if ("page".equals(target.path("type").asText())) {
                    pageUrl = target.path("webSocketDebuggerUrl").asText();
                }
            }
            Chromium[] self = new Chromium[1];
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new WebSocket.Listener() {
                private final StringBuilder message = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        self[0].received(message.toString());
                        message.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                }
            }).get(30, TimeUnit.SECONDS);
            Chromium chromium = new Chromium(process, socket);
            self[0] = chromium;
            chromium.send("Page.enable", JSON.createObjectNode());
            chromium.send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
                    .put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
            chromium.navigate(url);
            return chromium;
        } catch (Exception | Error e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.remove(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
            }
        } catch (IOException e) {
            // not for us
        }
    }

    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = JSON.createObjectNode().put("id", id).put("method", method);
        command.set("params", params);
        socket.sendText(command.toString(), true).get(30, TimeUnit.SECONDS);
        JsonNode reply = answer.get(60, TimeUnit.SECONDS);
        if (reply.has("error")) {
            throw new IllegalStateException(method + ": " + reply.get("error"));
        }
        return reply.path("result");
    }

    void navigate(String url) throws Exception {
        send("Page.navigate", JSON.createObjectNode().put("url", url));
        waitFor("document.readyState === 'complete' && document.body && document.body.hasAttribute('data-ready-ms')");
    }

    /** The value of a JavaScript expression in the page (promises awaited); an exception in the page fails. */
    JsonNode eval(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("in the page: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    String text(String expression) throws Exception {
        return eval(expression).asText();
    }

    void waitFor(String condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                if (eval("!!(" + condition + ")").asBoolean()) {
                    return;
                }
            } catch (IllegalStateException e) {
                // the page is still loading
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("timed out waiting for " + condition);
    }

    /** A real mouse click in the middle of the first element matching {@code selector}, scrolled into view. */
    void click(String selector) throws Exception {
        JsonNode box = eval("(function(){var e=document.querySelector(" + JSON.writeValueAsString(selector)
                + ");if(!e)return null;e.scrollIntoView({block:'center'});var r=e.getBoundingClientRect();"
                + "return {x:r.left+r.width/2,y:r.top+r.height/2};})()");
        if (box.isNull() || box.isMissingNode()) {
            throw new IllegalStateException("nothing matches " + selector);
        }
        for (String type : List.of("mousePressed", "mouseReleased")) {
            send("Input.dispatchMouseEvent", JSON.createObjectNode().put("type", type).put("x", box.get("x")
                    .asDouble()).put("y", box.get("y").asDouble()).put("button", "left").put("clickCount", 1));
        }
    }

    /** Focuses {@code selector}, clears it and types {@code text} as keyboard input. */
    void type(String selector, String text) throws Exception {
        eval("(function(){var e=document.querySelector(" + JSON.writeValueAsString(selector)
                + ");e.focus();e.select();})()");
        send("Input.insertText", JSON.createObjectNode().put("text", text));
    }

    void screenshot(Path file) throws Exception {
        JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
                .put("captureBeyondViewport", true));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Override
    public void close() {
        socket.abort();
        // Taken before the browser exits: its helpers (renderers, crash handler) outlive it and go on writing into
        // the profile, which then cannot be deleted with the test's temporary directory.
        List<ProcessHandle> helpers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle helper : helpers) {
                helper.destroyForcibly();
                helper.onExit().get(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ignored) {
            // a helper that does not exit in time: the directory cleanup reports it
        }
    }
}
