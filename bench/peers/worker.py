"""One Python peer (trafilatura or GNE) as a line-protocol worker for bench/peers/run.

In:  stdin, one JSON object per line: {"html": "<decoded page>"}.
Out: stdout, first {"ready": true, "version": ...} once the tool is imported and warmed up, then one
     line per request: {"raw": {tool's own fields} or null, "ms": extraction wall time, "error": str or null}.
Rules: only the tool's call is timed (its HTML parsing included, our JSON I/O not); an exception is reported
as an error with raw null, never a crash; the mapping onto xinwen's fields happens in the driver (compare.py).
Run with the venv's python: target/peers-venv/bin/python bench/peers/worker.py trafilatura|gne
"""
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")


def load(tool):
    """Return (extract(html) -> dict of the tool's own fields, version string)."""
    if tool == "trafilatura":
        import trafilatura

        def extract(html):
            # default settings; JSON output with metadata is the tool's documented way to get title/author/date
            out = trafilatura.extract(html, output_format="json", with_metadata=True)
            return json.loads(out) if out else None

        return extract, trafilatura.__version__
    if tool == "gne":
        from importlib.metadata import version

        from gne import GeneralNewsExtractor

        ex = GeneralNewsExtractor()
        return ex.extract, version("gne")
    sys.exit(f"worker: unknown tool {tool!r}")


def main():
    # keep stdout for the protocol: the tools' own prints and logs go to stderr
    out = sys.stdout
    sys.stdout = sys.stderr
    extract, ver = load(sys.argv[1])
    warm = "<html><head><title>t</title></head><body><h1>t</h1><p>" + "正文。" * 50 + "</p></body></html>"
    try:
        extract(warm)
    except Exception:
        pass
    out.write(json.dumps({"ready": True, "version": ver}) + "\n")
    out.flush()
    for line in sys.stdin:
        html = json.loads(line)["html"]
        raw, err = None, None
        t = time.perf_counter()
        try:
            raw = extract(html)
        except Exception as e:  # a page that breaks the tool counts as empty output
            err = f"{type(e).__name__}: {e}"[:300]
        ms = (time.perf_counter() - t) * 1000
        try:
            text = json.dumps({"raw": raw, "ms": ms, "error": err}, ensure_ascii=False, default=str)
        except Exception as e:
            text = json.dumps({"raw": None, "ms": ms, "error": f"unserialisable output: {e}"})
        out.write(text + "\n")
        out.flush()


if __name__ == "__main__":
    main()
