/// Linux capability names as Kubernetes accepts them.
enum Capabilities {
  /// `cap_sys_admin` and `SYS_ADMIN` name the same capability; runtimes accept both forms.
  static func normalise(_ name: String) -> String {
    let upper = name.uppercased()
    return upper.hasPrefix("CAP_") ? String(upper.dropFirst(4)) : upper
  }

  /// The capabilities Pod Security Standards baseline allows a container to add (the
  /// container runtime's default set, without NET_RAW).
  static let baselineAllowed: Set<String> = [
    "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
    "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
  ]
}
