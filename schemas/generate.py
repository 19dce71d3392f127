#!/usr/bin/env python3
"""Builds Bosun's merged Kubernetes API schema catalogue from the kubernetes-validate package.

Usage:
    pip download --no-deps kubernetes-validate==1.37.0 -d <dir>
    python3 schemas/generate.py <dir>/kubernetes_validate-1.37.0-py3-none-any.whl \
        [-o Sources/BosunSchema/EmbeddedCatalog.swift]

The input may also be an unpacked copy of the package. Only facts are kept (types, properties,
required, formats, list and patch metadata, group/version/kind); descriptions are dropped. The
format is described in schemas/README.md. Python 3 standard library only.
"""

import argparse
import io
import json
import os
import re
import sys
import zipfile

SCHEMA_DIR = "kubernetes_validate/kubernetes-json-schema"
FORMAT_VERSION = 1

# Definitions whose JSON-schema rendering loses what they mean; each becomes a compact marker.
# Mirrors k8s.io/apimachinery: IntOrString (util/intstr), Quantity (api/resource), Time and
# MicroTime (apis/meta/v1), RawExtension (runtime) and apiextensions JSON (any value).
SPECIAL = {
    "io.k8s.apimachinery.pkg.util.intstr.IntOrString": {"ios": 1},
    "io.k8s.apimachinery.pkg.api.resource.Quantity": {"f": "quantity"},
    "io.k8s.apimachinery.pkg.runtime.RawExtension": {"t": "object", "puf": 1},
}

# Enumerations that the Go types declare with `+enum` (k8s.io/api, core/v1 types.go and the
# workload groups) and that API validation enforces. The upstream JSON schemas carry them only in
# prose, so they are listed here: (definition name suffix, property) -> allowed values. Only
# values accepted by every bundled version are listed.
ENUMS = {
    ("core.v1.Container", "imagePullPolicy"): ["Always", "Never", "IfNotPresent"],
    ("core.v1.EphemeralContainer", "imagePullPolicy"): ["Always", "Never", "IfNotPresent"],
    ("core.v1.Container", "terminationMessagePolicy"): ["File", "FallbackToLogsOnError"],
    ("core.v1.EphemeralContainer", "terminationMessagePolicy"): ["File", "FallbackToLogsOnError"],
    ("core.v1.PodSpec", "restartPolicy"): ["Always", "OnFailure", "Never"],
    ("core.v1.PodSpec", "dnsPolicy"): ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
    ("core.v1.PodSpec", "preemptionPolicy"): ["PreemptLowerPriority", "Never"],
    ("core.v1.ContainerPort", "protocol"): ["TCP", "UDP", "SCTP"],
    ("core.v1.ServicePort", "protocol"): ["TCP", "UDP", "SCTP"],
    ("core.v1.EndpointPort", "protocol"): ["TCP", "UDP", "SCTP"],
    ("core.v1.ServiceSpec", "type"): ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"],
    ("core.v1.ServiceSpec", "sessionAffinity"): ["ClientIP", "None"],
    ("core.v1.ServiceSpec", "externalTrafficPolicy"): ["Cluster", "Local"],
    ("core.v1.ServiceSpec", "internalTrafficPolicy"): ["Cluster", "Local"],
    ("core.v1.ServiceSpec", "ipFamilyPolicy"): ["SingleStack", "PreferDualStack", "RequireDualStack"],
    # an empty toleration operator means Equal, an empty effect every effect
    ("core.v1.Toleration", "operator"): ["Exists", "Equal", ""],
    ("core.v1.Toleration", "effect"): ["NoSchedule", "PreferNoSchedule", "NoExecute", ""],
    ("core.v1.Taint", "effect"): ["NoSchedule", "PreferNoSchedule", "NoExecute"],
    ("core.v1.NodeSelectorRequirement", "operator"): ["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"],
    ("meta.v1.LabelSelectorRequirement", "operator"): ["In", "NotIn", "Exists", "DoesNotExist"],
    ("core.v1.TopologySpreadConstraint", "whenUnsatisfiable"): ["DoNotSchedule", "ScheduleAnyway"],
    ("core.v1.SeccompProfile", "type"): ["Unconfined", "RuntimeDefault", "Localhost"],
    ("core.v1.VolumeMount", "mountPropagation"): ["None", "HostToContainer", "Bidirectional"],
    ("core.v1.HostPathVolumeSource", "type"): [
        "", "DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket", "CharDevice",
        "BlockDevice"],
    ("core.v1.PersistentVolumeSpec", "persistentVolumeReclaimPolicy"): ["Recycle", "Delete", "Retain"],
    ("core.v1.PersistentVolumeSpec", "volumeMode"): ["Block", "Filesystem"],
    ("core.v1.PersistentVolumeClaimSpec", "volumeMode"): ["Block", "Filesystem"],
    ("core.v1.PodSecurityContext", "fsGroupChangePolicy"): ["OnRootMismatch", "Always"],
    ("apps.v1.DeploymentStrategy", "type"): ["Recreate", "RollingUpdate"],
    ("apps.v1.StatefulSetSpec", "podManagementPolicy"): ["OrderedReady", "Parallel"],
    ("apps.v1.StatefulSetUpdateStrategy", "type"): ["RollingUpdate", "OnDelete"],
    ("apps.v1.DaemonSetUpdateStrategy", "type"): ["RollingUpdate", "OnDelete"],
    ("batch.v1.CronJobSpec", "concurrencyPolicy"): ["Allow", "Forbid", "Replace"],
    ("batch.v1.JobSpec", "completionMode"): ["NonIndexed", "Indexed"],
    ("networking.v1.HTTPIngressPath", "pathType"): ["Exact", "Prefix", "ImplementationSpecific"],
}
# Enumerations of list items: (definition suffix, property) -> allowed item values.
ITEM_ENUMS = {
    ("core.v1.PersistentVolumeClaimSpec", "accessModes"): [
        "ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"],
    ("core.v1.PersistentVolumeSpec", "accessModes"): [
        "ReadWriteOnce", "ReadOnlyMany", "ReadWriteMany", "ReadWriteOncePod"],
    ("core.v1.ServiceSpec", "ipFamilies"): ["IPv4", "IPv6"],
    ("networking.v1.NetworkPolicySpec", "policyTypes"): ["Ingress", "Egress"],
}

