#!/usr/bin/env python3
"""Score xinwen beside trafilatura, GNE and Readability on the dev corpus, in one run.

In:  the corpus (../shared/corpus/dev), target/release/xinwen, the peers' workers (worker.py under the
     peers' venv, worker.mjs under node with the peers' npm folder); bench/peers/run sets all of these up.
Out: per-tool JSON Lines {id, mode, output} in the output folder (target/peers-out), scored by the corpus's
     own score.py (--results); one markdown table (metrics x tools, a row group per mode, with each tool's
     time per page) printed and written to bench/peers/RESULTS.md.
Rules:
- the pages are those score.py scores (kind "article", with the mode's input file);
- peers read HTML: in text and nfkc modes each non-blank line becomes one escaped <p> in a minimal document;
  in html mode the page is decoded (BOM, UTF-8, the declared charset, else GB18030) and given as a string;
- the peers' fields map onto xinwen's plainly: title; author / byline -> authors, split on common separators
  only; date / publish_time / publishedTime -> published, rewritten to ISO 8601 when it is a plain date-time;
  text / content / textContent -> body, one paragraph per line; source, editors, breadcrumb stay empty;
- time per page is the wall time of the extraction only: inside the worker around the tool's call for peers,
  the whole CLI run divided by the pages for xinwen (so xinwen's includes process start and file reading);
- a page that crashes a peer, or outlasts the per-page timeout, counts as empty output (and the timeout as its
  time); the worker is restarted and the run goes on. Python 3 standard library only;
- field coverage (html mode): for each field beyond the scored ones (lead image, body images, description, tags,
  category, URL, language, site), the share of pages where each tool returns a value, as the tool names it
  (see COVERAGE); and how often xinwen agrees with trafilatura (image, description, tags) and GNE (body image
  URLs) where both return one.
"""
import argparse
import datetime
import html as htmlmod
import json
import os
import re
import select
import shlex
import subprocess
import sys
import time

MODES = {"html": "page.html", "text": "page.txt", "nfkc": "page.nfkc.txt"}
TOOLS = ["xinwen", "trafilatura", "gne", "readability"]
METRICS = ["title", "authors", "authors_found", "source", "source_found", "published_day", "published",
           "published_found", "editors", "editors_found", "breadcrumb", "breadcrumb_found", "body_start",
           "body_end", "body_with", "body_clean", "body_f1"]


def decode(data):
    """Page bytes -> str: BOM, then strict UTF-8, then the declared charset, then GB18030."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = re.search(rb"""charset\s*=\s*["']?([\w-]+)""", data[:4096], re.I)
    if m:
        try:
            return data.decode(m.group(1).decode("ascii"), "replace")
        except LookupError:
            pass
    return data.decode("gb18030", "replace")


def text_to_html(text):
    """Plain page text -> a minimal HTML document, one escaped <p> per non-blank line."""
    paras = "\n".join(f"<p>{htmlmod.escape(l.strip())}</p>" for l in text.splitlines() if l.strip())
    return f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title></title></head><body>\n{paras}\n</body></html>\n'


def peer_input(path, mode):
    with open(path, "rb") as f:
        data = f.read()
    text = decode(data)
    return text if mode == "html" else text_to_html(text)


DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:[\sT]*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2}))?)?")


def iso(value):
    """A tool's date string -> ISO 8601 when it is a plain date(-time); anything else passes as given."""
    if not value or not isinstance(value, str):
        return None
    m = DATE.match(value)
    if not m:
        return value.strip() or None
    y, mo, d, h, mi, s = m.groups()
    out = f"{y}-{int(mo):02d}-{int(d):02d}"
    if h is not None:
        out += f"T{int(h):02d}:{int(mi):02d}" + (f":{int(s):02d}" if s is not None else "")
    rest = value[m.end():].strip()
    if re.fullmatch(r"Z|[+-]\d{2}:?\d{2}", rest):  # keep a zone the tool gave
        out += rest
    return out


def split_names(value):
    """A byline string -> names, split on common separators only (no label or title logic)."""
    if not value or not isinstance(value, str):
        return []
    return [n for n in re.split(r"[;；,，、/|]+|\s+", value) if n.strip()]


def paragraphs(text):
    if not text or not isinstance(text, str):
        return []
    return [p.strip() for p in text.splitlines() if p.strip()]


def empty_output():
    return {"title": None, "authors": [], "source": None, "published": None, "editors": [], "breadcrumb": [],
            "body": []}


