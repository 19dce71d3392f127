import BosunCore

/// Fields the API server or a controller fills in on creation that no default reproduces: the
/// Service's allocated addresses and node ports, the Job's generated selector and labels, the
/// claim's bound volume. A manifest that leaves them out keeps the live value (kapp's
/// rebase rules, pkg/kapp/config/default.go), even when live-only fields count as drift.
enum ServerAllocatedFields {
  private static let jobLabels = [
    "controller-uid", "job-name", "batch.kubernetes.io~1controller-uid",
    "batch.kubernetes.io~1job-name",
  ]

  static let byKind: [String: [ValuePattern]] = [
    "Service": [
      "/spec/clusterIP", "/spec/clusterIPs", "/spec/ipFamilies", "/spec/ipFamilyPolicy",
      "/spec/ports/*/nodePort", "/spec/healthCheckNodePort",
    ].compactMap(ValuePattern.init),
    "Job":
      (["/spec/selector", "/spec/manualSelector", "/metadata/finalizers"]
      + jobLabels.map { "/spec/template/metadata/labels/\($0)" }
      + jobLabels.map { "/metadata/labels/\($0)" }).compactMap(ValuePattern.init),
    "PersistentVolumeClaim": [
      "/spec/volumeName", "/spec/storageClassName", "/metadata/finalizers",
      "/metadata/annotations/pv.kubernetes.io~1bind-completed",
      "/metadata/annotations/pv.kubernetes.io~1bound-by-controller",
      "/metadata/annotations/volume.beta.kubernetes.io~1storage-provisioner",
      "/metadata/annotations/volume.kubernetes.io~1storage-provisioner",
    ].compactMap(ValuePattern.init),
    "PersistentVolume": ["/metadata/finalizers", "/spec/claimRef"].compactMap(ValuePattern.init),
    "ServiceAccount": ["/secrets"].compactMap(ValuePattern.init),
  ]

  /// The live object without its allocated fields: what the manifest is taken to own when
  /// live-only fields count as drift.
  static func owned(_ live: Value, kind: String) -> Value {
    var copy = live
    // The namespace is part of the identity: a manifest that leaves it out still owns it.
    copy.update("metadata") { $0.remove("namespace") }
    for pattern in byKind[kind] ?? [] { pattern.remove(from: &copy) }
    return copy
  }
}
