import BosunCore
import BosunModel

/// ConfigMaps that pods read exist, with the keys they read.
struct ConfigMapReferenceRule: Rule {
  static let description = RuleDescription(
    id: "configmap-reference",
    summary: "a pod refers to a ConfigMap, or a ConfigMap key, that is not in the input",
    rationale: """
      A pod whose volume or environment names a missing ConfigMap (or key) does not start: the \
      kubelet leaves it in ContainerCreating or CreateContainerConfigError until the object \
      appears, and the rollout stalls.
      A warning, not an error: the object may be created outside these manifests; name such \
      objects under externalNames in .bosun.yaml.
      """,
    remediation: """
      add the ConfigMap (or key), fix the name, mark the reference `optional: true`, or list \
      the name under externalNames.configMaps in .bosun.yaml when it is managed elsewhere
      """,
    category: .references, severity: .warning, kinds: PodSpecs.bearingKinds,
    examples: [
      .passing(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          LOG_LEVEL: info
        ---
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
        spec:
          containers:
            - name: web
              image: nginx:1.27
              env:
                - name: LOG_LEVEL
                  valueFrom:
                    configMapKeyRef:
                      name: settings
                      key: LOG_LEVEL
          volumes:
            - name: optional
              configMap:
                name: maybe
                optional: true
        """),
      .failing(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          LOG_LEVEL: info
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: nginx:1.27
                  env:
                    - name: LOG_FORMAT
                      valueFrom:
                        configMapKeyRef:
                          name: settings
                          key: LOG_FORMAT
                  envFrom:
                    - configMapRef:
                        name: web-env
        """,
        at: [
          .init(
            kind: "Deployment", name: "web",
            pointer: "/spec/template/spec/containers/0/env/0/valueFrom/configMapKeyRef/key"),
          .init(
            kind: "Deployment", name: "web",
            pointer: "/spec/template/spec/containers/0/envFrom/0/configMapRef/name"),
        ]),
    ])

  func check(_ object: Resource, in context: RuleContext) -> [Finding] {
    PodReference.dangling(
      "ConfigMap", from: object, in: context, dataFields: ["data", "binaryData"])
  }
}
