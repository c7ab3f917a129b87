//! Throughput benchmark: prints numbers, asserts nothing.
//!
//! ```text
//! cargo run --release --example bench -- [corpus_dir]
//! ```
//!
//! In: the dev corpus (`../shared/corpus/dev/*/page.txt`, `page.nfkc.txt` and `page.html`, or
//! `corpus_dir`) and our own sample pages `www/samples/county-meeting.txt` and
//! `tests/html/ad-split.html`. Out: on stdout,
//! 1. corpus throughput on one core — every page parsed many times, as pages/s and MB/s, for parse
//!    alone and for parse plus JSON (what the CLI does per file), the slowest pages in ns/byte, and
//!    the peak heap one parse of the largest page takes (targets: text >= 100 MB/s, HTML >= 50 MB/s);
//! 2. scaling — the samples repeated to ~1 KB … 10 MB (text and HTML), and two pathological shapes
//!    (prose with a credit line after every paragraph; one-character lines), in ns/byte: a flat
//!    column (within 2x) means cost linear in the input; then the peak heap of one parse of the
//!    10 MB inputs as a multiple of the input (target: <= 4x).
//!
//! Heap is counted by a global allocator that keeps the live and peak byte counts (two atomic
//! additions per allocation, which the timings include). The corpus part is skipped with a message
//! when the corpus is absent.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

/// The system allocator, counting live bytes and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call forwards to the system allocator with the caller's arguments; the counters
// only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Relaxed) + layout.size();
            PEAK.fetch_max(live, Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        LIVE.fetch_sub(layout.size(), Relaxed);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            if new_size >= layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Relaxed) + new_size - layout.size();
                PEAK.fetch_max(live, Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most heap `f` holds at once beyond what was live before it (its result included).
fn peak_heap(f: impl FnOnce()) -> usize {
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    f();
    PEAK.load(Relaxed) - before
}

/// The HTML sample: one of our HTML fixtures.
const HTML_SAMPLE: &str = include_str!("../tests/html/ad-split.html");

/// How long each measurement runs.
const MIN_TIME: Duration = Duration::from_millis(1500);

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join("shared").join("corpus").join("dev"));
    let clock = if cfg!(unix) { "thread CPU time" } else { "wall-clock time" };
    println!("times: {clock}, fastest of ~10 batches per figure\n");
    if cfg!(debug_assertions) {
        println!("warning: debug build; run with --release for meaningful numbers\n");
    }
    corpus(&dir);
    scaling();
}

/// This thread's CPU time, so that other work on a shared machine does not count.
#[cfg(unix)]
fn clock() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec through a pointer to a live, writable timespec.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    assert_eq!(status, 0, "should read the thread's CPU clock");
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Wall-clock time where no CPU clock is at hand.
#[cfg(not(unix))]
fn clock() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// The time of one run of `f`: runs in batches for about `budget`, and keeps the fastest batch's mean,
/// which is the figure least disturbed by other work on a shared machine.
fn time_per_run_within(budget: Duration, mut f: impl FnMut()) -> Duration {
    // one run to warm caches and build the lexicon automata, and to size the batches (~1/10 of the budget)
    let t = clock();
    f();
    let once = (clock() - t).max(Duration::from_nanos(1));
    let batch = ((budget.as_secs_f64() / 10.0 / once.as_secs_f64()) as u32).max(1);
    let start = Instant::now();
    let mut best = Duration::MAX;
    while start.elapsed() < budget || best == Duration::MAX {
        let t = clock();
        for _ in 0..batch {
            f();
        }
        best = best.min((clock() - t) / batch);
    }
    best
}

/// [`time_per_run_within`] with [`MIN_TIME`].
fn time_per_run(f: impl FnMut()) -> Duration {
    time_per_run_within(MIN_TIME, f)
}

