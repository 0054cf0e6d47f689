package dev.xraytracing.internal;

import com.amazonaws.xray.strategy.sampling.LocalizedSamplingStrategy;
import com.amazonaws.xray.strategy.sampling.SamplingRequest;
import com.amazonaws.xray.strategy.sampling.SamplingStrategy;
import dev.xraytracing.internal.config.ConfigKey;
import dev.xraytracing.internal.config.Configuration;
import dev.xraytracing.internal.log.WarnOnce;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;

/**
 * Decides sampling for traces that start here (outside Lambda, where the trace header decides), from local rules in
 * the X-Ray SDK's local format: {@code XRAY_TRACING_SAMPLING_RULES} or {@code xraytracing.sampling.rules} names a
 * file or a classpath resource; without either, the SDK's default (one a second, then 5%).
 */
public final class LocalSampling {
    private final SamplingStrategy strategy;

    LocalSampling(SamplingStrategy strategy) {
        this.strategy = strategy;
    }

    /** Sampling by the rules at {@code rules}, in the X-Ray SDK's local format. */
    public static LocalSampling fromRules(URL rules) {
        return new LocalSampling(new LocalizedSamplingStrategy(rules));
    }

    static LocalSampling fromEnvironment(WarnOnce warnings) {
        String configured = Configuration.process().value(ConfigKey.SAMPLING_RULES);
        if (configured == null || configured.isBlank()) {
            return new LocalSampling(new LocalizedSamplingStrategy());
        }
        URL rules = locate(configured.trim());
        if (rules == null) {
            warnings.warn("sampling:missing", "sampling rules '" + configured + "' were not found as a file or a "
                    + "classpath resource; using the default rules");
            return new LocalSampling(new LocalizedSamplingStrategy());
        }
        return new LocalSampling(new LocalizedSamplingStrategy(rules));
    }

    static URL locate(String location) {
        File file = new File(location);
        if (file.isFile()) {
            try {
                return file.toURI().toURL();
            } catch (MalformedURLException e) {
                return null;
            }
        }
        String resource = location.startsWith("/") ? location.substring(1) : location;
        return LocalSampling.class.getClassLoader().getResource(resource);
    }

    public boolean shouldTrace(String service, String method, String path) {
        return strategy.shouldTrace(new SamplingRequest(service, null, path, method, null)).isSampled();
    }
}
