#!/usr/bin/env python3
"""Corpus floor check: score the release CLI on ../shared/corpus/dev and fail if any metric drops
below the floor recorded in tests/corpus-floor.json (so accuracy can only go up).

    python3 tests/corpus.py            # check
    python3 tests/corpus.py --table    # print the README's accuracy table (markdown)

Skipped, with a message, when ../shared/corpus is absent (a user's clone has no corpus).
Raise a floor by editing tests/corpus-floor.json after an improvement.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus")
BIN = os.path.join(ROOT, "target", "release", "xinwen")


def score(mode):
    out = subprocess.run(
        [sys.executable, os.path.join(CORPUS, "score.py"), os.path.join(CORPUS, "dev"), "--mode", mode, "--json", "--", BIN],
        capture_output=True, text=True, check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    if not os.path.isfile(os.path.join(CORPUS, "score.py")):
        print("corpus check: skipped (../shared/corpus is absent)")
        return 0
    with open(os.path.join(ROOT, "tests", "corpus-floor.json"), encoding="utf-8") as f:
        floors = json.load(f)
    results = {mode: score(mode) for mode in floors}
    if "--table" in sys.argv:
        modes = list(floors)
        print("| metric | " + " | ".join(modes) + " |")
        print("|---|" + "---|" * len(modes))
        for metric in results[modes[0]]:
            if metric in ("pages", "seconds"):
                continue
            print(f"| {metric} | " + " | ".join(f"{results[m].get(metric, '')}" for m in modes) + " |")
        return 0
    passed = failed = 0
    for mode, floor in floors.items():
        for metric, want in floor.items():
            got = results[mode].get(metric, 0.0)
            ok = got >= want
            passed += ok
            failed += not ok
            print(f"corpus {mode:5} {metric:17} {got:.3f} (floor {want:.3f}) {'ok' if ok else 'BELOW FLOOR'}")
    print(f"corpus: {passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