fn corpus(dir: &Path) {
    println!("== corpus: {}", dir.display());
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("corpus not found; skipping the corpus benchmark (pass its dev folder as the first argument)\n");
        return;
    };
    let mut folders: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.is_dir()).collect();
    folders.sort();
    println!(
        "{:<14} {:>6} {:>9} {:>10} {:>9} {:>12} {:>9}",
        "file", "pages", "MB", "pages/s", "MB/s", "+JSON pg/s", "MB/s"
    );
    for name in ["page.txt", "page.nfkc.txt", "page.html"] {
        let html = name.ends_with(".html");
        let options = xinwen::Options {
            format: if html { xinwen::Format::Html } else { xinwen::Format::Text },
            ..Default::default()
        };
        // decoded beforehand (legacy encodings too): the figures are for parsing the text
        let pages: Vec<(String, String)> = folders
            .iter()
            .filter_map(|f| {
                let bytes = std::fs::read(f.join(name)).ok()?;
                let text = xinwen::decode::decode(&bytes).text.into_owned();
                Some((f.file_name()?.to_string_lossy().into_owned(), text))
            })
            .collect();
        let parse_one = |t: &str| xinwen::parse_with(t, &options);
        if pages.is_empty() {
            println!("{name:<14} no pages");
            continue;
        }
        let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
        let parse = time_per_run(|| {
            for (_, t) in &pages {
                black_box(parse_one(black_box(t)));
            }
        });
        let json = time_per_run(|| {
            for (_, t) in &pages {
                black_box(serde_json::to_string(&parse_one(black_box(t))).expect("should serialize"));
            }
        });
        let mb = bytes as f64 / 1e6;
        let rate = |d: Duration| (pages.len() as f64 / d.as_secs_f64(), mb / d.as_secs_f64());
        let ((pps, mbs), (jpps, jmbs)) = (rate(parse), rate(json));
        println!("{name:<14} {:>6} {mb:>9.2} {pps:>10.0} {mbs:>9.1} {jpps:>12.0} {jmbs:>9.1}", pages.len());

        // the slowest pages per byte: where cost may not be linear
        let mut per_page: Vec<(f64, &str, usize)> = pages
            .iter()
            .map(|(id, t)| {
                let d = time_per_run_within(Duration::from_millis(100), || {
                    black_box(parse_one(black_box(t)));
                });
                (d.as_nanos() as f64 / t.len().max(1) as f64, id.as_str(), t.len())
            })
            .collect();
        per_page.sort_by(|a, b| b.0.total_cmp(&a.0));
        let slowest: Vec<String> =
            per_page.iter().take(3).map(|(ns, id, len)| format!("{id} ({len} B) {ns:.1} ns/B")).collect();
        println!("{:<14} slowest: {}", "", slowest.join(", "));
        let (_, largest) = pages.iter().max_by_key(|(_, t)| t.len()).expect("should have pages");
        let peak = peak_heap(|| drop(black_box(parse_one(black_box(largest)))));
        println!(
            "{:<14} peak heap parsing the largest page ({} B): {} B = {:.1}x the input",
            "",
            largest.len(),
            peak,
            peak as f64 / largest.len() as f64
        );
    }
    println!();
}

/// `unit` repeated to about `size` bytes, cut at a line end (or a character boundary) at or below `size`.
fn build(unit: &str, size: usize) -> String {
    let mut s = unit.repeat(size / unit.len() + 1);
    let mut cut = s.as_bytes()[..size].iter().rposition(|&b| b == b'\n').map_or(size, |i| i + 1);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

fn scaling() {
    let sample = include_str!("../www/samples/county-meeting.txt");
    let prose_and_credits =
        "7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作,确保全面完成全年目标任务。\n\
                             责任编辑:高大智\n";
    let (text, html) = (xinwen::Format::Text, xinwen::Format::Html);
    let shapes: [(&str, &str, xinwen::Format); 4] = [
        ("text sample page", sample, text),
        ("html sample page", HTML_SAMPLE, html),
        ("prose + credit lines", prose_and_credits, text),
        ("one-char lines", "字\n", text),
    ];
    let sizes = [1_000, 10_000, 100_000, 1_000_000, 10_000_000];
    println!("== scaling (ns/byte; flat = linear; spread = slowest / fastest; heap = peak at 10 MB / input)");
    print!("{:<22}", "input");
    for s in sizes {
        print!("{:>10}", label(s));
    }
    println!("{:>8}{:>8}{:>10}", "spread", "heap", "MB/s@10MB");
    for (name, unit, format) in shapes {
        let options = xinwen::Options { format, ..Default::default() };
        print!("{name:<22}");
        let mut per_byte = Vec::new();
        let mut heap = 0.0;
        for size in sizes {
            let input = build(unit, size);
            let d = time_per_run(|| {
                black_box(xinwen::parse_with(black_box(&input), &options));
            });
            per_byte.push(d.as_nanos() as f64 / input.len() as f64);
            print!("{:>10.2}", per_byte[per_byte.len() - 1]);
            use std::io::Write;
            let _ = std::io::stdout().flush();
            if size == sizes[sizes.len() - 1] {
                let peak = peak_heap(|| drop(black_box(xinwen::parse_with(black_box(&input), &options))));
                heap = peak as f64 / input.len() as f64;
            }
        }
        let (lo, hi) = per_byte.iter().fold((f64::MAX, 0.0f64), |(lo, hi), &x| (lo.min(x), hi.max(x)));
        println!("{:>7.2}x{:>7.1}x{:>10.1}", hi / lo, heap, 1e3 / per_byte[per_byte.len() - 1]);
    }
}

fn label(size: usize) -> String {
    match size {
        s if s >= 1_000_000 => format!("{} MB", s / 1_000_000),
        s if s >= 1_000 => format!("{} KB", s / 1_000),
        s => format!("{s} B"),
    }
}
