import BosunCore
import BosunModel
import BosunYAML

/// The Pod Security Standards controls, level by level, as the built-in PodSecurity admission
/// checks them at its newest policy version (k8s.io/pod-security-admission `policy/check_*.go`).
///
/// Pods with `hostUsers: false` run in a user namespace: baseline then allows any procMount and
/// restricted skips runAsNonRoot and runAsUser (policy 1.35). Pods with `os.name: windows` are
/// exempt from the restricted privilege-escalation, seccomp and capabilities controls (1.25).
enum PodSecurityStandards {
  /// A standard's level; restricted includes baseline.
  enum Level: String, CaseIterable {
    case baseline, restricted
  }

  /// One field that fails one control.
  struct Violation {
    /// The control's name as the standard's table writes it.
    var control: String
    /// The offending field, or the nearest parent of a missing one.
    var pointer: JSONPointer
    /// What is wrong, briefly.
    var detail: String
  }

  /// Safe sysctls (`check_sysctls.go`, through policy 1.32; older clusters accept fewer).
  static let safeSysctls: Set<String> = [
    "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
    "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem",
  ]
  /// SELinux types allowed at baseline (`check_seLinuxOptions.go`).
  static let seLinuxTypes: Set<String> = [
    "", "container_t", "container_init_t", "container_kvm_t", "container_engine_t",
  ]
  /// Volume sources allowed at restricted (`check_restrictedVolumes.go`).
  static let restrictedVolumes: Set<String> = [
    "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim",
    "projected", "secret",
  ]

  /// Every violation of `level` in an object's pod spec.
  static func violations(of object: Resource, level: Level) -> [Violation] {
    guard let contexts = SecurityContexts(object) else { return [] }
    var found = baseline(object, contexts, level)
    if level == .restricted { found += restricted(contexts) }
    return found
  }

  /// Whether the pod runs in a user namespace (`hostUsers: false`).
  static func inUserNamespace(_ contexts: SecurityContexts) -> Bool {
    contexts.spec["hostUsers"]?.node.boolValue == false
  }

  private static func baseline(_ object: Resource, _ contexts: SecurityContexts, _ level: Level)
    -> [Violation]
  {
    var found: [Violation] = []
    func add(_ control: String, _ at: Located?, _ detail: String) {
      if let at { found.append(Violation(control: control, pointer: at.pointer, detail: detail)) }
    }
    let spec = contexts.spec
    let podContext = contexts.pod
    for field in ["hostNetwork", "hostPID", "hostIPC"] where spec[field]?.node.boolValue == true {
      add("Host Namespaces", spec[field], "\(field) must be false")
    }
    for volume in spec["volumes"]?.items ?? [] {
      add("HostPath Volumes", volume["hostPath"], "hostPath volumes are forbidden")
    }
    for sysctl in podContext?["sysctls"]?.items ?? [] {
      let name = sysctl["name"]?.node.text ?? ""
      if !safeSysctls.contains(name) {
        add("Sysctls", sysctl["name"] ?? sysctl, "sysctl \(name) is not in the safe set")
      }
    }
    let podLevel = podContext.map { [("pod", $0)] } ?? []
    let containerLevel = contexts.containers.compactMap { container in
      container.located["securityContext"].map {
        ("container \(container.name)", $0)
      }
    }
    for (owner, context) in podLevel + containerLevel {
      if context["windowsOptions"]?["hostProcess"]?.node.boolValue == true {
        add(
          "HostProcess", context["windowsOptions"]?["hostProcess"],
          "\(owner) must not be a HostProcess")
      }
      if context["seccompProfile"]?["type"]?.node.text == "Unconfined" {
        add("Seccomp", context["seccompProfile"]?["type"], "\(owner) must not be Unconfined")
      }
      if context["appArmorProfile"]?["type"]?.node.text == "Unconfined" {
        add("AppArmor", context["appArmorProfile"]?["type"], "\(owner) must not be Unconfined")
      }
      if let options = context["seLinuxOptions"] {
        if let type = options["type"], !seLinuxTypes.contains(type.node.text ?? "") {
          add("SELinux", type, "type \(type.node.text ?? "") is not allowed for \(owner)")
        }
        for key in ["user", "role"] where !(options[key]?.node.text ?? "").isEmpty {
          add("SELinux", options[key], "\(owner) must not set seLinuxOptions.\(key)")
        }
      }
    }
    for container in contexts.containers {
      let located = container.located
      let name = container.name
      if let privileged = SecurityContexts.field(container, "privileged"),
        privileged.node.boolValue == true
      {
        add("Privileged Containers", privileged, "container \(name) must not be privileged")
      }
      for item in SecurityContexts.field(container, "capabilities", "add")?.items ?? [] {
        let cap = item.node.text ?? ""
        if !Capabilities.baselineAllowed.contains(Capabilities.normalise(cap)) {
          add("Capabilities", item, "container \(name) must not add \(cap)")
        }
      }
      for port in located["ports"]?.items ?? [] {
        if let hostPort = port["hostPort"], (hostPort.node.intValue ?? 0) != 0 {
          add("Host Ports", hostPort, "container \(name) must not set hostPort")
        }
      }
      if let procMount = SecurityContexts.field(container, "procMount"),
        let value = procMount.node.text, value != "Default",
        !inUserNamespace(contexts) || level == .restricted
      {
        add("/proc Mount Type", procMount, "container \(name) must use the Default procMount")
      }
      for handler in ["livenessProbe", "readinessProbe", "startupProbe"] {
        for kind in ["httpGet", "tcpSocket"] {
          if let host = located[handler]?[kind]?["host"], !(host.node.text ?? "").isEmpty {
            add(
              "Host Probes / Lifecycle Hooks", host,
              "container \(name) must not set \(handler) host")
          }
        }
      }
      for hook in ["postStart", "preStop"] {
        for kind in ["httpGet", "tcpSocket"] {
          if let host = located["lifecycle"]?[hook]?[kind]?["host"], !(host.node.text ?? "").isEmpty
          {
            add(
              "Host Probes / Lifecycle Hooks", host, "container \(name) must not set \(hook) host")
          }
        }
      }
    }
    if let (metadata, pointer) = PodSpecs.podMetadata(of: object), let metadata {
      let annotations = Located(node: metadata, pointer: pointer)["annotations"]
      for pair in metadata["annotations"]?.pairs ?? [] {
        let key = pair.key.keyString
        guard key.hasPrefix("container.apparmor.security.beta.kubernetes.io/") else { continue }
        let value = pair.value.text ?? ""
        if !value.isEmpty && value != "runtime/default" && !value.hasPrefix("localhost/") {
          add(
            "AppArmor", annotations?[key],
            "annotation \(key) must be runtime/default or localhost/*")
        }
      }
    }
    return found
  }

