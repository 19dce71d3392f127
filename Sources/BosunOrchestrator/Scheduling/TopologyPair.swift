/// A topology domain: a node label key and its value (`topologyPair` upstream).
struct TopologyPair: Hashable, Sendable {
  var key: String
  var value: String
}
