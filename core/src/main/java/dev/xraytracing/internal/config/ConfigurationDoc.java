package dev.xraytracing.internal.config;

import java.util.stream.Collectors;

/**
 * Writes {@code docs/configuration.md} from {@link ConfigKey}, so that the page cannot drift from the code: a test
 * compares the file with {@link #markdown()} and rewrites it when asked (see the page's first lines).
 */
public final class ConfigurationDoc {
    private ConfigurationDoc() {
    }

    public static String markdown() {
        StringBuilder page = new StringBuilder();
        page.append("# Configuration\n\n")
                .append("<!-- Generated from dev.xraytracing.internal.config.ConfigKey; do not edit by hand. -->\n")
                .append("<!-- Regenerate: mvn -B -q -pl test -am test -Dtest=ConfigurationTableTest -Dsurefire.failIfNoSpecifiedTests=false ")
                .append("-Dxraytracing.docs.write=true -->\n\n")
                .append("Every setting the library reads from its environment. Each is read from its system property ")
                .append("first (`-D...`, or `JAVA_TOOL_OPTIONS` in Lambda), then from its environment variables in ")
                .append("the order listed; a blank value counts as unset. What a builder or `HandlerTracing` sets in ")
                .append("code wins over both. The rows marked *Lambda* are set by the Lambda service; the library ")
                .append("only reads them.\n\n")
                .append("| Setting | Set by | System property | Environment variables | Default | Meaning |\n")
                .append("| --- | --- | --- | --- | --- | --- |\n");
        for (ConfigKey key : ConfigKey.values()) {
            page.append("| ").append(key.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                    .append(" | ").append(key.owner() == ConfigKey.Owner.YOU ? "you" : "*Lambda*")
                    .append(" | ").append(key.systemProperty() == null ? "none" : "`" + key.systemProperty() + "`")
                    .append(" | ").append(key.environmentVariables().stream().map(name -> "`" + name + "`")
                            .collect(Collectors.joining(", then ")))
                    .append(" | ").append(key.defaultValue())
                    .append(" | ").append(key.meaning())
                    .append(" |\n");
        }
        return page.toString();
    }
}
