#!/usr/bin/env python3
"""Writes a recorded cluster and a plan that rolls every Deployment, for the simulate benchmark.

Usage: generate-cluster.py NODES PODS DEPLOYMENTS OUT_DIR [--with-pods]

Writes, deterministically:
- OUT_DIR/cluster.yaml: a `kind: List` shaped like `kubectl get nodes,deployments,replicasets
  -A -o yaml` (server fields, defaults and status included, keys sorted, no managedFields):
  NODES Nodes (allocatable cpu "16", memory "64Gi", pods "110"; three zones; one in fifty
  tainted `dedicated=batch:NoSchedule`) and DEPLOYMENTS Deployments over up to ten namespaces
  holding PODS replicas in all (PODS / DEPLOYMENTS each, the remainder going to the first
  ones), each with its ReplicaSet at revision 1. Containers request cpu and memory and have an
  HTTP readiness probe; every fourth Deployment has a sidecar, every tenth minReadySeconds 10.
  With --with-pods the recording also holds every pod, bound to a node and Ready, as
  `kubectl get pods -A -o yaml` shows them; without it the pods are left out and the simulator
  places them itself before the plan starts.
- OUT_DIR/release/NAMESPACE.yaml: the next release as written by hand (no server fields): every
  Deployment with a new image tag.
- OUT_DIR/plan.json: the version-1 plan that `bosun plan OUT_DIR/release --snapshot
  OUT_DIR/cluster.yaml` writes for it: one update step per Deployment, changing the image.
"""
import hashlib
import json
import os
import re
import sys

ZONES = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
SAFE = "bcdfghjklmnpqrstvwxz2456789"  # apimachinery's rand.SafeEncodeString alphabet
SIDECAR_IMAGE = "registry.example.com/platform/fluent-bit:3.2.4"
NUMBER = re.compile(r"^[-+]?(\d[\d_]*)?(\.[\d_]*)?([eE][-+]?\d+)?$|^0x[0-9a-fA-F]+$|^\d+(:\d+)+$")
RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~", ""}


# --- YAML out ------------------------------------------------------------------------------

def scalar(value):
    if value is None:
        return "null"
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    plain = (value.lower() not in RESERVED and not NUMBER.match(value)
             and value[0] not in "-?:,[]{}#&*!|>'\"%@` " and value[-1] not in ": "
             and ": " not in value and " #" not in value and "\n" not in value)
    return value if plain else json.dumps(value)


def emit(value, depth=0, sort=True):
    """Block YAML as kubectl prints it; `sort` orders keys as `kubectl get -o yaml` does."""
    pad = "  " * depth
    lines = []
    if isinstance(value, dict):
        for key in (sorted(value) if sort else value):
            item = value[key]
            if isinstance(item, (dict, list)) and item:
                lines.append("%s%s:" % (pad, scalar(key)))
                lines += emit(item, depth + (0 if isinstance(item, list) else 1), sort)
            else:
                lines.append("%s%s: %s" % (pad, scalar(key), "{}" if item == {} else
                                           "[]" if item == [] else scalar(item)))
    else:
        for item in value:
            if isinstance(item, (dict, list)) and item:
                inner = emit(item, depth + 1, sort)
                lines.append(pad + "- " + inner[0][len(pad) + 2:])
                lines += inner[1:]
            else:
                lines.append("%s- %s" % (pad, scalar(item)))
    return lines


def list_item(obj):
    lines = emit(obj, 1)
    return "- " + lines[0][2:] + "\n" + "".join(line + "\n" for line in lines[1:])


# --- Names and hashes ----------------------------------------------------------------------

def fnv32a(text):
    value = 0x811C9DC5
    for byte in text.encode():
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return value


def safe_hash(text):
    """A pod-template-hash: FNV-32a of the template in the safe alphabet, as the controller."""
    return "".join(SAFE[int(c) * 7 % len(SAFE)] for c in str(fnv32a(text)))


def uid(kind, serial):
    d = hashlib.sha1(("%s/%d" % (kind, serial)).encode()).hexdigest()
    return "%s-%s-4%s-8%s-%s" % (d[:8], d[8:12], d[13:16], d[17:20], d[20:32])


def node_name(index):
    return "node-%04d" % index


