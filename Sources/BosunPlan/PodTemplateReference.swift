public import BosunCore

/// The objects a pod spec reads by name: ConfigMaps, Secrets, PVCs and its ServiceAccount.
public struct PodTemplateReference: Hashable, Sendable, Comparable {
  /// `ConfigMap`, `Secret`, `PersistentVolumeClaim` or `ServiceAccount`.
  public var kind: String
  /// The referenced name (same namespace as the pod).
  public var name: String
  /// How it is read: `env`, `envFrom`, `volume`, `projected volume`, `imagePullSecrets`,
  /// `serviceAccountName`.
  public var via: String

  /// Creates a reference.
  public init(kind: String, name: String, via: String) {
    self.kind = kind
    self.name = name
    self.via = via
  }

  /// Orders by kind, name, then how it is read.
  public static func < (lhs: Self, rhs: Self) -> Bool {
    (lhs.kind, lhs.name, lhs.via) < (rhs.kind, rhs.name, rhs.via)
  }

  /// Where the pod template sits in objects of `kind`; nil for kinds without one.
  public static func templatePointer(kind: String) -> JSONPointer? {
    switch kind {
    case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job":
      workloadTemplate
    case "CronJob": cronJobTemplate
    case "Pod": .root
    default: nil
    }
  }

  // Parsed once: the plan asks for them for every object it reads the pod template of.
  private static let workloadTemplate: JSONPointer = "/spec/template"
  private static let cronJobTemplate: JSONPointer = "/spec/jobTemplate/spec/template"

  /// Every reference of the pod spec `spec`, sorted and without duplicates.
  ///
  /// Fields are looked up key by key (`source["configMapRef"]?["name"]`), as a pointer of
  /// those keys would find them, without parsing a pointer for every container and volume.
  public static func of(podSpec spec: Value) -> [PodTemplateReference] {
    var found = Set<PodTemplateReference>()
    func add(_ kind: String, _ name: Value?, _ via: String) {
      if let name = name?.stringValue, !name.isEmpty {
        found.insert(.init(kind: kind, name: name, via: via))
      }
    }
    for list in ["containers", "initContainers", "ephemeralContainers"] {
      for container in spec[list]?.items ?? [] {
        for source in container["envFrom"]?.items ?? [] {
          add("ConfigMap", source["configMapRef"]?["name"], "envFrom")
          add("Secret", source["secretRef"]?["name"], "envFrom")
        }
        for variable in container["env"]?.items ?? [] {
          add("ConfigMap", variable["valueFrom"]?["configMapKeyRef"]?["name"], "env")
          add("Secret", variable["valueFrom"]?["secretKeyRef"]?["name"], "env")
        }
      }
    }
    for volume in spec["volumes"]?.items ?? [] {
      add("ConfigMap", volume["configMap"]?["name"], "volume")
      add("Secret", volume["secret"]?["secretName"], "volume")
      add("PersistentVolumeClaim", volume["persistentVolumeClaim"]?["claimName"], "volume")
      for source in volume["projected"]?["sources"]?.items ?? [] {
        add("ConfigMap", source["configMap"]?["name"], "projected volume")
        add("Secret", source["secret"]?["name"], "projected volume")
      }
    }
    for pullSecret in spec["imagePullSecrets"]?.items ?? [] {
      add("Secret", pullSecret["name"], "imagePullSecrets")
    }
    add(
      "ServiceAccount", spec["serviceAccountName"] ?? spec["serviceAccount"], "serviceAccountName")
    return found.sorted()
  }
}