# Extensions copied verbatim, under their short key.
EXTENSIONS = {
    "x-kubernetes-int-or-string": "ios",
    "x-kubernetes-preserve-unknown-fields": "puf",
    "x-kubernetes-embedded-resource": "emb",
    "x-kubernetes-list-type": "lt",
    "x-kubernetes-list-map-keys": "lk",
    "x-kubernetes-map-type": "mt",
    "x-kubernetes-patch-merge-key": "pk",
    "x-kubernetes-patch-strategy": "ps",
}


def open_source(path):
    """Returns (list of version names, reader(version) -> definitions dict)."""
    if os.path.isdir(path):
        base = os.path.join(path, SCHEMA_DIR)
        if not os.path.isdir(base):
            base = path
        names = os.listdir(base)

        def read(version):
            with open(os.path.join(base, version, "_definitions.json"), "rb") as f:
                return json.load(f)

        return names, read
    archive = zipfile.ZipFile(path)
    prefix = SCHEMA_DIR + "/"
    names = sorted({n[len(prefix):].split("/")[0] for n in archive.namelist() if n.startswith(prefix)})

    def read(version):
        with archive.open(prefix + version + "/_definitions.json") as f:
            return json.load(io.TextIOWrapper(f, encoding="utf-8"))

    return names, read


def bundled_minors(names):
    minors = []
    for name in names:
        m = re.fullmatch(r"v1\.(\d+)\.0-local", name)
        if m:
            minors.append(int(m.group(1)))
    return sorted(minors)


def ref_name(ref):
    return ref.rsplit("/", 1)[-1]


