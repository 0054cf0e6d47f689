package dev.xraytracing.local.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a CloudFormation/SAM template's YAML into a JSON tree, with the short forms of intrinsic functions
 * ({@code !Ref X}, {@code !Sub ...}, {@code !GetAtt A.B}) turned into their long forms ({@code {"Ref": "X"}}), so that
 * the reader sees one shape whichever form a template uses.
 */
final class YamlWithIntrinsics {
    private static final ObjectMapper JSON = new ObjectMapper();

    private YamlWithIntrinsics() {
    }

    static JsonNode read(String yaml) {
        Object tree = new Yaml(new IntrinsicConstructor()).load(yaml);
        return JSON.valueToTree(tree);
    }

    private static final class IntrinsicConstructor extends SafeConstructor {
        IntrinsicConstructor() {
            super(new LoaderOptions());
            yamlConstructors.put(null, new LongForm());
        }

        private final class LongForm extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String name = node.getTag().getValue();
                name = name.startsWith("!") ? name.substring(1) : name;
                if (name.equals("GetAtt") && node instanceof ScalarNode scalar) {
                    String value = constructScalar(scalar);
                    int dot = value.indexOf('.');
                    return Map.of("Fn::GetAtt", dot < 0 ? java.util.List.of(value)
                            : java.util.List.of(value.substring(0, dot), value.substring(dot + 1)));
                }
                Object value;
                if (node instanceof ScalarNode scalar) {
                    value = constructScalar(scalar);
                } else if (node instanceof SequenceNode sequence) {
                    value = constructSequence(sequence);
                } else {
                    value = new LinkedHashMap<>(constructMapping((MappingNode) node));
                }
                Map<String, Object> longForm = new LinkedHashMap<>();
                longForm.put(name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name, value);
                return longForm;
            }
        }
    }
}
