/// The simulated API server's storage: objects keyed like the Kubernetes REST API (group,
/// resource, namespace, name), each with the resourceVersion of its last write and its owner.
///
/// Kept in the REST shape so that the same store can later answer API requests; the controllers
/// keep their typed state beside it and record every write here.
public struct ObjectStore: Sendable {
  /// Where an object lives in the API. The version is not part of it: as in the API server's
  /// storage (`/registry/<group>/<resource>/<namespace>/<name>`), every served version of a
  /// resource is a view of one stored object.
  public struct Key: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// API group, empty for the core group.
    public var group: String
    /// Lower-case plural resource (`deployments`, `pods`).
    public var resource: String
    /// Namespace, empty for cluster-scoped objects.
    public var namespace: String
    /// Name.
    public var name: String

    /// Creates a key.
    public init(group: String, resource: String, namespace: String, name: String) {
      self.group = group
      self.resource = resource
      self.namespace = namespace
      self.name = name
    }

    /// Orders by group, resource, namespace, name.
    public static func < (lhs: Key, rhs: Key) -> Bool {
      (lhs.group, lhs.resource, lhs.namespace, lhs.name)
        < (rhs.group, rhs.resource, rhs.namespace, rhs.name)
    }

    /// `resource.group/namespace/name`, as in `kubectl get` paths.
    public var description: String {
      let resource = group.isEmpty ? resource : "\(resource).\(group)"
      return namespace.isEmpty ? "\(resource)/\(name)" : "\(resource)/\(namespace)/\(name)"
    }
  }

  /// What the store holds of one object.
  public struct Entry: Sendable {
    /// `kind`.
    public var kind: String
    /// `metadata.uid`, assigned at creation.
    public var uid: String
    /// `metadata.resourceVersion` of the last write.
    public var resourceVersion: Int
    /// `metadata.generation`: bumped by spec changes only.
    public var generation: Int
    /// The controlling owner, when there is one.
    public var owner: Key?
    /// When the object was created, in simulated seconds.
    public var createdAt: Double
  }

  private(set) var entries: [Key: Entry] = [:]
  /// The last resourceVersion handed out; every write takes the next one, cluster-wide.
  public private(set) var resourceVersion = 0
  private var nextUID = 0

  /// Creates an empty store.
  public init() {}

  /// The entry of an object.
  public subscript(key: Key) -> Entry? { entries[key] }

  /// How many objects are stored.
  public var count: Int { entries.count }

  /// Writes an object: a create when it is new, otherwise an update (`specChanged` bumps its
  /// generation). Returns the new resourceVersion.
  @discardableResult
  public mutating func write(
    _ key: Key, kind: String, owner: Key? = nil, specChanged: Bool = true, at time: Double
  ) -> Int {
    resourceVersion += 1
    if var entry = entries[key] {
      entry.resourceVersion = resourceVersion
      if specChanged { entry.generation += 1 }
      if let owner { entry.owner = owner }
      entries[key] = entry
    } else {
      nextUID += 1
      entries[key] = Entry(
        kind: kind, uid: Self.uid(nextUID),
        resourceVersion: resourceVersion, generation: 1, owner: owner, createdAt: time)
    }
    return resourceVersion
  }

  /// A UUID-shaped uid counted up from 1, so runs are repeatable.
  private static func uid(_ number: Int) -> String {
    let digits = String(number)
    return "00000000-0000-0000-0000-" + String(repeating: "0", count: max(0, 12 - digits.count))
      + digits
  }

  /// Removes an object.
  public mutating func delete(_ key: Key) {
    resourceVersion += 1
    entries[key] = nil
  }

  /// Keys of the objects in one resource, in key order.
  public func keys(resource: String, group: String = "") -> [Key] {
    entries.keys.filter { $0.resource == resource && $0.group == group }.sorted()
  }
}
