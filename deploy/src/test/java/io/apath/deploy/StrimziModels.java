package io.apath.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Strict check of Strimzi resources against Strimzi's own API model ({@code io.strimzi:api}, the classes its
 * CRDs are generated from). The model keeps unknown fields instead of failing, so after binding every object is
 * walked and any kept unknown field is a violation: a misspelt or misplaced key never reaches the cluster.
 */
final class StrimziModels {

    static final String API_VERSION = "kafka.strimzi.io/v1";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Map<String, Class<?>> KINDS = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class);

    private StrimziModels() {}

    static boolean isStrimzi(JsonNode object) {
        return object.path("apiVersion").asText().startsWith("kafka.strimzi.io/");
    }

    static List<String> validate(JsonNode object) {
        var where = Chart.describe(object);
        var violations = new ArrayList<String>();
        if (!API_VERSION.equals(object.path("apiVersion").asText())) {
            violations.add(where + ": apiVersion must be " + API_VERSION);
        }
        var type = KINDS.get(object.path("kind").asText());
        if (type == null) {
            violations.add(
                    where + ": no Strimzi model for kind " + object.path("kind").asText());
            return violations;
        }
        Object bound;
        try {
            bound = MAPPER.treeToValue(object, type);
        } catch (Exception e) {
            violations.add(where + ": " + e.getMessage());
            return violations;
        }
        collectUnknownFields(bound, where, violations, Collections.newSetFromMap(new IdentityHashMap<>()), 0);
        return violations;
    }

    private static void collectUnknownFields(Object value, String path, List<String> out, Set<Object> seen, int depth) {
        if (value == null || depth > 40 || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknownFields(v, path + "." + k, out, seen, depth + 1));
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (var item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", out, seen, depth + 1);
            }
            return;
        }
        var type = value.getClass();
        if (type.isEnum()
                || !(type.getName().startsWith("io.strimzi.") || type.getName().startsWith("io.fabric8."))) {
            return;
        }
        for (Method getter : type.getMethods()) {
            if (getter.getParameterCount() != 0
                    || Modifier.isStatic(getter.getModifiers())
                    || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (IllegalAccessException | InvocationTargetException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    out.add(path + ": unknown field(s) " + unknown.keySet());
                }
            } else {
                collectUnknownFields(child, path + "." + property(getter.getName()), out, seen, depth + 1);
            }
        }
    }

    private static String property(String getter) {
        return Character.toLowerCase(getter.charAt(3)) + getter.substring(4);
    }
}
