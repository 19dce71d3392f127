#!/usr/bin/env python3
"""Compare Bosun's schema verdicts with those of the kubernetes-validate package.

For every document of a built-in Kubernetes kind found under fixtures/ (and ../shared/corpus when it
exists), this asks both tools "is this valid for Kubernetes 1.X?", in normal and in strict mode, and
writes the result to docs/schema-agreement.md. Every disagreement gets a reason; the exit status is
1 when any disagreement is unexplained or is a known Bosun bug, so the script can gate CI.

Usage: python3 ci/schema-agreement.py [--versions 1.25,1.31,1.37] [--bosun PATH] [--no-corpus]
                                      [--input PATH ...] [--no-probes]
                                      [--output docs/schema-agreement.md]

Besides the files, a few probe objects defined below (PROBES) are always checked: they pin the
known ways the two tools part (enums, formats, YAML 1.1 readings) and any known Bosun bug.

kubernetes-validate is installed from PyPI into a throw-away virtual environment in a temporary
folder, which is removed at the end. The same file runs a second time inside that environment
(`--worker`) to parse the inputs with PyYAML and ask kubernetes-validate for its verdicts.
Documentation: docs/schema-agreement.md.
"""

import argparse
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PACKAGE = "kubernetes-validate"
PACKAGE_VERSION = "1.37.0"
DEFAULT_VERSIONS = ["1.%d" % minor for minor in range(25, 38)]  # every bundled version
EXTENSIONS = (".yaml", ".yml", ".json")
# Plain scalars that go-yaml v2 (resolve.go, `yamlStyleFloat`) reads as floats.
GO_YAML_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

# Disagreements that were looked into by hand and that the rules in `classify` do not cover. Each
# entry matches by file (a suffix of the path), the object's "Kind/name" and optionally `checks`,
# a list such as ["1.25", "1.25 strict"]; `reason` starts with "explained: their bug." or
# "explained: their gap." (nothing to do in Bosun) or "Bosun bug:" (still to be fixed; fails the run).
# Example: {"file": "x/pod.yaml", "object": "Pod/web", "reason": "explained: their gap. ..."}
FINDINGS = []

BOSUN_WHOLE_FLOAT = (
    "Bosun bug: an integer field (int32/int64) written as a float with no fractional part (`30.0`, "
    "`1e3`, `1.0e3`) is a `schema.type` error (\"expected an integer, found the number 30.0\"), "
    "but kubectl and Helm send it as an integer and the API server accepts it: go-yaml v2 "
    "(resolve.go) reads the scalar as float64, sigs.k8s.io/yaml's YAMLToJSON keeps that float64 "
    "when it has no typed target, and encoding/json writes float64(30) as `30`. Expected: "
    "accept such a number in an integer field, with the int32/int64 range check on its value; "
    "keep the error for a real fraction (`1.5`).")

# Cases where the two readers of YAML, or the two validators, are known to part ways. They are
# checked on every run beside the real inputs (shown as `probes.yaml`), so each reason in the
# report is backed by an object that shows it, and a Bosun fix shows up as fewer disagreements.
PROBES = """\
# Port protocols are an enum in the Go API types; the JSON schemas have no enum.
apiVersion: v1
kind: Pod
metadata: {name: enum-protocol-lowercase}
spec:
  containers: [{name: a, image: nginx, ports: [{containerPort: 80, protocol: tcp}]}]
---
# A whole-number float in an integer field: go-yaml reads float64(30), JSON carries 30.
apiVersion: v1
kind: Pod
metadata: {name: whole-float-integer-field}
spec:
  terminationGracePeriodSeconds: 30.0
  containers: [{name: a, image: nginx}]
---
# Same, written with an exponent: go-yaml reads 1000.0; PyYAML (YAML 1.1) reads a string.
apiVersion: v1
kind: Pod
metadata: {name: exponent-integer-field}
spec:
  activeDeadlineSeconds: 1e3
  containers: [{name: a, image: nginx}]
---
# A plain y is a boolean for go-yaml, a string for PyYAML.
apiVersion: v1
kind: ConfigMap
metadata: {name: yes-no-string-field}
data: {answer: y}
---
# An unquoted timestamp is a string for go-yaml (into interface{}), a date for PyYAML.
apiVersion: v1
kind: ConfigMap
metadata:
  name: timestamp-string-field
  annotations: {built: 2024-01-01T00:00:00Z}
---
# YAML 1.1 base-60: PyYAML reads 90, go-yaml keeps the string "1:30".
apiVersion: v1
kind: Pod
metadata: {name: sexagesimal-integer-field}
spec:
  terminationGracePeriodSeconds: 1:30
  containers: [{name: a, image: nginx}]
---
# Two containers with the same name: a list-map key; the JSON schemas cannot say "unique".
apiVersion: v1
kind: Pod
metadata: {name: duplicate-container-name}
spec:
  containers: [{name: a, image: nginx}, {name: a, image: redis}]
---
# Formats the JSON schemas name but jsonschema does not check: Quantity, int32, base64.
apiVersion: v1
kind: Pod
metadata: {name: format-quantity-int32}
spec:
  containers:
  - name: a
    image: nginx
    resources: {limits: {memory: 1GB}}
    ports: [{containerPort: 4294967296}]
---
apiVersion: v1
kind: Secret
metadata: {name: format-base64}
data: {key: "not base64!"}
---
# Outside int64.
apiVersion: v1
kind: Pod
metadata: {name: int64-overflow}
spec:
  activeDeadlineSeconds: 99999999999999999999
  containers: [{name: a, image: nginx}]
"""


