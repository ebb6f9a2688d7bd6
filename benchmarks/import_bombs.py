"""What each hostile file of tests/security/hostile_files.py costs the reader: time and peak
memory of services.import_reader.read_document, each in a fresh process (ru_maxrss is per
process).

    .venv/bin/python benchmarks/import_bombs.py                 # this tree
    .venv/bin/python benchmarks/import_bombs.py --code /tmp/old # another tree's reader (e.g. an
                                                                # older commit, from git archive)

The files are built by this tree's tests/security/hostile_files.py either way. One run each, on a
shared machine: the figures are orders of magnitude, not a benchmark to compare decimals.
"""

import argparse
import json
import subprocess  # nosec B404  # runs this interpreter on our own scripts, no shell
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# name: (builder call, file name)
FILES = {
    "docx 312 MB inflated": ("hostile.docx_bomb(312)", "bomb.docx"),
    "docx lying about its size (100 MB)": ("hostile.docx_with_lying_sizes(100)", "lie.docx"),
    "docx with 1,001 members": ("hostile.docx_with_members(1_001)", "many.docx"),
    "pdf 12 pages sharing one content stream": ("hostile.pdf_shared_content()", "shared.pdf"),
    "pdf one form drawn 4,000 times": ("hostile.pdf_form_fanout()", "fanout.pdf"),
    "pdf forms drawing forms (300 x 300)": ("hostile.pdf_nested_forms()", "nested.pdf"),
    "pdf 5,000 pages": ("hostile.pdf_many_pages()", "pages.pdf"),
}

CHILD = """
import json, resource, sys, time
sys.path[:0] = [{code!r}, {root!r}]
from tests.security import hostile_files as hostile
data = {builder}
from services.importing import reader as import_reader
start = time.perf_counter()
try:
    source = import_reader.read_document(data, {name!r})
    outcome = f"read: {{len(source.text):,}} characters"
except Exception as err:
    outcome = f"refused: {{err}}"
print(json.dumps({{"bytes": len(data), "seconds": round(time.perf_counter() - start, 2),
                   "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024,
                   "outcome": outcome}}))
"""


def measure(code: Path, timeout: float) -> dict[str, dict]:
    results = {}
    for label, (builder, name) in FILES.items():
        script = CHILD.format(code=str(code), root=str(ROOT), builder=builder, name=name)
        try:
            out = subprocess.run(  # nosec B603  # this interpreter on a script written above
                [sys.executable, "-c", script],
                capture_output=True,
                text=True,
                timeout=timeout,
                cwd=code,
            )
            results[label] = json.loads(out.stdout.strip().splitlines()[-1])
        except subprocess.TimeoutExpired:
            results[label] = {"seconds": f"> {timeout:.0f}", "outcome": "stopped: still reading"}
        print(f"{label}: {results[label]}", flush=True)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", type=Path, default=ROOT, help="the tree whose reader to run")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per file")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    results = measure(args.code.resolve(), args.timeout)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