def compact(node, def_name=None, prop=None):
    """One version's schema node, reduced to facts with short keys."""
    if not isinstance(node, dict):
        return {}
    if "$ref" in node:
        out = {"r": ref_name(node["$ref"])}
        return out
    out = {}
    types = node.get("type")
    nullable = False
    if isinstance(types, list):
        nullable = "null" in types
        rest = [t for t in types if t != "null"]
        if len(rest) == 1:
            out["t"] = rest[0]
    elif isinstance(types, str):
        out["t"] = types
    if nullable:
        out["nl"] = 1
    if "format" in node:
        out["f"] = node["format"]
    if "oneOf" in node:
        kinds = sorted(t for alt in node["oneOf"] for t in (alt.get("type") or []) if t != "null")
        if kinds == ["integer", "string"]:
            out["ios"] = 1
        elif kinds == ["number", "string"]:
            out["f"] = "quantity"
    for long, short in EXTENSIONS.items():
        if long in node:
            value = node[long]
            out[short] = 1 if value is True else value
    if "enum" in node:
        out["e"] = node["enum"]
    if "properties" in node:
        out["p"] = {
            name: compact(sub, None, name) for name, sub in sorted(node["properties"].items())
        }
    if "required" in node:
        out["rq"] = sorted(node["required"])
    if "items" in node:
        out["i"] = compact(node["items"])
    if "additionalProperties" in node:
        extra = node["additionalProperties"]
        out["a"] = False if extra is False else compact(extra)
    return out


def apply_overlays(name, out):
    props = out.get("p")
    if not props:
        return
    for (suffix, prop), values in ENUMS.items():
        if name.endswith("." + suffix) and prop in props:
            props[prop]["e"] = values
    for (suffix, prop), values in ITEM_ENUMS.items():
        if name.endswith("." + suffix) and prop in props and "i" in props[prop]:
            props[prop]["i"]["e"] = values


def definition(name, node):
    if name in SPECIAL:
        return dict(SPECIAL[name])
    out = compact(node)
    # Built-in kinds carry their own apiVersion/kind as one-value enums; the catalogue's kind
    # index says the same, so they are dropped to let identical definitions merge.
    for key in ("apiVersion", "kind"):
        prop = (out.get("p") or {}).get(key)
        if prop and "e" in prop:
            del prop["e"]
    apply_overlays(name, out)
    return out


# ---- version sets ---------------------------------------------------------------------------


def encode_versions(minors):
    """[25, 26, 27, 30] -> "25-27,30"."""
    parts = []
    minors = sorted(minors)
    start = prev = None
    for m in minors:
        if start is None:
            start = prev = m
        elif m == prev + 1:
            prev = m
        else:
            parts.append(str(start) if start == prev else "%d-%d" % (start, prev))
            start = prev = m
    if start is not None:
        parts.append(str(start) if start == prev else "%d-%d" % (start, prev))
    return ",".join(parts)


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def merge(per_version, scope):
    """Merges {minor: compact node} into one node, or a list of variants with "v" each.

    `scope` is the version set the enclosing node exists in; "v" is written only when a
    node's versions differ from it.
    """
    versions = sorted(per_version)
    present = set(versions)
    # Group versions by everything except properties and required, which merge field by field.
    groups = {}
    for m in versions:
        node = per_version[m]
        shape = {k: v for k, v in node.items() if k not in ("p", "rq", "i", "a")}
        shape["has_p"] = "p" in node
        shape["has_i"] = "i" in node
        shape["a_kind"] = ("none" if "a" not in node else "false" if node["a"] is False else "schema")
        groups.setdefault(canonical(shape), []).append(m)
    variants = []
    for members in groups.values():
        variants.append(merge_group({m: per_version[m] for m in members}))
    if len(variants) == 1:
        node = variants[0]
        if present != set(scope):
            node = dict({"v": encode_versions(present)}, **node)
        return node
    out = []
    for members, node in sorted(zip(groups.values(), variants), key=lambda x: x[0][0]):
        out.append(dict({"v": encode_versions(members)}, **node))
    return out