def map_output(tool, raw):
    """A peer's own fields -> xinwen's field names (see the module header for the mapping)."""
    out = empty_output()
    if not raw:
        return out
    if tool == "trafilatura":
        out.update(title=raw.get("title"), authors=split_names(raw.get("author")), published=iso(raw.get("date")),
                   body=paragraphs(raw.get("text") or raw.get("raw_text")))
    elif tool == "gne":
        out.update(title=raw.get("title"), authors=split_names(raw.get("author")),
                   published=iso(raw.get("publish_time")), body=paragraphs(raw.get("content")))
    elif tool == "readability":
        out.update(title=raw.get("title"), authors=split_names(raw.get("byline")),
                   published=iso(raw.get("publishedTime")), body=paragraphs(raw.get("textContent")))
    return out


# The fields beyond the scored ones, as each tool names them (None: the tool has no such field). A value counts
# when it is a non-empty string or list.
COVERAGE = [
    # (field, xinwen, trafilatura, gne, readability)
    ("lead image", "image", "image", None, None),
    ("body images", "figures", None, "images", None),
    ("description", "description", "excerpt", None, "excerpt"),
    ("tags", "tags", "tags", None, None),
    ("category", "category", "categories", None, None),
    ("URL", "url", "source", None, None),
    ("language", "language", "language", None, "lang"),
    ("site", "site", "source-hostname", None, "siteName"),
]


def field_value(tool, raw, key):
    """A tool's value for a coverage field: a string or a list of strings, or None when it gives none."""
    if not raw or key is None:
        return None
    v = raw.get(key)
    if tool == "xinwen" and key == "image":
        v = (v or {}).get("src")
    if tool == "xinwen" and key == "figures":
        v = [f["src"] for f in v or [] if f.get("src")]
    if tool == "trafilatura" and key in ("tags", "categories") and isinstance(v, str):
        v = [t.strip() for t in re.split(r"[,;]", v) if t.strip()]
    if isinstance(v, str):
        v = v.strip() or None
    if isinstance(v, list):
        v = [x for x in v if isinstance(x, str) and x.strip()] or None
    return v


def same_address(a, b):
    """Two addresses of one resource: equal without scheme, `//`, surrounding white space and a trailing `/`."""
    norm = lambda u: re.sub(r"^(https?:)?//", "", u.strip()).rstrip("/")
    return norm(a) == norm(b)


def words(tags):
    """The words of a list of tags, each split at white space and the separators pages use."""
    return {w for t in tags for w in re.split(r"[\s,，、;；|｜/]+", t) if w}


def agreement(pairs, same):
    """(pages where both give a value, the share of those where they agree)."""
    both = [(a, b) for a, b in pairs if a and b]
    return len(both), (sum(bool(same(a, b)) for a, b in both) / len(both) if both else None)


def coverage_table(raws, tools):
    """raws[tool] = [(page id, the tool's raw output)] over the html pages -> one markdown table."""
    n = len(next(iter(raws.values())))
    head = "| field | " + " | ".join(tools) + " |\n|---|" + "---:|" * len(tools) + "\n"
    rows = []
    column = {t: i + 1 for i, t in enumerate(TOOLS)}
    for spec in COVERAGE:
        cells = []
        for t in tools:
            key = spec[column[t]]
            if key is None:
                cells.append("–")
                continue
            found = sum(field_value(t, raw, key) is not None for _, raw in raws[t])
            cells.append(f"{found / n:.3f}")
        rows.append(f"| {spec[0]} | " + " | ".join(cells) + " |")
    table = head + "\n".join(rows) + "\n"
    notes = []
    xin = {pid: raw for pid, raw in raws.get("xinwen", [])}
    if "trafilatura" in raws:
        traf = {pid: raw for pid, raw in raws["trafilatura"]}
        norm_text = lambda s: re.sub(r"\s+", "", s)
        checks = [
            ("lead image", "image", "image", same_address),
            ("description", "description", "excerpt", lambda a, b: norm_text(a) == norm_text(b)),
            ("tags", "tags", "tags", lambda a, b: {norm_text(x) for x in a} == {norm_text(x) for x in b}),
            ("tags (the same words, both split at spaces and the separators of tags)", "tags", "tags",
             lambda a, b: words(a) == words(b)),
        ]
        for name, xk, tk, same in checks:
            pairs = [(field_value("xinwen", xin.get(pid), xk), field_value("trafilatura", traf.get(pid), tk)) for pid in traf]
            both, share = agreement(pairs, same)
            notes.append(f"| {name} | trafilatura | {both} | {'–' if share is None else f'{share:.3f}'} |")
    if "gne" in raws:
        gne = {pid: raw for pid, raw in raws["gne"]}
        pairs = [(field_value("xinwen", xin.get(pid), "figures"), field_value("gne", gne.get(pid), "images")) for pid in gne]
        for name, same in [("body images (the same set)", lambda a, b: {re.sub(r"^(https?:)?//", "", x) for x in a} == {re.sub(r"^(https?:)?//", "", x) for x in b}),
                           ("body images (the first the same)", lambda a, b: same_address(a[0], b[0]))]:
            both, share = agreement(pairs, same)
            notes.append(f"| {name} | GNE | {both} | {'–' if share is None else f'{share:.3f}'} |")
    if notes:
        table += ("\nAgreement of xinwen with a peer, on the pages where both give a value:\n\n"
                  "| field | peer | pages with both | xinwen agrees |\n|---|---|---:|---:|\n" + "\n".join(notes) + "\n")
    return table


