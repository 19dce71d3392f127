import BosunCore

/// When an apiVersion/kind is deprecated, stops being served, and what replaces it.
///
/// Two sources, merged: the bundled schemas show in which versions each apiVersion/kind is
/// served (1.25 onwards); a small table kept by hand from the upstream deprecation guide
/// (https://kubernetes.io/docs/reference/using-api/deprecation-guide/) adds what schemas cannot
/// show: APIs removed before 1.25, and "deprecated in X, removed in Y".
public enum APILifecycle {
  /// One row of the deprecation guide.
  public struct Entry: Hashable, Sendable {
    /// The deprecated `group/version`.
    public var apiVersion: String
    /// The kind.
    public var kind: String
    /// The release that first warned about it, when the guide says.
    public var deprecatedIn: KubernetesVersion?
    /// The first release that no longer serves it.
    public var removedIn: KubernetesVersion
    /// The apiVersion to migrate to; nil when the API has no replacement.
    public var replacement: String?
  }

  /// What is known about one apiVersion/kind.
  public struct Status: Hashable, Sendable {
    /// The apiVersion.
    public var apiVersion: String
    /// The kind.
    public var kind: String
    /// Bundled versions that serve it.
    public var servedIn: VersionSet
    /// Deprecated from this release, when known.
    public var deprecatedIn: KubernetesVersion?
    /// Not served from this release, when known (from the guide, or from the schemas when it
    /// disappears before the newest bundled version).
    public var removedIn: KubernetesVersion?
    /// The replacement the guide names, when any.
    public var replacement: String?

    /// Whether it is no longer served in `version`.
    public func isGone(at version: KubernetesVersion) -> Bool {
      guard let removedIn else { return false }
      return version >= removedIn && !servedIn.contains(version)
    }

    /// Whether it is deprecated (or gone) in `version`.
    public func isDeprecated(at version: KubernetesVersion) -> Bool {
      (deprecatedIn.map { version >= $0 } ?? false) || isGone(at: version)
    }

    /// The apiVersion to use instead in `version`: the guide's replacement, or else the served
    /// apiVersion of the same kind, preferring the same group and stable versions.
    public func replacement(at version: KubernetesVersion, catalog: SchemaCatalog) -> String? {
      let group = apiVersion.split(separator: "/").dropLast().joined(separator: "/")
      let candidates = catalog.entries(kind: kind).filter {
        $0.versions.contains(version) && $0.apiVersion != apiVersion
      }
      if let replacement,
        candidates.isEmpty
          || candidates.contains(where: {
            $0.apiVersion == replacement
          })
      {
        return replacement
      }
      // the newest, most stable version of the same group, as `kubectl convert` would pick
      return candidates.min { lhs, rhs in
        let l = (lhs.group == group ? 0 : 1, APILifecycle.stability(lhs.version))
        let r = (rhs.group == group ? 0 : 1, APILifecycle.stability(rhs.version))
        return l != r ? l < r : lhs.apiVersion > rhs.apiVersion
      }?.apiVersion ?? replacement
    }

    /// "policy/v1beta1 PodDisruptionBudget was last served by Kubernetes 1.24 and removed in
    /// 1.25; use policy/v1".
    public func advice(at version: KubernetesVersion, catalog: SchemaCatalog) -> String {
      var text = "\(apiVersion) \(kind)"
      if isGone(at: version), let removedIn {
        let last =
          servedIn.newest ?? KubernetesVersion(major: removedIn.major, minor: removedIn.minor - 1)
        text += " was last served by Kubernetes \(last) and removed in \(removedIn)"
      } else if let removedIn {
        text += " is deprecated and no longer served from \(removedIn)"
      } else {
        text += " is deprecated"
      }
      if let use = replacement(at: version, catalog: catalog) {
        text += "; use \(use)"
      } else if isGone(at: version) {
        text += "; it has no replacement"
      }
      return text
    }
  }