# MARK: - Inputs


def input_files(include_corpus, inputs):
    """Relative paths of the files to check, sorted, hidden entries skipped (as Bosun does)."""
    roots = ["fixtures"]
    if include_corpus and os.path.isdir(os.path.join(ROOT, "..", "shared", "corpus")):
        roots.append(os.path.join("..", "shared", "corpus"))
    if inputs:
        roots = [os.path.relpath(os.path.abspath(path), ROOT) for path in inputs]
    files = []
    for root in roots:
        for folder, dirs, names in os.walk(os.path.join(ROOT, root)):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(names):
                if name.startswith(".") or not name.endswith(EXTENSIONS):
                    continue
                files.append(os.path.relpath(os.path.join(folder, name), ROOT))
    return roots, sorted(files)


# MARK: - Worker: runs inside the virtual environment


def worker(manifest_path, result_path):
    """Parses every file with PyYAML and records kubernetes-validate's verdicts."""
    import functools
    import multiprocessing

    import kubernetes_validate
    import kubernetes_validate.utils as kv_utils
    import yaml

    with open(manifest_path) as f:
        manifest = json.load(f)
    # Loading the multi-megabyte _definitions.json once per version instead of once per call is
    # only a speed-up: the parsed schemas are never modified.
    kv_utils.schema_contents = functools.lru_cache(maxsize=None)(kv_utils.schema_contents)

    groups = builtin_groups(kv_utils)
    documents = []
    parse_failures = []
    for path in manifest["files"]:
        docs, failures = parse_file(yaml, os.path.join(ROOT, path))
        for doc in docs:
            doc["file"] = path
        documents.extend(docs)
        parse_failures.extend({"file": path, **failure} for failure in failures)

    for doc in documents:
        doc["builtin"] = is_builtin(doc, groups)
    jobs = [(i, version, strict) for i, doc in enumerate(documents) if doc["builtin"]
            for version in manifest["versions"] for strict in (False, True)]
    global _DOCUMENTS
    _DOCUMENTS = documents
    with multiprocessing.Pool() as pool:
        for i, version, strict, verdict in pool.imap_unordered(_kv_verdict, jobs, chunksize=16):
            documents[i].setdefault("kv", {})[verdict_key(version, strict)] = verdict
    for doc in documents:
        doc.pop("data", None)
    with open(result_path, "w") as f:
        json.dump({"packageVersion": kubernetes_validate.__version__, "documents": documents,
                   "parseFailures": parse_failures}, f)


_DOCUMENTS = []


