#!/usr/bin/env python3
"""Writes a desired manifest stream and a cluster recording for the diff and plan benchmarks.

Usage: generate-snapshot.py OBJECTS OUT_DIR
Writes OUT_DIR/desired.yaml (OBJECTS objects, from the same applications as generate.py) and
OUT_DIR/snapshot.yaml, shaped like `kubectl get -A -o yaml`: a List holding every desired object
with the fields the server adds (uid, resourceVersion, creationTimestamp, status), plus as many
objects again that the manifests do not hold. Every tenth desired Deployment gets a new image, so
the diff and the plan have real work to do. Deterministic.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from generate import TEMPLATE  # noqa: E402


def documents(app):
    text = TEMPLATE.format(
        i=app, ns=app % 17, r=2 + app % 5, cache=64 * (1 + app % 8), cpu=100 + 50 * (app % 6),
        mem=128 * (1 + app % 4), memlimit=256 * (1 + app % 4))
    return [d for d in text.split("---\n") if d.strip()]


def recorded(doc, serial):
    lines = doc.rstrip("\n").split("\n")
    out = []
    for line in lines:
        out.append(line)
        if line == "metadata:":
            out += ["  uid: 0000%08d-0000-4000-8000-000000000000" % serial,
                    "  resourceVersion: \"%d\"" % (1000 + serial),
                    "  creationTimestamp: \"2026-01-01T00:00:00Z\""]
    out.append("status: {}")
    return "\n".join("  " + l if i else "- " + l for i, l in enumerate(out)) + "\n"


def main():
    objects, out_dir = int(sys.argv[1]), sys.argv[2]
    apps = (objects + 3) // 4
    os.makedirs(out_dir, exist_ok=True)
    serial = 0
    with open(os.path.join(out_dir, "desired.yaml"), "w") as desired, \
            open(os.path.join(out_dir, "snapshot.yaml"), "w") as snapshot:
        snapshot.write("apiVersion: v1\nkind: List\nitems:\n")
        for app in range(2 * apps):
            for doc in documents(app):
                serial += 1
                if app < apps:
                    wanted = doc
                    if app % 10 == 0 and "kind: Deployment" in doc:
                        wanted = doc.replace(":1.%d.0\n" % app, ":1.%d.1\n" % app)
                    desired.write("---\n" + wanted)
                snapshot.write(recorded(doc, serial))
        snapshot.write("metadata:\n  resourceVersion: \"\"\n")


if __name__ == "__main__":
    main()