  private static func restricted(_ contexts: SecurityContexts) -> [Violation] {
    var found: [Violation] = []
    func add(_ control: String, _ at: JSONPointer, _ detail: String) {
      found.append(Violation(control: control, pointer: at, detail: detail))
    }
    for volume in contexts.spec["volumes"]?.items ?? [] {
      for pair in volume.node.pairs ?? [] {
        let key = pair.key.keyString
        if key != "name" && key != "hostPath" && !restrictedVolumes.contains(key) {
          add("Volume Types", volume.pointer.appending(key), "volume type \(key) is not allowed")
        }
      }
    }
    let checksUser = !inUserNamespace(contexts)
    let linux = contexts.spec["os"]?["name"]?.node.text != "windows"
    let podNonRoot = contexts.podField("runAsNonRoot")
    if checksUser {
      if let podNonRoot, podNonRoot.node.boolValue == false {
        add("Running as Non-root", podNonRoot.pointer, "pod must not set runAsNonRoot: false")
      }
      if let user = contexts.podField("runAsUser"), user.node.intValue == 0 {
        add("Running as Non-root user", user.pointer, "pod must not set runAsUser: 0")
      }
    }
    let podSeccomp = contexts.podField("seccompProfile", "type")?.node.text
    let podSeccompSet = podSeccomp == "RuntimeDefault" || podSeccomp == "Localhost"
    for container in contexts.containers {
      let name = container.name
      let missing = SecurityContexts.missing(container)
      if checksUser {
        let nonRoot = SecurityContexts.field(container, "runAsNonRoot")
        if let nonRoot, nonRoot.node.boolValue == false {
          add(
            "Running as Non-root", nonRoot.pointer,
            "container \(name) must not set runAsNonRoot: false")
        } else if nonRoot == nil && podNonRoot?.node.boolValue != true {
          add(
            "Running as Non-root", missing,
            "container \(name) or the pod must set runAsNonRoot: true")
        }
        if let user = SecurityContexts.field(container, "runAsUser"), user.node.intValue == 0 {
          add(
            "Running as Non-root user", user.pointer, "container \(name) must not set runAsUser: 0")
        }
      }
      guard linux else { continue }
      let escalation = SecurityContexts.field(container, "allowPrivilegeEscalation")
      if escalation?.node.boolValue != false {
        add(
          "Privilege Escalation", escalation?.pointer ?? missing,
          "container \(name) must set allowPrivilegeEscalation: false")
      }
      let seccomp = SecurityContexts.field(container, "seccompProfile", "type")?.node.text
      if seccomp == nil && !podSeccompSet {
        add(
          "Seccomp", missing,
          "container \(name) or the pod must set seccompProfile.type RuntimeDefault or Localhost")
      }
      let located = container.located
      let drop = located["securityContext"]?["capabilities"]?["drop"]
      if !(drop?.node.texts ?? []).map(Capabilities.normalise).contains("ALL") {
        add(
          "Capabilities", located.deepest("securityContext", "capabilities", "drop").pointer,
          "container \(name) must drop ALL capabilities")
      }
      for item in SecurityContexts.field(container, "capabilities", "add")?.items ?? [] {
        let cap = item.node.text ?? ""
        let normal = Capabilities.normalise(cap)
        // Capabilities outside the baseline set are already reported by the baseline control.
        if normal != "NET_BIND_SERVICE" && Capabilities.baselineAllowed.contains(normal) {
          add(
            "Capabilities", item.pointer,
            "container \(name) may add only NET_BIND_SERVICE, not \(cap)")
        }
      }
    }
    return found
  }
}