def _kv_verdict(job):
    import kubernetes_validate

    i, version, strict = job
    data = _DOCUMENTS[i]["data"]
    try:
        kubernetes_validate.validate(data, version, strict=strict)
        return i, version, strict, {"valid": True, "message": None}
    except kubernetes_validate.ValidationError as error:
        path = "/" + "/".join(str(p) for p in error.absolute_path)
        return i, version, strict, {"valid": False, "pointer": path if path != "/" else "",
                                    "message": error.message[:400]}
    except kubernetes_validate.SchemaNotFoundError:
        return i, version, strict, {"valid": False, "noSchema": True, "pointer": "",
                                    "message": "no schema for this apiVersion/kind in %s" % version}
    except Exception as error:  # a crash inside kubernetes-validate is a verdict of its own
        return i, version, strict, {"valid": None, "pointer": "",
                                    "message": "%s: %s" % (type(error).__name__, str(error)[:300])}


def builtin_groups(kv_utils):
    """API groups that some bundled Kubernetes version serves, plus `extensions` (gone by 1.25)."""
    groups = {"extensions"}
    for version in kv_utils.all_versions():
        defs = kv_utils.schema_contents(
            "kubernetes-json-schema/v%s-local/_definitions.json" % version, version)
        for definition in defs.get("$defs", {}).values():
            for gvk in definition.get("x-kubernetes-group-version-kind", []):
                groups.add(gvk["group"])
    return groups


def is_builtin(doc, groups):
    """An object of a built-in API group: Kubernetes itself serves it, or refuses it."""
    api = doc["apiVersion"]
    return bool(api and doc["kind"]) and (api.split("/")[0] if "/" in api else "") in groups


def parse_file(yaml, path):
    """Objects of one file as (line, data) in document order; List items expanded like Bosun.

    Uses PyYAML's SafeLoader, as kubernetes-validate's own command line does. A file that PyYAML
    cannot parse as a whole is retried one `---` section at a time, so the other documents still
    count; the sections it still cannot parse are returned as failures.
    """
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        return parse_stream(yaml, text), []
    except yaml.YAMLError:
        pass
    docs, failures = [], []
    lines = text.splitlines(keepends=True)
    starts = [0] + [n for n, line in enumerate(lines) if re.match(r"---(\s|$)", line) and n > 0]
    for start, end in zip(starts, starts[1:] + [len(lines)]):
        chunk = "".join(lines[start:end])
        try:
            docs.extend(parse_stream(yaml, "\n" * start + chunk))
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            failures.append({"line": (mark.line + 1) if mark else start + 1,
                             "message": str(getattr(error, "problem", error))})
    return docs, failures


def parse_stream(yaml, text):
    class Loader(yaml.SafeLoader):
        pass

    # A scalar `=` is the YAML 1.1 "value" key type; read it as the plain string it is.
    Loader.add_constructor("tag:yaml.org,2002:value",
                           lambda loader, node: loader.construct_scalar(node))
    loader = Loader(text)
    docs = []
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            data = loader.construct_document(node)
            docs.extend(objects_of(loader, node, data))
    finally:
        loader.dispose()
    return docs


def objects_of(loader, node, data):
    def describe(node, data):
        if not isinstance(data, dict):
            return None
        meta = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
        name = meta.get("name") or (str(meta.get("generateName")) + "*"
                                    if meta.get("generateName") else "")
        return {"line": node.start_mark.line + 1, "apiVersion": str(data.get("apiVersion", "")),
                "kind": str(data.get("kind", "")), "name": str(name),
                "notes": scalar_notes(loader, node, "", {}), "data": data}

    if data is None:
        return []
    if (isinstance(data, dict) and str(data.get("kind", "")).endswith("List")
            and isinstance(data.get("items"), list)):
        items_node = next((v for k, v in node.value if k.value == "items"), None)
        found = []
        for item_node, item in zip(items_node.value, data["items"]):
            doc = describe(item_node, item)
            if doc:
                doc["listItem"] = True
                found.append(doc)
        return found
    doc = describe(node, data)
    return [doc] if doc else []


