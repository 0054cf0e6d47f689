package dev.xraytracing.local.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Names a resource whose template gives it none, as CloudFormation does: {@code {stack}-{logicalId}-{suffix}}, cut
 * to the service's length limit (the stack and logical id parts are shortened, the suffix never). CloudFormation's
 * suffix is random; ours is drawn from the stack name and logical id, so that a template always gets the same names
 * and a run can be repeated. Buckets are lower case, as S3 requires.
 */
final class PhysicalNames {
    private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static final int SUFFIX_LENGTH = 12;

    private PhysicalNames() {
    }

    /**
     * @param maxLength the service's limit, counting {@code ending}
     * @param ending    what the name must end with ({@code .fifo} for FIFO queues and topics), or empty
     */
    static String generate(String stack, String logicalId, int maxLength, boolean lowerCase, String ending) {
        String suffix = suffix(stack + "/" + logicalId);
        String prefix = stack + "-" + logicalId;
        int room = maxLength - ending.length() - SUFFIX_LENGTH - 1;
        if (prefix.length() > room) {
            prefix = prefix.substring(0, Math.max(0, room));
        }
        String name = prefix + "-" + suffix + ending;
        return lowerCase ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static String suffix(String seed) {
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
        StringBuilder out = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            out.append(UPPER.charAt(Byte.toUnsignedInt(digest[i]) % UPPER.length()));
        }
        return out.toString();
    }
}