  /// The lifecycle of `apiVersion`/`kind` as the schemas and the guide tell it.
  public static func status(apiVersion: String, kind: String, catalog: SchemaCatalog) -> Status {
    let served = catalog.versions(apiVersion: apiVersion, kind: kind)
    let entry = table.first { $0.apiVersion == apiVersion && $0.kind == kind }
    var removed = entry?.removedIn
    if removed == nil, let last = served.newest, last < catalog.newestVersion {
      removed = KubernetesVersion(major: last.major, minor: last.minor + 1)
    }
    return Status(
      apiVersion: apiVersion, kind: kind, servedIn: served, deprecatedIn: entry?.deprecatedIn,
      removedIn: removed, replacement: entry?.replacement)
  }

  /// Whether `apiVersion`/`kind` is no longer served by `target`: "will it be gone?".
  public static func willBeGone(
    apiVersion: String, kind: String, by target: KubernetesVersion, catalog: SchemaCatalog
  ) -> Bool {
    status(apiVersion: apiVersion, kind: kind, catalog: catalog).isGone(at: target)
  }

  /// For an upgrade check (`--target-version`): a warning when `apiVersion`/`kind` is no longer
  /// served by `target`, pointing at the document's `apiVersion`; nil when it still is.
  public static func upgradeFinding(
    apiVersion: String, kind: String, target: KubernetesVersion, catalog: SchemaCatalog
  ) -> SchemaFinding? {
    let status = status(apiVersion: apiVersion, kind: kind, catalog: catalog)
    guard status.isGone(at: target) else { return nil }
    return SchemaFinding(
      code: "schema.removed-api", severity: .warning,
      message: "not served by Kubernetes \(target): " + status.advice(at: target, catalog: catalog),
      pointer: JSONPointer.root.appending("apiVersion"), versions: VersionSet([target]))
  }

  /// Orders versions as stable (`v1`, `v2`), beta, then alpha.
  static func stability(_ version: String) -> Int {
    version.contains("alpha") ? 2 : version.contains("beta") ? 1 : 0
  }

  private static func v(_ minor: Int) -> KubernetesVersion { KubernetesVersion(minor: minor) }

  private static func removed(
    _ apiVersion: String, _ kinds: [String], deprecated: Int?, removed: Int, use: String?
  ) -> [Entry] {
    kinds.map {
      Entry(
        apiVersion: apiVersion, kind: $0, deprecatedIn: deprecated.map(v), removedIn: v(removed),
        replacement: use)
    }
  }

