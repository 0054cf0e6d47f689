package dev.xraytracing.local.template;

/**
 * A resource's property that CloudFormation would refuse, said as the property and what is wrong with it
 * ({@code KeySchema is missing}); {@link SamTemplate} adds the file and the resource.
 */
final class TemplateError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TemplateError(String propertyAndProblem) {
        super(propertyAndProblem);
    }
}
