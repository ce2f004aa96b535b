package io.apath.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

/**
 * What a schema cannot see: the rules an ops team relies on, checked across all rendered objects together —
 * hardening, probes, lifecycle timing, selectors that match, references that resolve, ports that agree,
 * autoscalers that respect the partition count.
 */
final class ManifestPolicies {

    /** Kinds whose pod template a Service, NetworkPolicy or monitor may select (a tool run's Job has its policy). */
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "Job");

    private static final Pattern SECONDS = Pattern.compile("(\\d+)s");

    private final List<JsonNode> objects;
    private final Set<String> externalSecrets;
    private final List<String> violations = new ArrayList<>();

    private ManifestPolicies(List<JsonNode> objects, Set<String> externalSecrets) {
        this.objects = objects;
        this.externalSecrets = externalSecrets;
    }

    /**
     * @param externalSecrets Secrets the install procedure creates before the chart (API keys, the Strimzi cluster
     *     CA); Secrets of rendered KafkaUsers count as existing because Strimzi creates them.
     */
    static List<String> check(List<JsonNode> objects, Set<String> externalSecrets) {
        var policies = new ManifestPolicies(objects, externalSecrets);
        policies.run();
        return policies.violations;
    }

    private void run() {
        for (var object : objects) {
            var kind = object.path("kind").asText();
            switch (kind) {
                case "Deployment", "StatefulSet" -> workload(object);
                case "Job" -> job(object);
                case "Service" -> service(object);
                case "PodDisruptionBudget" ->
                    selectsPods(object, object.path("spec").path("selector").path("matchLabels"));
                case "NetworkPolicy" -> networkPolicy(object);
                case "HorizontalPodAutoscaler" -> scaleTarget(object);
                case "ScaledObject" -> scaledObject(object);
                case "TriggerAuthentication" ->
                    object.path("spec")
                            .path("secretTargetRef")
                            .forEach(ref -> secretExists(
                                    object,
                                    ref.path("name").asText(),
                                    ref.path("key").asText()));
                case "ServiceMonitor" -> serviceMonitor(object);
                case "PodMonitor" ->
                    selectsPods(object, object.path("spec").path("selector").path("matchLabels"));
                case "KafkaTopic", "KafkaUser" -> {
                    if (object.path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText()
                            .isEmpty()) {
                        fail(object, "has no strimzi.io/cluster label, no operator would pick it up");
                    }
                }
                default -> {}
            }
        }
        var autoscaled = new HashSet<String>();
        for (var object : ofKind("HorizontalPodAutoscaler", "ScaledObject")) {
            var target = object.path("spec").path("scaleTargetRef");
            if (!autoscaled.add(
                    target.path("kind").asText() + "/" + target.path("name").asText())) {
                fail(object, "scales " + target.path("name").asText() + ", which another autoscaler already scales");
            }
        }
    }

    private void workload(JsonNode workload) {
        var spec = workload.path("spec");
        var template = spec.path("template");
        var podLabels = template.path("metadata").path("labels");
        var selector = spec.path("selector").path("matchLabels");
        if (selector.isEmpty() || !matches(selector, podLabels)) {
            fail(workload, "selector " + selector + " does not match its pod labels " + podLabels);
        }
        var pod = template.path("spec");
        var volumes = hardenedPod(workload, pod);
        pod.path("topologySpreadConstraints").forEach(constraint -> {
            if (!matches(constraint.path("labelSelector").path("matchLabels"), podLabels)) {
                fail(workload, "topology spread selector does not select its own pods");
            }
        });
        spec.path("volumeClaimTemplates")
                .forEach(
                        claim -> volumes.add(claim.path("metadata").path("name").asText()));
        if (workload.path("kind").asText().equals("StatefulSet")) {
            var serviceName = spec.path("serviceName").asText();
            var headless = find("Service", serviceName);
            if (headless.isEmpty()
                    || !"None"
                            .equals(headless.get()
                                    .path("spec")
                                    .path("clusterIP")
                                    .asText())) {
                fail(workload, "serviceName " + serviceName + " is not a rendered headless Service");
            } else if (!matches(headless.get().path("spec").path("selector"), podLabels)) {
                fail(workload, "headless Service " + serviceName + " does not select its pods");
            }
        }
        var grace = pod.path("terminationGracePeriodSeconds").asInt(30);
        for (var container : pod.path("containers")) {
            container(workload, container, volumes, grace);
        }
    }

    /**
     * What every pod the chart runs must be (services and the dead-letters Job alike): non-root, seccomp, no
     * service-account token, and only ConfigMaps and Secrets that exist. Returns the names of its volumes.
     */
    private Set<String> hardenedPod(JsonNode workload, JsonNode pod) {
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
            fail(workload, "pod securityContext.runAsNonRoot is not true");
        }
        if (!"RuntimeDefault"
                .equals(pod.path("securityContext")
                        .path("seccompProfile")
                        .path("type")
                        .asText())) {
            fail(workload, "pod seccompProfile is not RuntimeDefault");
        }
        if (pod.path("automountServiceAccountToken").asBoolean(true)) {
            fail(workload, "mounts a service-account token it does not need");
        }
        var serviceAccount = pod.path("serviceAccountName").asText();
        if (!serviceAccount.isEmpty() && find("ServiceAccount", serviceAccount).isEmpty()) {
            fail(workload, "uses ServiceAccount " + serviceAccount + ", which is not rendered");
        }
        var volumes = new HashSet<String>();
        pod.path("volumes").forEach(volume -> {
            volumes.add(volume.path("name").asText());
            if (volume.has("configMap")) {
                configMapExists(
                        workload,
                        volume.path("configMap").path("name").asText(),
                        volume.path("configMap").path("items"));
            }
            if (volume.has("secret")) {
                var secret = volume.path("secret");
                secretExists(workload, secret.path("secretName").asText(), null);
            }
        });
        return volumes;
    }

    /** A Job's pod: hardened like a service's, without what only a long-running service needs (probes, drain). */
    private void job(JsonNode job) {
        var pod = job.path("spec").path("template").path("spec");
        var volumes = hardenedPod(job, pod);
        if (!List.of("Never", "OnFailure").contains(pod.path("restartPolicy").asText())) {
            fail(job, "restartPolicy must be Never or OnFailure");
        }
        for (var container : pod.path("containers")) {
            hardenedContainer(
                    job,
                    job.path("metadata").path("name").asText() + "/"
                            + container.path("name").asText(),
                    container,
                    volumes);
        }
    }

    private void container(JsonNode workload, JsonNode container, Set<String> volumes, int grace) {
        var name = workload.path("metadata").path("name").asText() + "/"
                + container.path("name").asText();
        hardenedContainer(workload, name, container, volumes);
        var ports = new HashSet<String>();
        container.path("ports").forEach(port -> ports.add(port.path("name").asText()));
        probe(workload, name, container.path("startupProbe"), "/actuator/health/liveness", ports);
        probe(workload, name, container.path("livenessProbe"), "/actuator/health/liveness", ports);
        probe(workload, name, container.path("readinessProbe"), "/actuator/health/readiness", ports);
        var env = container.path("env");
        var preStop = container.path("lifecycle").path("preStop").path("exec").path("command");
        var sleep = preStop.size() == 2 && preStop.get(0).asText().equals("sleep")
                ? preStop.get(1).asInt(-1)
                : -1;
        if (sleep < 0) {
            fail(workload, name + " has no preStop sleep to let endpoints drain");
        }
        var shutdown = envValue(env, "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE")
                .map(SECONDS::matcher)
                .filter(java.util.regex.Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1)));
        if (shutdown.isEmpty()) {
            fail(workload, name + " does not bound Spring's shutdown (SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE)");
        } else if (grace <= Math.max(sleep, 0) + shutdown.get()) {
            fail(
                    workload,
                    name + ": terminationGracePeriodSeconds " + grace + " <= preStop " + sleep + " s + shutdown "
                            + shutdown.get() + " s; the kubelet would kill Spring mid-shutdown");
        }
        for (var required : List.of("KAFKA_BOOTSTRAP_SERVERS", "PORT", "MANAGEMENT_SERVER_PORT")) {
            if (envValue(env, required).isEmpty()) {
                fail(workload, name + " has no " + required);
            }
        }
        var management = envValue(env, "MANAGEMENT_SERVER_PORT").orElse("");
        var managementPort = StreamSupport.stream(container.path("ports").spliterator(), false)
                .filter(port -> port.path("name").asText().equals("management"))
                .findFirst();
        if (managementPort.isEmpty()
                || !managementPort.get().path("containerPort").asText().equals(management)) {
            fail(workload, name + ": MANAGEMENT_SERVER_PORT " + management + " is not its 'management' container port");
        }
        var http = envValue(env, "PORT").orElse("");
        if (StreamSupport.stream(container.path("ports").spliterator(), false)
                .noneMatch(port -> port.path("name").asText().equals("http")
                        && port.path("containerPort").asText().equals(http))) {
            fail(workload, name + ": PORT " + http + " is not its 'http' container port");
        }
    }

    /** Resources, a locked-down security context, declared volumes with a writable /tmp, existing secrets. */
    private void hardenedContainer(JsonNode workload, String name, JsonNode container, Set<String> volumes) {
        var resources = container.path("resources");
        for (var path : List.of("requests/cpu", "requests/memory", "limits/memory")) {
            if (resources.at("/" + path).isMissingNode()) {
                fail(workload, name + " has no resources." + path.replace('/', '.'));
            }
        }
        var security = container.path("securityContext");
        if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
            fail(workload, name + " has a writable root filesystem");
        }
        if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
            fail(workload, name + " allows privilege escalation");
        }
        if (!contains(security.path("capabilities").path("drop"), "ALL")) {
            fail(workload, name + " does not drop all capabilities");
        }
        var mounts = new HashSet<String>();
        container.path("volumeMounts").forEach(mount -> {
            mounts.add(mount.path("mountPath").asText());
            if (!volumes.contains(mount.path("name").asText())) {
                fail(workload, name + " mounts volume " + mount.path("name").asText() + ", which is not declared");
            }
        });
        if (!mounts.contains("/tmp")) {
            fail(workload, name + " has no writable /tmp (read-only root filesystem)");
        }
        var env = container.path("env");
        env.forEach(variable -> {
            var from = variable.path("valueFrom");
            if (from.has("secretKeyRef")) {
                secretExists(
                        workload,
                        from.path("secretKeyRef").path("name").asText(),
                        from.path("secretKeyRef").path("key").asText());
            }
            if (from.has("configMapKeyRef")) {
                configMapExists(
                        workload, from.path("configMapKeyRef").path("name").asText(), null);
            }
        });
    }

    private void probe(JsonNode workload, String container, JsonNode probe, String path, Set<String> ports) {
        var get = probe.path("httpGet");
        if (!path.equals(get.path("path").asText())) {
            fail(workload, container + " has no probe on " + path);
        } else if (!"management".equals(get.path("port").asText()) || !ports.contains("management")) {
            fail(workload, container + " probes " + path + " off the management port");
        }
    }

    private void service(JsonNode service) {
        var selector = service.path("spec").path("selector");
        var pods = podsSelectedBy(selector);
        if (selector.isEmpty() || pods.isEmpty()) {
            fail(service, "selector " + selector + " matches no rendered pods");
            return;
        }
        for (var port : service.path("spec").path("ports")) {
            var target = port.path("targetPort");
            for (var pod : pods) {
                var declared = StreamSupport.stream(pod.path("containers").spliterator(), false)
                        .flatMap(c -> StreamSupport.stream(c.path("ports").spliterator(), false))
                        .anyMatch(p -> target.isTextual()
                                ? p.path("name").asText().equals(target.asText())
                                : p.path("containerPort").asInt()
                                        == (target.isMissingNode()
                                                ? port.path("port").asInt()
                                                : target.asInt()));
                if (!declared) {
                    fail(service, "targetPort " + target + " is not a container port of the pods it selects");
                }
            }
        }
    }

    private void networkPolicy(JsonNode policy) {
        var pods = podsSelectedBy(policy.path("spec").path("podSelector").path("matchLabels"));
        if (pods.isEmpty()) {
            fail(policy, "podSelector matches no rendered pods");
        }
        for (var rule : policy.path("spec").path("ingress")) {
            for (var port : rule.path("ports")) {
                if (port.path("port").isTextual()) {
                    var name = port.path("port").asText();
                    for (var pod : pods) {
                        if (StreamSupport.stream(pod.path("containers").spliterator(), false)
                                .flatMap(c ->
                                        StreamSupport.stream(c.path("ports").spliterator(), false))
                                .noneMatch(p -> p.path("name").asText().equals(name))) {
                            fail(policy, "allows port " + name + ", which its pods do not declare");
                        }
                    }
                }
            }
        }
    }

    private void scaleTarget(JsonNode autoscaler) {
        var target = autoscaler.path("spec").path("scaleTargetRef");
        var workload = find(target.path("kind").asText(), target.path("name").asText());
        if (workload.isEmpty()) {
            fail(
                    autoscaler,
                    "scales " + target.path("kind").asText() + "/"
                            + target.path("name").asText() + ", which is not rendered");
        } else if (workload.get().path("spec").has("replicas")) {
            fail(
                    autoscaler,
                    "target " + target.path("name").asText()
                            + " also sets spec.replicas; each rollout would fight the autoscaler");
        }
    }

    private void scaledObject(JsonNode scaledObject) {
        scaleTarget(scaledObject);
        var max = scaledObject.path("spec").path("maxReplicaCount").asInt(100);
        for (var trigger : scaledObject.path("spec").path("triggers")) {
            if (!trigger.path("type").asText().equals("kafka")) {
                continue;
            }
            var topicName = trigger.path("metadata").path("topic").asText();
            var topic = ofKind("KafkaTopic").stream()
                    .filter(t -> t.path("spec").path("topicName").asText().equals(topicName))
                    .findFirst();
            if (topic.isEmpty()) {
                fail(scaledObject, "scales on topic " + topicName + ", which has no KafkaTopic");
            } else if (max > topic.get().path("spec").path("partitions").asInt()) {
                fail(
                        scaledObject,
                        "maxReplicaCount " + max + " exceeds the "
                                + topic.get().path("spec").path("partitions").asInt() + " partitions of " + topicName
                                + "; extra consumers would idle");
            }
            var auth = trigger.path("authenticationRef").path("name").asText();
            if (!auth.isEmpty() && find("TriggerAuthentication", auth).isEmpty()) {
                fail(scaledObject, "uses TriggerAuthentication " + auth + ", which is not rendered");
            }
        }
    }

    private void serviceMonitor(JsonNode monitor) {
        var selector = monitor.path("spec").path("selector").path("matchLabels");
        var services = ofKind("Service").stream()
                .filter(s -> matches(selector, s.path("metadata").path("labels")))
                .toList();
        if (services.isEmpty()) {
            fail(monitor, "selects no rendered Service");
        }
        for (var endpoint : monitor.path("spec").path("endpoints")) {
            var port = endpoint.path("port").asText();
            if (services.stream().noneMatch(s -> StreamSupport.stream(
                            s.path("spec").path("ports").spliterator(), false)
                    .anyMatch(p -> p.path("name").asText().equals(port)))) {
                fail(monitor, "scrapes port " + port + ", which no selected Service has");
            }
        }
    }

    private void selectsPods(JsonNode object, JsonNode selector) {
        if (selector.isEmpty() || podsSelectedBy(selector).isEmpty()) {
            fail(object, "selector " + selector + " matches no rendered pods");
        }
    }

    private void configMapExists(JsonNode user, String name, JsonNode items) {
        var configMap = find("ConfigMap", name);
        if (configMap.isEmpty()) {
            fail(user, "references ConfigMap " + name + ", which is not rendered");
            return;
        }
        if (items != null) {
            for (var item : items) {
                if (!configMap.get().path("data").has(item.path("key").asText())) {
                    fail(user, "references key " + item.path("key").asText() + " missing from ConfigMap " + name);
                }
            }
        }
    }

    private void secretExists(JsonNode user, String name, String key) {
        if (externalSecrets.contains(name) || find("KafkaUser", name).isPresent()) {
            return;
        }
        var secret = find("Secret", name);
        if (secret.isEmpty()) {
            fail(
                    user,
                    "references Secret " + name
                            + ", which is neither rendered, a KafkaUser's, nor created by the install procedure");
        } else if (key != null
                && !secret.get().path("stringData").has(key)
                && !secret.get().path("data").has(key)) {
            fail(user, "references key " + key + " missing from Secret " + name);
        }
    }

    private List<JsonNode> podsSelectedBy(JsonNode selector) {
        return objects.stream()
                .filter(o -> WORKLOADS.contains(o.path("kind").asText()))
                .map(o -> o.path("spec").path("template"))
                .filter(t -> !selector.isEmpty()
                        && matches(selector, t.path("metadata").path("labels")))
                .map(t -> t.path("spec"))
                .toList();
    }

    private List<JsonNode> ofKind(String... kinds) {
        var wanted = Set.of(kinds);
        return objects.stream()
                .filter(o -> wanted.contains(o.path("kind").asText()))
                .toList();
    }

    private Optional<JsonNode> find(String kind, String name) {
        return objects.stream()
                .filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> o.path("metadata").path("name").asText().equals(name))
                .findFirst();
    }

    private static boolean matches(JsonNode selector, JsonNode labels) {
        Predicate<Map.Entry<String, JsonNode>> present =
                e -> labels.path(e.getKey()).isTextual()
                        && labels.path(e.getKey()).asText().equals(e.getValue().asText());
        var entries = selector.fields();
        while (entries.hasNext()) {
            if (!present.test(entries.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(JsonNode array, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .anyMatch(v -> v.asText().equals(value));
    }

    private static Optional<String> envValue(JsonNode env, String name) {
        return StreamSupport.stream(env.spliterator(), false)
                .filter(v -> v.path("name").asText().equals(name) && v.has("value"))
                .map(v -> v.path("value").asText())
                .findFirst();
    }

    private void fail(JsonNode object, String message) {
        violations.add(Chart.describe(object) + ": " + message);
    }
}