def is_tainted(index):
    return index % 50 == 49


# --- Nodes ---------------------------------------------------------------------------------

def node(index, serial):
    name = node_name(index)
    zone = ZONES[index % 3]
    labels = {
        "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64", "kubernetes.io/hostname": name, "kubernetes.io/os": "linux",
        "node.kubernetes.io/instance-type": "m6i.4xlarge",
        "topology.kubernetes.io/region": "eu-west-1", "topology.kubernetes.io/zone": zone,
    }
    spec = {"podCIDR": "10.%d.%d.0/24" % (100 + index // 256, index % 256),
            "providerID": "aws:///%s/i-%012x" % (zone, 0x0A000000 + index)}
    if is_tainted(index):
        labels["dedicated"] = "batch"
        spec["taints"] = [{"effect": "NoSchedule", "key": "dedicated", "value": "batch"}]
    conditions = [
        {"lastHeartbeatTime": "2026-01-01T12:00:00Z", "lastTransitionTime": "2026-01-01T00:00:00Z",
         "message": message, "reason": reason, "status": status, "type": kind}
        for kind, status, reason, message in [
            ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
        ]]
    return {
        "apiVersion": "v1", "kind": "Node",
        "metadata": {
            "annotations": {"node.alpha.kubernetes.io/ttl": "0",
                            "volumes.kubernetes.io/controller-managed-attach-detach": "true"},
            "creationTimestamp": "2026-01-01T00:00:00Z", "labels": labels, "name": name,
            "resourceVersion": str(1000 + serial), "uid": uid("Node", index)},
        "spec": spec,
        "status": {
            "addresses": [{"address": host_ip(index), "type": "InternalIP"},
                          {"address": name, "type": "Hostname"}],
            "allocatable": {"cpu": "16", "ephemeral-storage": "95551679124", "memory": "64Gi",
                            "pods": "110"},
            "capacity": {"cpu": "16", "ephemeral-storage": "101430960Ki", "memory": "65049836Ki",
                         "pods": "110"},
            "conditions": conditions,
            "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
            "nodeInfo": {"architecture": "amd64", "containerRuntimeVersion": "containerd://1.7.27",
                         "kernelVersion": "6.1.0", "kubeProxyVersion": "v1.33.1",
                         "kubeletVersion": "v1.33.1", "operatingSystem": "linux",
                         "osImage": "Amazon Linux 2023"},
        },
    }


def host_ip(index):
    return "10.%d.%d.%d" % (index % 3, (index // 250) % 256, index % 250 + 2)


# --- Workloads -----------------------------------------------------------------------------

class App:
    def __init__(self, index, replicas, namespaces):
        self.index = index
        self.name = "app-%03d" % index
        self.namespace = "team-%02d" % (index % namespaces)
        self.replicas = replicas
        self.cpu = "%dm" % (100 + 50 * (index % 7))  # 100m to 400m, 250m on average
        self.memory = "%dMi" % (128 * (1 + index % 6))  # 128Mi to 768Mi
        self.memory_limit = "%dMi" % (256 * (1 + index % 6))
        self.sidecar = index % 4 == 3
        self.min_ready = 10 if index % 10 == 5 else 0
        self.tolerates_batch = index % 25 == 24
        self.uid = uid("Deployment", index)
        self.rs_uid = uid("ReplicaSet", index)

    def image(self, release):
        return "registry.example.com/%s/%s:1.%d.%d" % (self.namespace, self.name, self.index, release)


def pod_spec(app, release, server):
    """The pod spec of the template: as written, or (`server`) with the API server's defaults."""
    def container(name, image, extra):
        c = {"name": name, "image": image}
        c.update(extra)
        if server:
            c.update({"imagePullPolicy": "IfNotPresent",
                      "terminationMessagePath": "/dev/termination-log",
                      "terminationMessagePolicy": "File"})
        return c
    probe = {"httpGet": {"path": "/healthz", "port": "http"}, "initialDelaySeconds": 5,
             "periodSeconds": 5}
    port = {"containerPort": 8080, "name": "http"}
    if server:
        probe["httpGet"]["scheme"] = "HTTP"
        probe.update({"failureThreshold": 3, "successThreshold": 1, "timeoutSeconds": 1})
        port["protocol"] = "TCP"
    containers = [container("app", app.image(release), {
        "ports": [port], "readinessProbe": probe,
        "resources": {"limits": {"memory": app.memory_limit},
                      "requests": {"cpu": app.cpu, "memory": app.memory}}})]
    if app.sidecar:
        containers.append(container("log-shipper", SIDECAR_IMAGE, {
            "resources": {"requests": {"cpu": "50m", "memory": "64Mi"}}}))
    spec = {"containers": containers}
    if server:
        spec.update({"dnsPolicy": "ClusterFirst", "restartPolicy": "Always",
                     "schedulerName": "default-scheduler", "securityContext": {},
                     "terminationGracePeriodSeconds": 30})
    if app.tolerates_batch:
        spec["tolerations"] = [{"effect": "NoSchedule", "key": "dedicated", "operator": "Equal",
                                "value": "batch"}]
    return spec


def template(app, release, server, hash_label=None):
    labels = {"app": app.name, "tier": "web"}
    if hash_label:
        labels["pod-template-hash"] = hash_label
    metadata = {"creationTimestamp": None, "labels": labels} if server else {"labels": labels}
    return {"metadata": metadata, "spec": pod_spec(app, release, server)}


def template_hash(app):
    return safe_hash(json.dumps(template(app, 0, True), sort_keys=True))


def desired_deployment(app, release):
    """The release's manifest, as a person writes it."""
    spec = {}
    if app.min_ready:
        spec["minReadySeconds"] = app.min_ready
    spec.update({"replicas": app.replicas, "selector": {"matchLabels": {"app": app.name}},
                 "template": template(app, release, False)})
    return {"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"labels": {"app": app.name}, "name": app.name, "namespace": app.namespace},
            "spec": spec}


def owner(kind, name, owner_uid):
    return [{"apiVersion": "apps/v1", "blockOwnerDeletion": True, "controller": True,
             "kind": kind, "name": name, "uid": owner_uid}]


def recorded_deployment(app, serial):
    rs_name = "%s-%s" % (app.name, template_hash(app))
    spec = {"progressDeadlineSeconds": 600, "replicas": app.replicas, "revisionHistoryLimit": 10,
            "selector": {"matchLabels": {"app": app.name}},
            "strategy": {"rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"},
                         "type": "RollingUpdate"},
            "template": template(app, 0, True)}
    if app.min_ready:
        spec["minReadySeconds"] = app.min_ready
    applied = json.dumps(desired_deployment(app, 0), separators=(",", ":"), sort_keys=True)
    return {
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {
            "annotations": {"deployment.kubernetes.io/revision": "1",
                            "kubectl.kubernetes.io/last-applied-configuration": applied + "\n"},
            "creationTimestamp": "2026-01-01T00:00:00Z", "generation": 1,
            "labels": {"app": app.name}, "name": app.name, "namespace": app.namespace,
            "resourceVersion": str(1000 + serial), "uid": app.uid},
        "spec": spec,
        "status": {
            "availableReplicas": app.replicas,
            "conditions": [
                {"lastTransitionTime": "2026-01-01T00:01:00Z", "lastUpdateTime": "2026-01-01T00:01:00Z",
                 "message": "Deployment has minimum availability.",
                 "reason": "MinimumReplicasAvailable", "status": "True", "type": "Available"},
                {"lastTransitionTime": "2026-01-01T00:00:00Z", "lastUpdateTime": "2026-01-01T00:01:00Z",
                 "message": "ReplicaSet \"%s\" has successfully progressed." % rs_name,
                 "reason": "NewReplicaSetAvailable", "status": "True", "type": "Progressing"}],
            "observedGeneration": 1, "readyReplicas": app.replicas, "replicas": app.replicas,
            "updatedReplicas": app.replicas},
    }


def recorded_replicaset(app, serial):
    digest = template_hash(app)
    surge = -(-app.replicas * 25 // 100)
    spec = {"replicas": app.replicas,
            "selector": {"matchLabels": {"app": app.name, "pod-template-hash": digest}},
            "template": template(app, 0, True, digest)}
    if app.min_ready:
        spec["minReadySeconds"] = app.min_ready
    return {
        "apiVersion": "apps/v1", "kind": "ReplicaSet",
        "metadata": {
            "annotations": {"deployment.kubernetes.io/desired-replicas": str(app.replicas),
                            "deployment.kubernetes.io/max-replicas": str(app.replicas + surge),
                            "deployment.kubernetes.io/revision": "1"},
            "creationTimestamp": "2026-01-01T00:00:00Z", "generation": 1,
            "labels": {"app": app.name, "pod-template-hash": digest},
            "name": "%s-%s" % (app.name, digest), "namespace": app.namespace,
            "ownerReferences": owner("Deployment", app.name, app.uid),
            "resourceVersion": str(1000 + serial), "uid": app.rs_uid},
        "spec": spec,
        "status": {"availableReplicas": app.replicas, "fullyLabeledReplicas": app.replicas,
                   "observedGeneration": 1, "readyReplicas": app.replicas,
                   "replicas": app.replicas},
    }


def recorded_pod(app, ordinal, node_index, serial):
    digest = template_hash(app)
    rs_name = "%s-%s" % (app.name, digest)
    digest_bytes = hashlib.sha1(("%s/%d" % (rs_name, ordinal)).encode()).digest()
    name = "%s-%s" % (rs_name, "".join(SAFE[b % len(SAFE)] for b in digest_bytes[:5]))
    spec = pod_spec(app, 0, True)
    spec.update({"enableServiceLinks": True, "nodeName": node_name(node_index),
                 "preemptionPolicy": "PreemptLowerPriority", "priority": 0,
                 "serviceAccount": "default", "serviceAccountName": "default"})
    spec["tolerations"] = spec.get("tolerations", []) + [
        {"effect": "NoExecute", "key": "node.kubernetes.io/%s" % key, "operator": "Exists",
         "tolerationSeconds": 300} for key in ("not-ready", "unreachable")]
    statuses = []
    for container in spec["containers"]:
        image = container["image"]
        statuses.append({
            "containerID": "containerd://" + hashlib.sha1(("%s/%s" % (name, container["name"])).encode()).hexdigest(),
            "image": image,
            "imageID": "%s@sha256:%s" % (image.split(":")[0], hashlib.sha256(image.encode()).hexdigest()),
            "lastState": {}, "name": container["name"], "ready": True, "restartCount": 0,
            "started": True, "state": {"running": {"startedAt": "2026-01-01T00:00:35Z"}}})
    labels = {"app": app.name, "pod-template-hash": digest, "tier": "web"}
    return {
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {
            "creationTimestamp": "2026-01-01T00:00:30Z", "generateName": rs_name + "-",
            "labels": labels, "name": name, "namespace": app.namespace,
            "ownerReferences": owner("ReplicaSet", rs_name, app.rs_uid),
            "resourceVersion": str(1000 + serial), "uid": uid("Pod", serial)},
        "spec": spec,
        "status": {
            "conditions": [{"lastProbeTime": None, "lastTransitionTime": "2026-01-01T00:00:40Z",
                            "status": "True", "type": kind}
                           for kind in ("PodReadyToStartContainers", "Initialized", "Ready",
                                        "ContainersReady", "PodScheduled")],
            "containerStatuses": statuses, "hostIP": host_ip(node_index), "phase": "Running",
            "podIP": "10.%d.%d.%d" % (100 + node_index // 256, node_index % 256, ordinal % 250 + 2),
            "qosClass": "Burstable", "startTime": "2026-01-01T00:00:30Z"},
    }


# --- The plan ------------------------------------------------------------------------------

def plan_step(index, app):
    pointers = ["/spec/template/spec/containers/0/image"]
    return {
        "index": index, "operation": "update", "action": "update",
        "object": {"apiVersion": "apps/v1", "kind": "Deployment", "namespace": app.namespace,
                   "name": app.name},
        "reason": "1 field change in place: /spec/template/spec/containers/0/image",
        "impacts": [{"kind": "rolls-pods",
                     "detail": "pod template changes (/spec/containers/0/image): every pod is replaced",
                     "pointers": pointers, "objects": []}],
        "changedPointers": pointers, "immutableFields": [], "dependsOn": [],
        "manifest": desired_deployment(app, 1),
    }


def ref(api_version, kind, namespace, name):
    return {"apiVersion": api_version, "kind": kind, "namespace": namespace, "name": name}


def unchanged(nodes, apps, pod_names):
    """What the plan leaves alone: nodes (never applied), and what the controllers own."""
    outside = ("not in the manifests; outside the prune scope: it has no kubectl.kubernetes.io/"
               "last-applied-configuration, so nothing says it was applied from these manifests; "
               "left alone")
    owned = "not in the manifests; owned by %s/%s, whose controller manages it; never pruned"
    rows = [("", "Node", "", node_name(i), ref("v1", "Node", None, node_name(i)), outside)
            for i in range(nodes)]
    for app, rs_name, name in pod_names:
        rows.append(("", "Pod", app.namespace, name, ref("v1", "Pod", app.namespace, name),
                     owned % ("ReplicaSet", rs_name)))
    for app in apps:
        rs_name = "%s-%s" % (app.name, template_hash(app))
        rows.append(("apps", "ReplicaSet", app.namespace, rs_name,
                     ref("apps/v1", "ReplicaSet", app.namespace, rs_name),
                     owned % ("Deployment", app.name)))
    rows.sort(key=lambda row: row[:4])
    return [{"object": row[4], "reason": row[5]} for row in rows]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    with_pods = "--with-pods" in sys.argv[1:]
    if len(args) != 4:
        sys.exit("usage: generate-cluster.py NODES PODS DEPLOYMENTS OUT_DIR [--with-pods]")
    nodes, pods, deployments, out_dir = int(args[0]), int(args[1]), int(args[2]), args[3]
    namespaces = min(10, deployments)
    apps = [App(i, pods // deployments + (1 if i < pods % deployments else 0), namespaces)
            for i in range(deployments)]
    os.makedirs(os.path.join(out_dir, "release"), exist_ok=True)
    serial = 0
    pod_names = []
    with open(os.path.join(out_dir, "cluster.yaml"), "w") as out:
        out.write("apiVersion: v1\nitems:\n")
        for index in range(nodes):
            serial += 1
            out.write(list_item(node(index, serial)))
        for app in apps:
            serial += 1
            out.write(list_item(recorded_deployment(app, serial)))
        for app in apps:
            serial += 1
            out.write(list_item(recorded_replicaset(app, serial)))
        if with_pods:
            # Round-robin over the nodes each pod tolerates, as a spreading scheduler leaves them.
            untainted = [i for i in range(nodes) if not is_tainted(i)]
            cursor = 0
            for app in apps:
                choices = list(range(nodes)) if app.tolerates_batch else untainted
                for ordinal in range(app.replicas):
                    serial += 1
                    pod = recorded_pod(app, ordinal, choices[cursor % len(choices)], serial)
                    cursor += 1
                    out.write(list_item(pod))
                    pod_names.append((app, pod["metadata"]["generateName"][:-1],
                                      pod["metadata"]["name"]))
        out.write("kind: List\nmetadata:\n  resourceVersion: \"\"\n")
    by_namespace = {}
    for app in apps:
        by_namespace.setdefault(app.namespace, []).append(app)
    for namespace, members in sorted(by_namespace.items()):
        with open(os.path.join(out_dir, "release", namespace + ".yaml"), "w") as out:
            for app in members:
                out.write("---\n" + "\n".join(emit(desired_deployment(app, 1), sort=False)) + "\n")
    # Independent updates come in kind, group, namespace and name order.
    ordered = sorted(apps, key=lambda a: (a.namespace, a.name))
    left_alone = unchanged(nodes, apps, pod_names)
    plan = {
        "version": 1, "kind": "BosunPlan", "pruneScope": {"type": "last-applied", "selector": None},
        "summary": {"create": 0, "update": len(apps), "replace": 0, "delete": 0, "unchanged": len(left_alone),
                    "steps": len(apps)},
        "steps": [plan_step(i, app) for i, app in enumerate(ordered)],
        "unchanged": left_alone, "diagnostics": [],
    }
    with open(os.path.join(out_dir, "plan.json"), "w") as out:
        out.write(json.dumps(plan, indent=2, ensure_ascii=False) + "\n")
    print("%d nodes, %d Deployments, %d pods %s; %d plan steps" % (
        nodes, deployments, pods, "recorded" if with_pods else "left out of the recording",
        len(apps)))


if __name__ == "__main__":
    main()