class Worker:
    """A peer's worker process speaking one JSON line per request; restarted after a crash or a timeout."""

    def __init__(self, cmd, log):
        self.cmd, self.log, self.proc, self.version = cmd, log, None, None

    def start(self):
        self.proc = subprocess.Popen(self.cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log)
        self.buf, self.eof = b"", False
        line = self.readline(300)
        if line is None:
            raise RuntimeError(f"worker did not start: {shlex.join(self.cmd)} (see {self.log.name})")
        self.version = json.loads(line).get("version")

    def readline(self, timeout):
        """One line from the worker, or None on timeout or end of output."""
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                self.eof = True
                return None
            self.buf += chunk
        line, self.buf = self.buf.split(b"\n", 1)
        return line

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
        if self.proc:
            self.proc.wait()
        self.proc = None

    def ask(self, html, timeout):
        """-> (raw or None, ms, problem or None)."""
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        t = time.perf_counter()
        try:
            self.proc.stdin.write(json.dumps({"html": html}, ensure_ascii=False).encode("utf-8") + b"\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            self.stop()
            return None, (time.perf_counter() - t) * 1000, "crash"
        line = self.readline(timeout)
        if line is None:
            crashed = self.eof
            self.stop()
            return None, (time.perf_counter() - t) * 1000 if crashed else timeout * 1000, "crash" if crashed else "timeout"
        r = json.loads(line)
        return r.get("raw"), r.get("ms", 0.0), ("error" if r.get("error") else None)


def run_xinwen(binary, files, timeout):
    """-> (outputs, seconds, problems). One CLI call over all files; per file if that call fails."""
    t = time.perf_counter()
    try:
        p = subprocess.run([binary] + files, capture_output=True, timeout=timeout * len(files))
        lines = [l for l in p.stdout.decode("utf-8", "replace").splitlines() if l.strip()]
        if p.returncode == 0 and len(lines) == len(files):
            return [json.loads(l) for l in lines], time.perf_counter() - t, 0
    except subprocess.TimeoutExpired:
        pass
    outs, seconds, problems = [], 0.0, 0
    for f in files:
        t = time.perf_counter()
        try:
            p = subprocess.run([binary, f], capture_output=True, timeout=timeout)
            outs.append(json.loads(p.stdout) if p.returncode == 0 else {})
            problems += p.returncode != 0
        except (subprocess.TimeoutExpired, ValueError):
            outs.append({})
            problems += 1
        seconds += time.perf_counter() - t
    return outs, seconds, problems


def score(score_py, corpus, mode, results):
    p = subprocess.run([sys.executable, score_py, corpus, "--mode", mode, "--json", "--results", results],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"score.py failed: {p.stderr}")
    return json.loads(p.stdout)


def pages_for(corpus, mode):
    ids = []
    for pid in sorted(os.listdir(corpus)):
        label = os.path.join(corpus, pid, "expected.json")
        if os.path.isfile(label) and os.path.isfile(os.path.join(corpus, pid, MODES[mode])):
            with open(label, encoding="utf-8") as f:
                if json.load(f).get("kind") == "article":
                    ids.append(pid)
    return ids


def fmt(v):
    return "–" if v is None else f"{v:.3f}"


def table(results, versions, tools):
    """results[mode][tool] = (scores, ms_per_page, problems) -> one markdown table, a row group per mode."""
    head = "| metric | " + " | ".join(tools) + " |\n|---|" + "---:|" * len(tools) + "\n"
    rows = []
    for mode, by_tool in results.items():
        n = next(iter(by_tool.values()))[0].get("pages")
        rows.append(f"| **{mode}** ({n} pages) |" + " |" * len(tools))
        for m in METRICS:
            if any(m in by_tool[t][0] for t in tools):
                rows.append(f"| {m} | " + " | ".join(fmt(by_tool[t][0].get(m)) for t in tools) + " |")
        rows.append("| ms/page | " + " | ".join(f"{by_tool[t][1]:.1f}" for t in tools) + " |")
        rows.append("| failed pages | " + " | ".join(str(by_tool[t][2]) for t in tools) + " |")
    return head + "\n".join(rows) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=os.path.join(root, "../shared/corpus/dev"))
    ap.add_argument("--modes", default="html,text,nfkc")
    ap.add_argument("--tools", default=",".join(TOOLS))
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds a peer may spend on one page")
    ap.add_argument("--xinwen", default=os.path.join(root, "target/release/xinwen"))
    ap.add_argument("--venv", default=os.path.join(root, "target/peers-venv"))
    ap.add_argument("--npm", default=os.path.join(root, "target/peers-npm"))
    ap.add_argument("--out", default=os.path.join(root, "target/peers-out"))
    ap.add_argument("--md", default=os.path.join(here, "RESULTS.md"), help="where to write the table ('' for nowhere)")
    ap.add_argument("--command", default=None, help="the command line to record in the markdown file")
    a = ap.parse_args()
    corpus = os.path.normpath(a.corpus)
    score_py = os.path.join(os.path.dirname(corpus), "score.py")
    modes = a.modes.split(",")
    tools = a.tools.split(",")
    os.makedirs(a.out, exist_ok=True)
    log = open(os.path.join(a.out, "workers.log"), "w")
    cmds = {"trafilatura": [os.path.join(a.venv, "bin/python"), os.path.join(here, "worker.py"), "trafilatura"],
            "gne": [os.path.join(a.venv, "bin/python"), os.path.join(here, "worker.py"), "gne"],
            "readability": ["node", os.path.join(here, "worker.mjs"), a.npm]}
    workers = {t: Worker(cmds[t], log) for t in tools if t != "xinwen"}
    started = time.perf_counter()
    results = {}
    raws = {}  # html mode: each tool's raw output per page, for the field coverage
    for mode in modes:
        ids = pages_for(corpus, mode)
        files = [os.path.join(corpus, pid, MODES[mode]) for pid in ids]
        results[mode] = {}
        for tool in tools:
            rows, ms_total, problems = [], 0.0, 0
            if tool == "xinwen":
                outs, seconds, problems = run_xinwen(a.xinwen, files, a.timeout)
                rows = list(zip(ids, outs))
                raw_rows = rows
                ms_total = seconds * 1000
            else:
                w = workers[tool]
                raw_rows = []
                for pid, path in zip(ids, files):
                    raw, ms, problem = w.ask(peer_input(path, mode), a.timeout)
                    if problem:
                        problems += 1
                        print(f"  {tool} {mode} {pid}: {problem}", file=sys.stderr)
                    rows.append((pid, map_output(tool, raw)))
                    raw_rows.append((pid, raw))
                    ms_total += ms
            if mode == "html":
                raws[tool] = raw_rows
            path = os.path.join(a.out, f"{tool}.{mode}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                for pid, out in rows:
                    f.write(json.dumps({"id": pid, "mode": mode, "output": out}, ensure_ascii=False) + "\n")
            scores = score(score_py, corpus, mode, path)
            results[mode][tool] = (scores, ms_total / max(len(ids), 1), problems)
            print(f"{mode:5} {tool:12} {len(ids)} pages, {ms_total / max(len(ids), 1):.1f} ms/page, "
                  f"{problems} failed", file=sys.stderr)
    for w in workers.values():
        w.stop()
    elapsed = time.perf_counter() - started
    # the last commit that changed xinwen's code (the binary is rebuilt from the worktree by run)
    rev = subprocess.run(["git", "-C", root, "log", "-1", "--format=%h", "--", "src", "Cargo.toml", "Cargo.lock"],
                         capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", root, "status", "--porcelain", "--", "src"], capture_output=True,
                           text=True).stdout.strip()
    versions = {"xinwen": (rev + "+changes" if dirty else rev) or None}
    versions.update({t: w.version for t, w in workers.items()})
    md = table(results, versions, tools)
    if raws:
        n = len(next(iter(raws.values())))
        md += (f"\nField coverage, html mode ({n} pages): the share of pages where each tool returns a value "
               f"(– : the tool has no such field).\n\n" + coverage_table(raws, tools))
    print(md)
    print(f"full run: {elapsed:.0f} s", file=sys.stderr)
    if a.md:
        now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        vers = "; ".join(f"{t} {v}" for t, v in versions.items() if v)
        with open(a.md, "w", encoding="utf-8") as f:
            f.write(f"# xinwen beside its peers on the dev corpus\n\n"
                    f"Measured {now} with `{a.command or 'bench/peers/run'}` ({vers}; whole run {elapsed:.0f} s).\n"
                    f"Scores are score.py's shares of article pages; ms/page is the extraction's wall time per page "
                    f"(see bench/peers/README.md for what each column measures).\n\n{md}")


if __name__ == "__main__":
    main()