  /// The upstream deprecation guide, by the release that removed each API.
  public static let table: [Entry] =
    // v1.16
    removed(
      "extensions/v1beta1", ["Deployment", "DaemonSet", "ReplicaSet"], deprecated: 9, removed: 16,
      use: "apps/v1")
    + removed(
      "apps/v1beta1", ["Deployment", "StatefulSet", "ControllerRevision"], deprecated: 9,
      removed: 16, use: "apps/v1")
    + removed(
      "apps/v1beta2",
      ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ControllerRevision"],
      deprecated: 9, removed: 16, use: "apps/v1")
    + removed(
      "extensions/v1beta1", ["NetworkPolicy"], deprecated: 9, removed: 16,
      use: "networking.k8s.io/v1")
    + removed("extensions/v1beta1", ["PodSecurityPolicy"], deprecated: 11, removed: 16, use: nil)
    // v1.22
    + removed(
      "extensions/v1beta1", ["Ingress"], deprecated: 14, removed: 22, use: "networking.k8s.io/v1")
    + removed(
      "networking.k8s.io/v1beta1", ["Ingress", "IngressClass"], deprecated: 19, removed: 22,
      use: "networking.k8s.io/v1")
    + removed(
      "admissionregistration.k8s.io/v1beta1",
      ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration"], deprecated: 16,
      removed: 22, use: "admissionregistration.k8s.io/v1")
    + removed(
      "apiextensions.k8s.io/v1beta1", ["CustomResourceDefinition"], deprecated: 16, removed: 22,
      use: "apiextensions.k8s.io/v1")
    + removed(
      "apiregistration.k8s.io/v1beta1", ["APIService"], deprecated: 19, removed: 22,
      use: "apiregistration.k8s.io/v1")
    + removed(
      "authentication.k8s.io/v1beta1", ["TokenReview"], deprecated: 19, removed: 22,
      use: "authentication.k8s.io/v1")
    + removed(
      "authorization.k8s.io/v1beta1",
      ["LocalSubjectAccessReview", "SelfSubjectAccessReview", "SubjectAccessReview"],
      deprecated: 19, removed: 22, use: "authorization.k8s.io/v1")
    + removed(
      "certificates.k8s.io/v1beta1", ["CertificateSigningRequest"], deprecated: 19, removed: 22,
      use: "certificates.k8s.io/v1")
    + removed(
      "coordination.k8s.io/v1beta1", ["Lease"], deprecated: 19, removed: 22,
      use: "coordination.k8s.io/v1")
    + removed(
      "rbac.authorization.k8s.io/v1beta1",
      ["ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
      deprecated: 17, removed: 22, use: "rbac.authorization.k8s.io/v1")
    + removed(
      "scheduling.k8s.io/v1beta1", ["PriorityClass"], deprecated: 14, removed: 22,
      use: "scheduling.k8s.io/v1")
    + removed(
      "storage.k8s.io/v1beta1", ["CSIDriver", "CSINode", "StorageClass", "VolumeAttachment"],
      deprecated: 19, removed: 22, use: "storage.k8s.io/v1")
    // v1.25
    + removed("batch/v1beta1", ["CronJob"], deprecated: 21, removed: 25, use: "batch/v1")
    + removed(
      "discovery.k8s.io/v1beta1", ["EndpointSlice"], deprecated: 21, removed: 25,
      use: "discovery.k8s.io/v1")
    + removed(
      "events.k8s.io/v1beta1", ["Event"], deprecated: 19, removed: 25, use: "events.k8s.io/v1")
    + removed(
      "autoscaling/v2beta1", ["HorizontalPodAutoscaler"], deprecated: 22, removed: 25,
      use: "autoscaling/v2")
    + removed(
      "policy/v1beta1", ["PodDisruptionBudget"], deprecated: 21, removed: 25, use: "policy/v1")
    + removed("policy/v1beta1", ["PodSecurityPolicy"], deprecated: 21, removed: 25, use: nil)
    + removed(
      "node.k8s.io/v1beta1", ["RuntimeClass"], deprecated: 20, removed: 25, use: "node.k8s.io/v1")
    // v1.26
    + removed(
      "flowcontrol.apiserver.k8s.io/v1beta1", ["FlowSchema", "PriorityLevelConfiguration"],
      deprecated: 23, removed: 26, use: "flowcontrol.apiserver.k8s.io/v1")
    + removed(
      "autoscaling/v2beta2", ["HorizontalPodAutoscaler"], deprecated: 23, removed: 26,
      use: "autoscaling/v2")
    // v1.27
    + removed(
      "storage.k8s.io/v1beta1", ["CSIStorageCapacity"], deprecated: 24, removed: 27,
      use: "storage.k8s.io/v1")
    // v1.29
    + removed(
      "flowcontrol.apiserver.k8s.io/v1beta2", ["FlowSchema", "PriorityLevelConfiguration"],
      deprecated: 26, removed: 29, use: "flowcontrol.apiserver.k8s.io/v1")
    // v1.32
    + removed(
      "flowcontrol.apiserver.k8s.io/v1beta3", ["FlowSchema", "PriorityLevelConfiguration"],
      deprecated: 29, removed: 32, use: "flowcontrol.apiserver.k8s.io/v1")
}