def scalar_notes(loader, node, pointer, notes):
    """Plain scalars that PyYAML and Kubernetes' YAML reader (go-yaml v2) read differently, or
    that need a closer look, as {pointer: note}: "date" (PyYAML: a date; Kubernetes: a string),
    "yes-no" (y/n; PyYAML: a string; Kubernetes: a boolean), "sexagesimal" (1:30; PyYAML: 90;
    Kubernetes: a string), "whole-float" (30.0, a float without fraction) and "big-int" (outside
    int64)."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.tag != "tag:yaml.org,2002:merge":
                scalar_notes(loader, value, pointer + "/" + str(key.value).replace(
                    "~", "~0").replace("/", "~1"), notes)
    elif isinstance(node, yaml.SequenceNode):
        for n, value in enumerate(node.value):
            scalar_notes(loader, value, "%s/%d" % (pointer, n), notes)
    elif node.style is None:
        tag, text = node.tag.rsplit(":", 1)[-1], node.value
        if tag == "timestamp":
            notes[pointer] = "date"
        elif tag == "str" and text in ("y", "Y", "n", "N"):
            notes[pointer] = "yes-no"
        elif (tag == "str" and GO_YAML_FLOAT.match(text.replace("_", ""))
              and float(text.replace("_", "")).is_integer()):
            notes[pointer] = "whole-float"  # go-yaml reads a float; PyYAML a string
        elif tag in ("int", "float") and ":" in text:
            notes[pointer] = "sexagesimal"
        elif tag == "float" and loader.construct_yaml_float(node).is_integer():
            notes[pointer] = "whole-float"
        elif tag == "int" and not -2**63 <= loader.construct_yaml_int(node) < 2**63:
            notes[pointer] = "big-int"
    return notes


def verdict_key(version, strict):
    return "%s%s" % (version, " strict" if strict else "")


# MARK: - Bosun


def build_bosun():
    subprocess.run(["swift", "build", "-c", "release", "--product", "bosun"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    bin_path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT,
                              check=True, capture_output=True, text=True).stdout.strip()
    return os.path.join(bin_path, "bosun")


def bosun_verdicts(bosun, files, version, strict, work):
    out = os.path.join(work, "bosun.json")
    command = [bosun, "check", *files, "--no-rules", "--no-config", "--kubernetes-version", version,
               "--format", "json", "--allow-empty", "-o", out]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if result.returncode not in (0, 1, 2) or not os.path.exists(out):
        sys.exit("bosun failed (exit %d): %s" % (result.returncode, result.stderr[-2000:]))
    with open(out) as f:
        report = json.load(f)
    os.remove(out)
    diagnostics = report["diagnostics"]
    objects = {}
    for obj in report["objects"]:
        found = [diagnostics[i] for i in obj["diagnostics"]]
        objects[(obj["file"], obj["line"])] = {"status": obj["status"], "diagnostics": found}
    unparsed = [d for d in diagnostics if d["code"].startswith("yaml.") and d["severity"] == "error"
                and d["code"] != "yaml.duplicate-key" and d["object"] is None]
    return objects, unparsed


def schema_errors(diagnostics):
    return [d for d in diagnostics if d["severity"] == "error" and d["code"].startswith("schema.")]


# MARK: - Comparison


def classify(doc, kv, errors, key):
    """A reason for a disagreement, or "unexplained"."""
    for finding in FINDINGS:
        if (doc["file"].endswith(finding["file"]) and finding["object"] == display(doc)
                and key in finding.get("checks", [key])):
            return finding["reason"]
    codes = {e["code"] for e in errors}
    notes = [doc["notes"].get(e["pointer"]) for e in errors]
    if kv["valid"] and codes and codes <= {"schema.enum"}:
        return ("explained: their gap. The upstream JSON schemas carry no enum constraints; API "
                "validation rejects the value (" + ", ".join(
                    "`%s`" % e["pointer"] for e in errors) + ")")
    if kv["valid"] and codes and codes <= {"schema.range", "schema.format"}:
        return ("explained: their gap. jsonschema checks no `format` (int32/int64 ranges, "
                "Quantity, base64 `byte`, date-time) unless asked to; the API server does")
    if kv["valid"] and codes and codes <= {"schema.duplicate-list-key"}:
        return ("explained: their gap. JSON schema cannot express `x-kubernetes-list-map-keys` "
                "uniqueness; API validation rejects the duplicate (" + ", ".join(
                    "`%s`" % e["pointer"] for e in errors) + ")")
    if kv["valid"] and codes and all(note == "big-int" for note in notes):
        return ("explained: their gap. jsonschema checks no int64 range; the API server cannot "
                "decode the number into its int64 field")
    if kv["valid"] and codes and all(note == "sexagesimal" for note in notes):
        return ("explained: their bug. PyYAML reads `1:30` as the base-60 integer 90 (YAML 1.1); "
                "Kubernetes' YAML reader (go-yaml v2) does not support base 60 and keeps the "
                "string, which the API server rejects for a number field")
    if kv["valid"] and codes and all(note == "yes-no" for note in notes):
        return ("explained: their bug. PyYAML reads a plain `y`/`n` as a string, but Kubernetes' "
                "YAML reader (go-yaml v2, forked in sigs.k8s.io/yaml) resolves y, Y, n and N to "
                "booleans, so the API server receives a boolean where it wants a string")
    if kv["valid"] is False and not errors and doc["notes"].get(kv.get("pointer")) == "date":
        return ("explained: their bug. PyYAML reads the unquoted timestamp at `%s` as a date, "
                "which fails `type: string`; Kubernetes' YAML reader (go-yaml v2, forked in "
                "sigs.k8s.io/yaml) keeps timestamp-like scalars as strings when decoding into an "
                "untyped value" % kv["pointer"])
    if kv["valid"] is False and not errors and doc["notes"].get(kv.get("pointer")) == "whole-float":
        return ("explained: their bug. PyYAML reads the value at `%s` (an exponent without a "
                "decimal point) as a string, which fails `type: integer`; Kubernetes' YAML reader "
                "(go-yaml v2) reads it as a whole float, which kubectl sends as an integer and the "
                "API server accepts" % kv["pointer"])
    if kv["valid"] and codes == {"schema.type"} and all(note == "whole-float" for note in notes):
        return (BOSUN_WHOLE_FLOAT + " Here: " + ", ".join(
            "`%s`" % e["pointer"] for e in errors))
    return "unexplained"


def display(doc):
    return "%s/%s" % (doc["kind"], doc["name"] or "<unnamed>")


def compare(documents, bosun_runs, versions):
    rows, disagreements, different = [], [], []
    for version in versions:
        for strict in (False, True):
            key = verdict_key(version, strict)
            objects = bosun_runs[key][0]
            compared = agreeing = missing = bosun_invalid = kv_invalid = 0
            for doc in documents:
                if not doc["builtin"]:
                    continue
                bosun = objects.get((doc["file"], doc["line"]))
                if bosun is None or bosun["status"] == "error":
                    missing += 1
                    continue
                kv = doc["kv"][key]
                errors = schema_errors(bosun["diagnostics"])
                compared += 1
                bosun_invalid += bool(errors)
                kv_invalid += kv["valid"] is False
                if kv["valid"] == (not errors):
                    agreeing += 1
                    masked = [e["pointer"] for e in errors if e["code"] == "schema.type"
                              and doc["notes"].get(e["pointer"]) == "whole-float"]
                    if masked:
                        different.append({"doc": doc, "key": key, "kv": kv, "errors": errors,
                                          "reason": "Bosun bug (whole-number float, under "
                                          "Bosun bugs) hidden by their bug: PyYAML reads `%s` as a "
                                          "string" % ", ".join(masked)})
                    elif errors and not any(related(kv.get("pointer", ""), e["pointer"] or "")
                                            for e in errors):
                        different.append({"doc": doc, "key": key, "kv": kv, "errors": errors,
                                          "reason": "different finding"})
                    continue
                reason = classify(doc, kv, errors, key)
                disagreements.append({"doc": doc, "key": key, "kv": kv, "errors": errors,
                                      "reason": reason})
            rows.append({"key": key, "compared": compared, "agreeing": agreeing,
                         "disagreeing": compared - agreeing, "missing": missing,
                         "bosunInvalid": bosun_invalid, "kvInvalid": kv_invalid})
    return rows, disagreements, different


def related(a, b):
    """True when one pointer is the other or inside it."""
    return a == b or a.startswith(b + "/") or b.startswith(a + "/")


# MARK: - Report


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def bosun_says(d):
    return "; ".join("`%s` `%s`: %s" % (e["code"], e["pointer"] or "/", e["message"])
                     for e in d["errors"]) or "(no schema error)"


def kv_says(kv):
    return "`%s`: %s" % (kv.get("pointer") or "/", kv["message"]) if kv["message"] else ""


def grouped(entries, versions):
    """Entries of the same object with the same verdicts and messages, with their checks."""
    groups = {}
    for d in entries:
        messages = (bosun_says(d), kv_says(d["kv"]), d.get("reason"))
        key = (d["doc"]["file"], d["doc"]["index"], messages)
        groups.setdefault(key, {"first": d, "keys": []})["keys"].append(d["key"])
    for group in groups.values():
        parts = []
        for mode, suffix in (("normal", ""), ("strict", " strict")):
            found = [v for v in versions if verdict_key(v, mode == "strict") in group["keys"]]
            if found:
                parts.append("%s %s" % (mode, version_ranges(found, versions)))
        group["checks"] = "; ".join(parts)
    return sorted(groups.values(), key=lambda g: (g["first"]["doc"]["file"],
                                                 g["first"]["doc"]["index"]))


def version_ranges(found, versions):
    """"1.25–1.29, 1.31" for consecutive runs within the checked versions."""
    runs, previous = [], None
    for version in versions:
        if version in found:
            if previous is not None and versions.index(version) == previous + 1 and runs:
                runs[-1][1] = version
            else:
                runs.append([version, version])
            previous = versions.index(version)
    return ", ".join(a if a == b else "%s–%s" % (a, b) for a, b in runs)


def write_report(path, meta, rows, disagreements, different, documents, parse_failures,
                 bosun_runs):
    builtin = [d for d in documents if d["builtin"]]
    skipped = [d for d in documents if not d["builtin"]]
    out = []
    w = out.append
    w("# Schema agreement with kubernetes-validate")
    w("")
    w("Generated by `python3 ci/schema-agreement.py` on %s with `%s` %s (PyPI), which bundles the "
      "upstream OpenAPI-derived JSON schemas for Kubernetes 1.25 to 1.37. Do not edit by hand: "
      "findings that were looked into live in the script's `FINDINGS` table." %
      (meta["date"], PACKAGE, meta["packageVersion"]))
    w("")
    w("## Running it")
    w("")
    w("```sh")
    w("python3 ci/schema-agreement.py                       # fixtures/ and ../shared/corpus, 1.25-1.37")
    w("python3 ci/schema-agreement.py --versions 1.25,1.31,1.37 --bosun path/to/bosun")
    w("```")
    w("")
    w("It needs python3 with `venv`, a Swift toolchain (it builds `bosun` in release mode unless "
      "`--bosun` is given) and access to PyPI. It installs `%s==%s` into a virtual environment in "
      "a temporary folder and removes it at the end. Exit status: 0 when every disagreement is "
      "explained as a bug or gap on kubernetes-validate's side; 1 when any is unexplained or is "
      "a known Bosun bug (listed under [Bosun bugs](#bosun-bugs)). `--input DIR` (repeatable) "
      "checks other folders instead; `--no-probes` leaves out the probe objects; `--output "
      "FILE` writes the report elsewhere." % (PACKAGE, PACKAGE_VERSION))
    w("")
    w("## What is compared")
    w("")
    w("- Inputs: %s: %d files, %d objects (%d of them List items, expanded as Bosun does)." %
      (", ".join("`%s`" % r for r in meta["roots"]), meta["files"], len(documents),
       sum(1 for d in documents if d.get("listItem"))))
    w("- Compared: the %d objects of a built-in API group (the core group, or a group that "
      "some bundled version serves, or `extensions`), whether or not the checked version "
      "serves their apiVersion/kind. Skipped: %d custom resources and other objects of groups "
      "with no upstream schema." %
      (len(builtin), len(skipped)))
    w("- Bosun: `bosun check FILES --no-rules --no-config --kubernetes-version V [--strict] "
      "--format json --allow-empty`. An object is invalid when it has an error-severity "
      "diagnostic whose code starts with `schema.`; other codes (`yaml.*`, `object.*`) are "
      "ignored.")
    w("- kubernetes-validate: `kubernetes_validate.validate(object, V, strict=...)` on the object "
      "as PyYAML's SafeLoader reads it (as its own command line does). It reports the first "
      "error only. A built-in apiVersion/kind with no schema in V (not served by V) counts as "
      "invalid, as the API server would refuse it; Bosun says `schema.removed-api` or "
      "`schema.unserved-api` there.")
    w("- `probes.yaml` holds the probe objects defined in the script (`PROBES`): one per known "
      "way the two tools part, so every kind of reason below is shown by an object.")
    w("- YAML: Kubernetes reads manifests with go-yaml v2 (forked in sigs.k8s.io/yaml), PyYAML "
      "differs on a few YAML 1.1 scalars (`y`/`n`, unquoted timestamps, base-60 `1:30`, "
      "`1e3`). The script notes those scalars and names the reader difference as the reason "
      "when it explains a disagreement.")
    w("- Objects are matched by file and the line where the object starts. Objects Bosun could "
      "not read (status `error`) are left out of the comparison and listed below.")
    w("")
    w("## Result")
    w("")
    w("| version, mode | compared | invalid (Bosun) | invalid (kubernetes-validate) | agreeing "
      "| disagreeing | not read by Bosun |")
    w("|---|---:|---:|---:|---:|---:|---:|")
    for row in rows:
        w("| %s | %d | %d | %d | %d | %d | %d |" % (
            row["key"] if "strict" in row["key"] else row["key"] + " normal", row["compared"],
            row["bosunInvalid"], row["kvInvalid"], row["agreeing"], row["disagreeing"],
            row["missing"]))
    w("")
    counts = {}
    for d in disagreements:
        kind = d["reason"].split(":")[0] if d["reason"] != "unexplained" else "unexplained"
        counts[kind] = counts.get(kind, 0) + 1
    real = {(d["doc"]["file"], d["doc"]["index"]) for d in disagreements
            if d["doc"]["file"] != "probes.yaml"}
    w("Objects outside `probes.yaml` that disagree in at least one check: %d." % len(real))
    w("")
    w("Disagreements (object × check) by reason: %s." % (", ".join("%s %d" % (k, v) for k, v in sorted(
        counts.items())) or "none"))
    w("")
    w("## Disagreements")
    w("")
    if not disagreements:
        w("None.")
    else:
        w("One row per object and pair of verdicts; *checks* lists the versions and modes where "
          "they disagree. *doc* is the object's 0-based index in its file (List items counted).")
        w("")
        w("| file | doc | object | checks | Bosun | Bosun says | kubernetes-validate | it says "
          "| reason |")
        w("|---|---:|---|---|---|---|---|---|---|")
        for group in grouped(disagreements, meta["versions"]):
            d = group["first"]
            doc, kv = d["doc"], d["kv"]
            kv_verdict = {True: "valid", False: "invalid", None: "crashed"}[kv["valid"]]
            w("| `%s` | %d | %s | %s | %s | %s | %s | %s | %s |" % (
                doc["file"], doc["index"], cell(display(doc)), group["checks"],
                "invalid" if d["errors"] else "valid", cell(bosun_says(d)), kv_verdict,
                cell(kv_says(kv)), cell(d["reason"])))
    w("")
    w("## Same verdict, different finding")
    w("")
    w("Both say invalid, but kubernetes-validate's (first) error is not at, inside or above any "
      "pointer of Bosun's schema errors, or a known Bosun bug is hidden by a bug on their side. "
      "Not counted as disagreements; listed so that a finding one tool misses does not hide "
      "behind another.")
    w("")
    groups = grouped(different, meta["versions"])
    if not groups:
        w("None.")
    else:
        w("| file | doc | object | checks | Bosun says | kubernetes-validate says | note |")
        w("|---|---:|---|---|---|---|---|")
        for group in groups:
            d = group["first"]
            w("| `%s` | %d | %s | %s | %s | %s | %s |" % (
                d["doc"]["file"], d["doc"]["index"], cell(display(d["doc"])), group["checks"],
                cell(bosun_says(d)), cell(kv_says(d["kv"])), cell(d["reason"])))
    w("")
    w("## Bosun bugs")
    w("")
    bugs = sorted({d["reason"].split(" Here: ")[0] for d in disagreements
                   if d["reason"].startswith("Bosun bug")}
                  | ({BOSUN_WHOLE_FLOAT} if any(d["reason"].startswith("Bosun bug")
                                              for d in different) else set()))
    for bug in bugs:
        w("- " + bug[len("Bosun bug: "):])
    if not bugs:
        w("None found.")
    w("")
    w("## Documents that could not be parsed")
    w("")
    w("Bosun reports these with a `yaml.*` error and checks nothing in them; they are not part of "
      "the comparison.")
    w("")
    unparsed = {}
    for key, (_, diags) in bosun_runs.items():
        for d in diags:
            unparsed[(d["file"], d["line"], d["code"])] = d["message"]
    if unparsed:
        w("| file | line | Bosun |")
        w("|---|---:|---|")
        for (file, line, code), message in sorted(unparsed.items()):
            w("| `%s` | %s | `%s` %s |" % (file, line, code, cell(message)))
    else:
        w("None.")
    if parse_failures:
        w("")
        w("PyYAML's SafeLoader (which kubernetes-validate's own command line uses) could not parse "
          "these sections, so kubernetes-validate never saw their objects:")
        w("")
        rejected = {file for (file, _, _) in unparsed}
        for f in parse_failures:
            note = ("Bosun rejects it too" if f["file"] in rejected else
                    "Bosun reads it: YAML allows a tab as white space where it is not indentation "
                    "(after a value, or inside `{}` and `[]` as in JSON), and libyaml, which "
                    "go-yaml (Kubernetes' YAML parser) ports, accepts it")
            w("- `%s` line %d: %s. %s." % (f["file"], f["line"], f["message"], note))
    w("")
    with open(path, "w") as f:
        f.write("\n".join(out))


# MARK: - Main


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--versions", default=",".join(DEFAULT_VERSIONS),
                        help="comma-separated Kubernetes versions (default: %(default)s)")
    parser.add_argument("--bosun", help="use this bosun binary instead of building one")
    parser.add_argument("--no-corpus", action="store_true", help="check fixtures/ only")
    parser.add_argument("--input", action="append",
                        help="check this folder instead of fixtures/ and the corpus (repeatable)")
    parser.add_argument("--output", default="docs/schema-agreement.md")
    parser.add_argument("--no-probes", action="store_true",
                        help="leave out the probe objects defined in this script")
    parser.add_argument("--worker", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker)
        return 0

    versions = [v.strip() for v in args.versions.split(",") if v.strip()]
    roots, files = input_files(not args.no_corpus, args.input)
    work = tempfile.mkdtemp(prefix="schema-agreement-")
    probes = os.path.join(work, "probes.yaml")
    if not args.no_probes:
        with open(probes, "w") as f:
            f.write(PROBES)
        files.append(probes)
        roots.append("probes.yaml (in this script)")
    bosun = os.path.abspath(args.bosun) if args.bosun else build_bosun()

    try:
        bosun_runs = {}
        for version in versions:
            for strict in (False, True):
                bosun_runs[verdict_key(version, strict)] = bosun_verdicts(
                    bosun, files, version, strict, work)

        venv = os.path.join(work, "venv")
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        python = os.path.join(venv, "bin", "python")
        subprocess.run([python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                        "%s==%s" % (PACKAGE, PACKAGE_VERSION)], check=True)
        manifest = os.path.join(work, "manifest.json")
        result = os.path.join(work, "result.json")
        with open(manifest, "w") as f:
            json.dump({"files": files, "versions": versions}, f)
        subprocess.run([python, os.path.abspath(__file__), "--worker", manifest, result],
                       cwd=ROOT, check=True)
        with open(result) as f:
            kv = json.load(f)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    documents = kv["documents"]
    per_file = {}
    for doc in documents:
        doc["index"] = per_file.get(doc["file"], 0)
        per_file[doc["file"]] = doc["index"] + 1
    rows, disagreements, different = compare(documents, bosun_runs, versions)
    for doc in documents:  # the probes' temporary folder is gone; name them by the file alone
        if doc["file"] == probes:
            doc["file"] = "probes.yaml"
    meta = {"date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d"),
            "packageVersion": kv["packageVersion"], "roots": roots, "files": len(files),
            "versions": versions}
    write_report(os.path.join(ROOT, args.output), meta, rows, disagreements, different, documents,
                 kv["parseFailures"], bosun_runs)

    for row in rows:
        print("%-12s compared %5d  invalid %4d/%4d  agreeing %5d  disagreeing %4d" % (
            row["key"], row["compared"], row["bosunInvalid"], row["kvInvalid"], row["agreeing"],
            row["disagreeing"]))
    failing = [d for d in disagreements
               if d["reason"] == "unexplained" or d["reason"].startswith("Bosun bug")]
    print("%d disagreements, %d unexplained or Bosun bugs; report: %s" % (
        len(disagreements), len(failing), args.output))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
