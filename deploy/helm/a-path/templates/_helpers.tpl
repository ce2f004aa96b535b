{{/* Resource-name prefix: "<release>" when it already names the chart, else "<release>-<chart>". */}}
{{- define "a-path.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "a-path.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every object. */}}
{{- define "a-path.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
app.kubernetes.io/name: {{ include "a-path.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: a-path
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Selector labels of one component; call with (dict "root" $ "component" "ingest"). Never change them: selectors are immutable. */}}
{{- define "a-path.selectorLabels" -}}
app.kubernetes.io/name: {{ include "a-path.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "a-path.componentLabels" -}}
{{ include "a-path.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{/* The Spring application (and image) name of a component. */}}
{{- define "a-path.serviceName" -}}
{{- printf "%s-service" . -}}
{{- end -}}

{{- define "a-path.image" -}}
{{- $root := .root -}}
{{- $repo := printf "%s/%s" $root.Values.image.registry .values.image.repository -}}
{{- if $root.Values.image.digest -}}
{{- printf "%s@%s" $repo $root.Values.image.digest -}}
{{- else -}}
{{- printf "%s:%s" $repo (default $root.Chart.AppVersion $root.Values.image.tag) -}}
{{- end -}}
{{- end -}}

{{/* Secret with a component's Kafka credentials: explicit, else the Strimzi KafkaUser Secret of the same name. */}}
{{- define "a-path.kafkaCredentialsSecret" -}}
{{- default (printf "%s-%s" (include "a-path.fullname" .root) .component) .values.kafkaCredentialsSecret -}}
{{- end -}}

{{- define "a-path.kafkaUsesTls" -}}
{{- if has .Values.kafka.security.protocol (list "SSL" "SASL_SSL") }}true{{ end -}}
{{- end -}}

{{- define "a-path.kafkaUsesSasl" -}}
{{- if has .Values.kafka.security.protocol (list "SASL_PLAINTEXT" "SASL_SSL") }}true{{ end -}}
{{- end -}}

{{/* Kafka client security properties, as a YAML map, for the binder's "configuration" block. */}}
{{- define "a-path.kafkaClientProperties" -}}
security.protocol: {{ .Values.kafka.security.protocol }}
{{- if include "a-path.kafkaUsesSasl" . }}
sasl.mechanism: {{ .Values.kafka.security.sasl.mechanism }}
sasl.jaas.config: ${KAFKA_SASL_JAAS_CONFIG}
{{- end }}
{{- if include "a-path.kafkaUsesTls" . }}
ssl.truststore.type: PEM
ssl.truststore.location: /etc/a-path/kafka-ca/{{ .Values.kafka.security.tls.caKey }}
{{- end }}
{{- end -}}

{{/* A topic of the catalogue by its key. */}}
{{- define "a-path.topicName" -}}
{{- (get .root.Values.kafka.topics.catalogue .key).name -}}
{{- end -}}

{{/* Replica ceiling for a consumer of a topic: more consumers than partitions would idle. */}}
{{- define "a-path.maxReplicasForTopic" -}}
{{- $topic := get .root.Values.kafka.topics.catalogue .key -}}
{{- min (int .max) (int $topic.partitions) -}}
{{- end -}}

{{/* Guard against a grace period that would SIGKILL Spring mid-shutdown. */}}
{{- define "a-path.checkLifecycle" -}}
{{- $l := .Values.lifecycle -}}
{{- if le (int $l.terminationGracePeriodSeconds) (add $l.preStopSleepSeconds $l.shutdownTimeoutSeconds | int) -}}
{{- fail (printf "lifecycle.terminationGracePeriodSeconds (%v) must exceed preStopSleepSeconds + shutdownTimeoutSeconds (%v)" $l.terminationGracePeriodSeconds (add $l.preStopSleepSeconds $l.shutdownTimeoutSeconds)) -}}
{{- end -}}
{{- end -}}

{{/*
The ingest-service configuration the chart derives from its values (topics, Kafka security, API docs), before any
*.config overrides: the base of both the ingest and the connectors ConfigMaps, so the two cannot drift apart.
*/}}
{{- define "a-path.ingestBaseConfig" -}}
{{- $security := include "a-path.kafkaClientProperties" . | fromYaml }}
{{- $topics := .Values.kafka.topics.catalogue }}
{{- /* ingest talks to Kafka with its own clients (ingest.kafka.*), not through a binder. */}}
{{- $base := dict
      "ingest" (dict "kafka" (dict
        "mentions-topic" $topics.mentions.name
        "suppressions-topic" $topics.suppressions.name
        "checkpoints-topic" $topics.ingestCheckpoints.name
        "producer" (deepCopy $security)
        "consumer" (deepCopy $security)))
      "server" (dict "shutdown" "graceful")
      "springdoc" (dict "swagger-ui" (dict "enabled" .Values.apiDocs.swaggerUi)) }}
{{- toYaml $base }}
{{- end -}}

{{/*
Pull connectors belong in the connectors Deployment only: enabled through ingest.config they would poll (and
publish) every feed once per ingest replica.
*/}}
{{- define "a-path.checkConnectors" -}}
{{- if eq (toString (dig "ingest" "connectors" "enabled" false .Values.ingest.config)) "true" -}}
{{- fail "ingest.config sets ingest.connectors.enabled: true, which would run the pull connectors in every ingest replica; set connectors.enabled (with connectors.rss / connectors.mastodon) instead, which runs them in one pod of their own" -}}
{{- end -}}
{{- end -}}

{{/*
A service's tenants Secret (its secrets.tenants values) as podTemplate arguments, YAML to read back with fromYaml:
mounted at /config/secrets/tenants.yml and loaded as configuration; nothing without an existingSecret.
*/}}
{{- define "a-path.tenantsSecret" -}}
{{- $args := dict "extraVolumes" (list) "extraMounts" (list) "extraConfigLocations" "" "tenantsFile" "" }}
{{- if .existingSecret }}
{{- $args = dict
      "extraVolumes" (list (dict "name" "tenants" "secret" (dict "secretName" .existingSecret "items" (list (dict "key" .key "path" "tenants.yml")))))
      "extraMounts" (list (dict "name" "tenants" "mountPath" "/config/secrets" "readOnly" true))
      "extraConfigLocations" "optional:file:/config/secrets/tenants.yml"
      "tenantsFile" "/config/secrets/tenants.yml" }}
{{- end }}
{{- toYaml $args }}
{{- end -}}

{{/*
The pod template shared by all services; call with
(dict "root" $ "component" "journey" "values" .Values.journey "configChecksum" (sha256 of its ConfigMaps)
"extraEnv" list "extraVolumes" list "extraMounts" list).
"serviceName" overrides the Spring application (container, config file) name, default "<component>-service".
*/}}
{{- define "a-path.podTemplate" -}}
{{- $root := .root -}}
{{- $v := .values -}}
{{- $service := default (include "a-path.serviceName" .component) .serviceName -}}
metadata:
  labels:
    {{- include "a-path.componentLabels" . | nindent 4 }}
  annotations:
    {{- /* Of this service's own ConfigMaps only (configChecksum), so a config change rolls just that service. */}}
    checksum/config: {{ required "podTemplate needs configChecksum" .configChecksum }}
    {{- with $v.podAnnotations }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  serviceAccountName: {{ include "a-path.fullname" $root }}-{{ .component }}
  automountServiceAccountToken: false
  {{- with $root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- range . }}
    - name: {{ . }}
    {{- end }}
  {{- end }}
  terminationGracePeriodSeconds: {{ $root.Values.lifecycle.terminationGracePeriodSeconds }}
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  {{- if $root.Values.topologySpread.enabled }}
  topologySpreadConstraints:
    {{- range $root.Values.topologySpread.topologyKeys }}
    - maxSkew: {{ $root.Values.topologySpread.maxSkew }}
      topologyKey: {{ . }}
      whenUnsatisfiable: {{ $root.Values.topologySpread.whenUnsatisfiable }}
      labelSelector:
        matchLabels:
          {{- include "a-path.selectorLabels" $ | nindent 10 }}
    {{- end }}
  {{- end }}
  {{- with $v.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with $v.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  containers:
    - name: {{ $service }}
      image: {{ include "a-path.image" (dict "root" $root "values" $v) }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      ports:
        - name: http
          containerPort: {{ $v.port }}
          protocol: TCP
        - name: management
          containerPort: {{ $root.Values.managementPort }}
          protocol: TCP
      env:
        - name: PORT
          value: {{ $v.port | quote }}
        - name: MANAGEMENT_SERVER_PORT
          value: {{ $root.Values.managementPort | quote }}
        - name: KAFKA_BOOTSTRAP_SERVERS
          value: {{ $root.Values.kafka.bootstrapServers | quote }}
        - name: SPRING_CONFIG_ADDITIONAL_LOCATION
          value: "optional:file:/config/{{ $service }}.yml{{ with .extraConfigLocations }},{{ . }}{{ end }}"
        {{- with .tenantsFile }}
        {{- /* watched: a rotated Secret (Kubernetes updates the mounted file in place) takes effect without a restart */}}
        - name: APATH_TENANTS_FILE
          value: {{ . | quote }}
        {{- end }}
        - name: SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE
          value: "{{ $root.Values.lifecycle.shutdownTimeoutSeconds }}s"
        - name: JAVA_TOOL_OPTIONS
          value: {{ default $root.Values.javaToolOptions $v.javaToolOptions | quote }}
        - name: POD_NAME
          valueFrom:
            fieldRef:
              fieldPath: metadata.name
        - name: POD_NAMESPACE
          valueFrom:
            fieldRef:
              fieldPath: metadata.namespace
        {{- if include "a-path.kafkaUsesSasl" $root }}
        - name: KAFKA_SASL_JAAS_CONFIG
          valueFrom:
            secretKeyRef:
              name: {{ include "a-path.kafkaCredentialsSecret" . }}
              key: {{ $root.Values.kafka.security.sasl.jaasConfigKey }}
        {{- end }}
        {{- with .extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
        {{- with $v.extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      startupProbe:
        httpGet:
          path: /actuator/health/liveness
          port: management
        periodSeconds: {{ $root.Values.probes.startup.periodSeconds }}
        failureThreshold: {{ $root.Values.probes.startup.failureThreshold }}
        timeoutSeconds: {{ $root.Values.probes.startup.timeoutSeconds }}
      livenessProbe:
        httpGet:
          path: /actuator/health/liveness
          port: management
        periodSeconds: {{ $root.Values.probes.liveness.periodSeconds }}
        failureThreshold: {{ $root.Values.probes.liveness.failureThreshold }}
        timeoutSeconds: {{ $root.Values.probes.liveness.timeoutSeconds }}
      readinessProbe:
        httpGet:
          path: /actuator/health/readiness
          port: management
        periodSeconds: {{ $root.Values.probes.readiness.periodSeconds }}
        failureThreshold: {{ $root.Values.probes.readiness.failureThreshold }}
        timeoutSeconds: {{ $root.Values.probes.readiness.timeoutSeconds }}
      lifecycle:
        preStop:
          exec:
            command: ["sleep", "{{ $root.Values.lifecycle.preStopSleepSeconds }}"]
      resources:
        {{- toYaml $v.resources | nindent 8 }}
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        - name: config
          mountPath: /config/{{ $service }}.yml
          subPath: {{ $service }}.yml
          readOnly: true
        {{- if include "a-path.kafkaUsesTls" $root }}
        - name: kafka-ca
          mountPath: /etc/a-path/kafka-ca
          readOnly: true
        {{- end }}
        {{- with .extraMounts }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
  volumes:
    # Read-only root filesystem: the JVM and RocksDB need a writable, exec-able /tmp (RocksDB loads its JNI library from it).
    - name: tmp
      emptyDir:
        sizeLimit: 512Mi
    - name: config
      configMap:
        name: {{ include "a-path.fullname" $root }}-{{ .component }}-config
    {{- if include "a-path.kafkaUsesTls" $root }}
    - name: kafka-ca
      secret:
        secretName: {{ $root.Values.kafka.security.tls.caSecret }}
        items:
          - key: {{ $root.Values.kafka.security.tls.caKey }}
            path: {{ $root.Values.kafka.security.tls.caKey }}
    {{- end }}
    {{- with .extraVolumes }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
{{- end -}}

{{/*
The Kafka client settings of a command-line tool run as a Job (the dead-letters replay, the labelling tools), as a
ConfigMap <fullname>-<component>-client holding client.properties in the form Kafka's own tools take. The SASL login
line stays in the credentials Secret: Kafka's DirectoryConfigProvider reads it from the mounted file when the client
starts. dict: root, component.
*/}}
{{- define "a-path.toolClientConfigMap" -}}
{{- $security := .root.Values.kafka.security -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ include "a-path.fullname" .root }}-{{ .component }}-client
  labels:
    {{- include "a-path.componentLabels" (dict "root" .root "component" .component) | nindent 4 }}
data:
  client.properties: |
    security.protocol={{ $security.protocol }}
    {{- if include "a-path.kafkaUsesSasl" .root }}
    sasl.mechanism={{ $security.sasl.mechanism }}
    config.providers=secret
    config.providers.secret.class=org.apache.kafka.common.config.provider.DirectoryConfigProvider
    sasl.jaas.config=${secret:/etc/a-path/kafka-user:{{ $security.sasl.jaasConfigKey }}}
    {{- end }}
    {{- if include "a-path.kafkaUsesTls" .root }}
    ssl.truststore.type=PEM
    ssl.truststore.location=/etc/a-path/kafka-ca/{{ $security.tls.caKey }}
    {{- end }}
{{- end -}}

{{/* Egress every A-Path pod needs: DNS, and Kafka's ports (to networkPolicy.kafkaTo when set). A list of NetworkPolicy egress rules. root. */}}
{{- define "a-path.dnsAndKafkaEgress" -}}
{{- $np := .Values.networkPolicy -}}
- ports:
    - port: 53
      protocol: UDP
    - port: 53
      protocol: TCP
- ports:
    {{- range $np.kafkaPorts }}
    - port: {{ . }}
      protocol: TCP
    {{- end }}
  {{- with $np.kafkaTo }}
  to:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/*
A tool Job's NetworkPolicy, rendered with the Job when networkPolicy.enabled: no ingress (a run serves nothing), egress
to DNS and Kafka only. Without it a run's pod would be the one A-Path pod outside the policies, and in a namespace
whose default is deny it could not reach Kafka. One per tool, shared by its runs (kubectl apply updates it in place).
dict: root, component.
*/}}
{{- define "a-path.toolNetworkPolicy" -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {{ include "a-path.fullname" .root }}-{{ .component }}
  labels:
    {{- include "a-path.componentLabels" . | nindent 4 }}
spec:
  podSelector:
    matchLabels:
      {{- include "a-path.selectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  egress:
    {{- include "a-path.dnsAndKafkaEgress" .root | nindent 4 }}
{{- end -}}

{{/* A tool Job's volume mounts: /tmp, its client.properties, and the Kafka credentials and CA it needs. root. */}}
{{- define "a-path.toolVolumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: client
  mountPath: /etc/a-path/client
  readOnly: true
{{- if include "a-path.kafkaUsesSasl" . }}
- name: kafka-user
  mountPath: /etc/a-path/kafka-user
  readOnly: true
{{- end }}
{{- if include "a-path.kafkaUsesTls" . }}
- name: kafka-ca
  mountPath: /etc/a-path/kafka-ca
  readOnly: true
{{- end }}
{{- end -}}

{{/* The volumes behind a-path.toolVolumeMounts. dict: root, component, values (the tool's values). */}}
{{- define "a-path.toolVolumes" -}}
{{- $security := .root.Values.kafka.security -}}
- name: tmp
  emptyDir:
    sizeLimit: 64Mi
- name: client
  configMap:
    name: {{ include "a-path.fullname" .root }}-{{ .component }}-client
{{- if include "a-path.kafkaUsesSasl" .root }}
- name: kafka-user
  secret:
    secretName: {{ include "a-path.kafkaCredentialsSecret" . }}
    items:
      - key: {{ $security.sasl.jaasConfigKey }}
        path: {{ $security.sasl.jaasConfigKey }}
{{- end }}
{{- if include "a-path.kafkaUsesTls" .root }}
- name: kafka-ca
  secret:
    secretName: {{ $security.tls.caSecret }}
    items:
      - key: {{ $security.tls.caKey }}
        path: {{ $security.tls.caKey }}
{{- end }}
{{- end -}}
