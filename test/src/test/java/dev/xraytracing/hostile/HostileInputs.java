package dev.xraytracing.hostile;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;

/** Seeded generators of hostile inputs, one per family; the same seed gives the same inputs. */
final class HostileInputs {
    static final List<String> FAMILIES = List.of("annotations", "metadata", "exceptions", "names", "statuses",
            "oversized", "headers", "secrets", "results");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileInputs() {
    }

    static HostileCase generate(String family, Random random) {
        switch (family) {
            case "annotations": return annotations(random);
            case "metadata": return metadata(random);
            case "exceptions": return exceptions(random);
            case "names": return names(random);
            case "statuses": return statuses(random);
            case "oversized": return oversized(random);
            case "headers": return headers(random);
            case "secrets": return secrets(random);
            case "results": return results(random);
            default: throw new IllegalArgumentException(family);
        }
    }

    // ---- strings and numbers -------------------------------------------------------------------------------------

    static String text(Random random, int maxLength) {
        int length = random.nextInt(maxLength + 1);
        StringBuilder out = new StringBuilder(length);
        int kind = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            switch (kind) {
                case 0: out.append((char) ('a' + random.nextInt(26))); break;
                case 1: out.append((char) random.nextInt(0x80)); break;                 // controls, quotes
                case 2: out.append((char) random.nextInt(0x10000)); break;              // lone surrogates too
                case 3: out.appendCodePoint(0x1F600 + random.nextInt(80)); break;        // emoji
                case 4: out.append(" \t\u00a0\u3000\u2028".charAt(random.nextInt(5))); break;
                default: out.append("Grüße東京_.:/%&#=+-@\\\"".charAt(random.nextInt(20)));
            }
        }
        return out.toString();
    }

    static Number number(Random random) {
        switch (random.nextInt(12)) {
            case 0: return Double.NaN;
            case 1: return Double.POSITIVE_INFINITY;
            case 2: return Float.NEGATIVE_INFINITY;
            case 3: {
                DoubleAdder adder = new DoubleAdder();
                adder.add(random.nextBoolean() ? Double.NaN : 1.5);
                return adder;
            }
            case 4: return new AtomicLong(random.nextLong());
            case 5: return new Hostile.Money(random.nextBoolean() ? "12.30 EUR" : random.nextBoolean() ? "" : null,
                    random.nextBoolean() ? 12.3 : Double.NaN);
            case 6: return new BigDecimal(random.nextGaussian() * 1e300).multiply(BigDecimal.TEN.pow(400));
            case 7: return BigInteger.TWO.pow(random.nextInt(2_000));
            case 8: return random.nextLong();
            case 9: return random.nextDouble() * 1e20;
            case 10: return Double.MIN_VALUE;
            default: return (byte) random.nextInt();
        }
    }

    // ---- families ------------------------------------------------------------------------------------------------

    private static HostileCase annotations(Random random) {
        int count = 1 + random.nextInt(5);
        List<Object[]> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = random.nextInt(10) == 0 ? null : random.nextBoolean() ? "k" + i : text(random, 600);
            Object value;
            switch (random.nextInt(5)) {
                case 0: value = random.nextInt(10) == 0 ? null : text(random, 1_500); break;
                case 1: value = number(random); break;
                case 2: value = random.nextBoolean(); break;
                case 3: value = ""; break;
                default: value = text(random, 40);
            }
            pairs.add(new Object[] {key, value});
        }
        return new HostileCase("annotations", count + " annotations", "Case", sub -> {
            for (Object[] pair : pairs) {
                Object value = pair[1];
                if (value instanceof Number) {
                    sub.annotate((String) pair[0], (Number) value);
                } else if (value instanceof Boolean) {
                    sub.annotate((String) pair[0], (Boolean) value);
                } else {
                    sub.annotate((String) pair[0], (String) value);
                }
            }
        }, null, null, null, true);
    }

    static Object hostileValue(Random random, int depth) {
        switch (random.nextInt(18)) {
            case 0: return new Hostile.ThrowingIterable();
            case 1: return new Hostile.ThrowingMap();
            case 2: return Hostile.Mood.GRUMPY;
            case 3: return new Hostile.NullText();
            case 4: return new Hostile.ThrowingText();
            case 5: {
                Map<Object, Object> map = new HashMap<>();
                map.put(new Hostile.Key(random.nextBoolean()), text(random, 20));
                map.put(null, 1);
                map.put(text(random, 30), number(random));
                return map;
            }
            case 6: {
                ObjectNode node = JSON.createObjectNode().put("nan", Double.NaN).put("text", text(random, 30));
                node.putArray("list").add(Double.POSITIVE_INFINITY).add("x");
                return node;
            }
            case 7: return number(random);
            case 8: return new Hostile.ErrorGetter();
            case 9: return new Hostile.ExceptionGetter();
            case 10: {
                Map<String, Object> cycle = new HashMap<>();
                cycle.put("self", cycle);
                return cycle;
            }
            case 11: {
                Object nested = "bottom";
                for (int i = random.nextInt(100); i > 0; i--) {
                    nested = java.util.Collections.singletonList(nested);
                }
                return nested;
            }
            case 12: return text(random, 3_000);
            case 13: return new Object[] {null, number(random), new int[] {1, 2}, text(random, 10)};
            case 14: return depth > 2 ? "leaf" : java.util.Arrays.asList(hostileValue(random, depth + 1), hostileValue(random, depth + 1));
            case 15: {
                Map<String, Object> map = new LinkedHashMap<>();
                map.put(text(random, 10), hostileValue(random, depth + 1));
                return depth > 2 ? "leaf" : map;
            }
            case 16: return Hostile.cycle();
            default: return null;
        }
    }

    private static HostileCase metadata(Random random) {
        Object value = hostileValue(random, 0);
        String namespace = random.nextInt(10) == 0 ? null : random.nextBoolean() ? "default" : text(random, 20);
        String key = random.nextInt(10) == 0 ? null : text(random, 30);
        String described = value == null ? "null" : value.getClass().getSimpleName();
        return new HostileCase("metadata", described, "Case", sub -> sub.metadata(namespace, key, value), null,
                null, null, true);
    }

    static Throwable hostileThrowable(Random random) {
        switch (random.nextInt(12)) {
            case 0: return Hostile.cycle();
            case 1: return new Hostile.SelfCaused(text(random, 50));
            case 2: return new Hostile.Endless();
            case 3: return Hostile.chain(1 + random.nextInt(1_200));
            case 4: return new RuntimeException(text(random, 200_000));
            case 5: return new Hostile.Lying();
            case 6: return new IOException("checked " + text(random, 20));
            case 7: return new AssertionError("an error");
            case 8: return SdkServiceException.builder().statusCode(random.nextInt(700) - 50).message("svc").build();
            case 9: return AwsServiceException.builder().statusCode(400).awsErrorDetails(
                    AwsErrorDetails.builder().errorCode("ThrottlingException").build()).build();
            case 10: return TooManyRequestsException.builder().statusCode(429).message("Rate exceeded").build();
            default: return ResourceNotFoundException.builder().statusCode(404).message("gone").build();
        }
    }

    private static HostileCase exceptions(Random random) {
        Throwable thrown = hostileThrowable(random);
        if (random.nextInt(3) == 0) {
            return new HostileCase("exceptions", "recorded " + thrown.getClass().getSimpleName(), "Case",
                    sub -> sub.exception(thrown), null, null, null, true);
        }
        return new HostileCase("exceptions", "thrown " + thrown.getClass().getSimpleName(), "Case", sub -> { },
                null, thrown, null, true);
    }

    private static HostileCase names(Random random) {
        String name;
        switch (random.nextInt(5)) {
            case 0: name = null; break;
            case 1: name = "   "; break;
            case 2: name = text(random, 400); break;
            case 3: name = "Call\u08b6" + text(random, 5); break;
            default: name = text(random, 30);
        }
        return new HostileCase("names", "name of " + (name == null ? "null" : name.length() + " chars"), name,
                sub -> { }, null, null, null, true);
    }

    private static HostileCase statuses(Random random) {
        int status = random.nextInt(10) == 0 ? random.nextInt() : random.nextInt(700) - 50;
        switch (random.nextInt(4)) {
            case 0: {
                InvokeResponse.Builder builder = InvokeResponse.builder().statusCode(status);
                if (random.nextBoolean()) {
                    builder.functionError(random.nextBoolean() ? "Unhandled" : text(random, 20));
                }
                return new HostileCase("statuses", "InvokeResponse " + status, "Case", sub -> { }, builder.build(),
                        null, null, true);
            }
            case 1:
                return new HostileCase("statuses", "API Gateway " + status, "Case", sub -> { },
                        new APIGatewayProxyResponseEvent().withStatusCode(random.nextBoolean() ? status : null), null,
                        null, true);
            case 2:
                return new HostileCase("statuses", "Sub.status " + status, "Case", sub -> sub.status(status), null,
                        null, null, true);
            default:
                return new HostileCase("statuses", "thrown service " + status, "Case", sub -> { }, null,
                        SdkServiceException.builder().statusCode(status).message("svc").build(), null, true);
        }
    }

    private static HostileCase oversized(Random random) {
        switch (random.nextInt(4)) {
            case 0: {
                int count = 1_000 + random.nextInt(4_000);
                return new HostileCase("oversized", count + " annotations", "Case", sub -> {
                    for (int i = 0; i < count; i++) {
                        sub.annotate("k" + i, "value " + i);
                    }
                }, null, null, null, true);
            }
            case 1:
                return new HostileCase("oversized", "100 long annotations", "Case", sub -> {
                    for (int i = 0; i < 100; i++) {
                        sub.annotate(String.format("%03d", i) + "k".repeat(497), "\u0001".repeat(1_000));
                    }
                }, null, null, null, true);
            case 2:
                return new HostileCase("oversized", "200 KB message, deep chain", "Case", sub -> {
                    sub.metadata("big", "m".repeat(70_000));
                }, null, new RuntimeException("x".repeat(200_000), Hostile.chain(1_000)), null, true);
            default:
                return new HostileCase("oversized", "many exceptions and metadata", "Case", sub -> {
                    for (int i = 0; i < 60; i++) {
                        sub.exception(new RuntimeException("\u0002".repeat(1_500)));
                        sub.metadata("m" + i, "z".repeat(5_000));
                    }
                }, null, null, null, true);
        }
    }

    private static HostileCase headers(Random random) {
        String root = "1-5759e988-bd862e3fe1be46a994272793";
        String parent = "53995c3f42cd8ad8";
        String header;
        boolean valid = false;
        switch (random.nextInt(8)) {
            case 0: header = "Root=" + root + ";Parent=" + text(random, 20) + ";Sampled=1"; break;
            case 1: header = "Root=" + root + ";Parent=;Sampled=1"; break;
            case 2: header = "Root=" + root + ";Parent=" + "a".repeat(10_000) + ";Sampled=1"; break;
            case 3: header = text(random, 200); break;
            case 4: header = "Root=" + text(random, 40) + ";Parent=" + parent + ";Sampled=1"; break;
            case 5: header = "Root=" + root + ";Parent=" + parent + ";Sampled=" + text(random, 3); break;
            case 6: header = "Root=" + root + ";Parent=" + parent + ";Sampled=0;Lineage=" + text(random, 50); break;
            default:
                header = "Root=" + root + ";Parent=" + parent + ";Sampled=1;" + text(random, 30);
                valid = true;
        }
        return new HostileCase("headers", "header of " + header.length() + " chars", "Case", sub -> { }, null, null,
                header, valid);
    }

    /** A body that returns a hostile value: a handler that captures its response must record something for it. */
    private static HostileCase results(Random random) {
        Object result = hostileValue(random, 0);
        String described = result == null ? "null" : result.getClass().getSimpleName();
        return new HostileCase("results", "returns " + described, "Case", sub -> { }, result, null, null, true);
    }

    /** Payloads, bodies and headers a result carries: none is recorded unless the handler captures its response. */
    private static HostileCase secrets(Random random) {
        String secret = "SECRET" + Long.toHexString(random.nextLong()) + "x";
        Object result;
        switch (random.nextInt(3)) {
            case 0:
                result = InvokeResponse.builder().statusCode(random.nextBoolean() ? 200 : 500)
                        .payload(software.amazon.awssdk.core.SdkBytes.fromUtf8String("{\"token\":\"" + secret + "\"}"))
                        .build();
                break;
            case 1:
                result = new APIGatewayProxyResponseEvent().withStatusCode(random.nextBoolean() ? 200 : 503)
                        .withBody(secret).withHeaders(Map.of("Authorization", "Bearer " + secret));
                break;
            default:
                result = Map.of("password", secret);
        }
        return new HostileCase("secrets", result.getClass().getSimpleName() + " carrying a secret", "Case",
                sub -> { }, result, null, null, true, secret);
    }
}