def merge_group(per_version):
    versions = sorted(per_version)
    first = per_version[versions[0]]
    node = {k: v for k, v in first.items() if k not in ("p", "rq", "i", "a")}
    if "p" in first:
        names = sorted({n for m in versions for n in per_version[m].get("p", {})})
        props = {}
        for name in names:
            sub = {m: per_version[m]["p"][name] for m in versions if name in per_version[m]["p"]}
            props[name] = merge(sub, versions)
        node["p"] = props
    required = {}
    for m in versions:
        for name in per_version[m].get("rq", []):
            required.setdefault(name, []).append(m)
    if required:
        node["rq"] = [
            name if len(ms) == len(versions) else [name, encode_versions(ms)]
            for name, ms in sorted(required.items())
        ]
    if "i" in first:
        node["i"] = merge({m: per_version[m]["i"] for m in versions}, versions)
    if "a" in first:
        if first["a"] is False:
            node["a"] = False
        else:
            node["a"] = merge({m: per_version[m]["a"] for m in versions}, versions)
    return node


def swift_source(text, source):
    """The catalogue as a raw string literal, so the binary carries it and needs no resource."""
    if '"""#' in text:
        sys.exit("the catalogue text contains the raw string delimiter")
    return (
        "// Generated by schemas/generate.py from %s; do not edit.\n"
        "// The format is described in schemas/README.md.\n\n"
        "/// The bundled schema catalogue, one JSON document per line.\n"
        "enum EmbeddedCatalog {\n"
        "  /// The catalogue text.\n"
        "  static let text = #\"\"\"\n%s\"\"\"#\n"
        "}\n" % (source, text))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", help="kubernetes-validate wheel or unpacked directory")
    parser.add_argument("-o", "--output", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "BosunSchema",
        "EmbeddedCatalog.swift"),
        help="a .swift file embeds the catalogue in the binary; any other name gets the bare "
             "JSON lines")
    parser.add_argument("--package-version", default=None,
                        help="recorded in the header; read from the file name when omitted")
    args = parser.parse_args()

    names, read = open_source(args.source)
    minors = bundled_minors(names)
    if not minors:
        sys.exit("no v1.X.0-local schema folders found in %s" % args.source)
    package_version = args.package_version
    if package_version is None:
        m = re.search(r"kubernetes_validate-([0-9][^-]*)-", os.path.basename(args.source))
        package_version = m.group(1) if m else "unknown"

    definitions = {}  # name -> {minor: compact}
    kinds = {}  # (group, version, kind) -> {minor: definition name}
    for minor in minors:
        document = read("v1.%d.0-local" % minor)
        defs = document.get("$defs") or document.get("definitions") or {}
        for name, node in defs.items():
            definitions.setdefault(name, {})[minor] = definition(name, node)
            gvks = node.get("x-kubernetes-group-version-kind") or []
            if len(gvks) != 1:
                continue  # DeleteOptions, WatchEvent: shared helper types, not manifests
            gvk = gvks[0]
            kinds.setdefault((gvk["group"], gvk["version"], gvk["kind"]), {})[minor] = name

    names_in_order = sorted(definitions)
    kind_rows = []
    for (group, version, kind), per in sorted(kinds.items()):
        by_def = {}
        for minor, name in per.items():
            by_def.setdefault(name, []).append(minor)
        for name, ms in sorted(by_def.items()):
            kind_rows.append([group, version, kind, name, encode_versions(ms)])

    header = {
        "format": FORMAT_VERSION,
        "source": "kubernetes-validate %s" % package_version,
        "versions": encode_versions(minors),
        "kinds": kind_rows,
        "definitions": names_in_order,
    }
    lines = [canonical(header)]
    for name in names_in_order:
        lines.append(canonical(merge(definitions[name], minors)))
    text = "\n".join(lines) + "\n"
    if args.output.endswith(".swift"):
        text = swift_source(text, header["source"])
    data = text.encode("utf-8")
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "wb") as f:
        f.write(data)
    print("%d versions, %d kinds, %d definitions, %d bytes -> %s" % (
        len(minors), len(kind_rows), len(names_in_order), len(data), args.output))


if __name__ == "__main__":
    main()
