//! Throughput benchmark: prints numbers, asserts nothing.
//!
//! ```text
//! cargo run --release --example bench -- [corpus_dir]
//! ```
//!
//! In: the dev corpus (`../shared/corpus/dev/*/page.txt` and `page.nfkc.txt`, or `corpus_dir`) and our
//! own sample page `www/samples/county-meeting.txt`. Out: on stdout,
//! 1. corpus throughput — every page parsed many times, as pages/s and MB/s, for parse alone and for
//!    parse plus JSON (what the CLI does per file), and the slowest pages in ns/byte;
//! 2. scaling — the sample repeated to ~1 KB … 10 MB, and two pathological shapes (prose with a
//!    credit line after every paragraph; one-character lines), in ns/byte: a flat column means cost
//!    linear in the input.
//!
//! The corpus part is skipped with a message when the corpus is absent.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

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
    for name in ["page.txt", "page.nfkc.txt"] {
        let pages: Vec<(String, String)> = folders
            .iter()
            .filter_map(|f| {
                let bytes = std::fs::read(f.join(name)).ok()?;
                let text = xinwen::decode::decode_unicode(&bytes).ok()?.into_owned();
                Some((f.file_name()?.to_string_lossy().into_owned(), text))
            })
            .collect();
        if pages.is_empty() {
            println!("{name:<14} no pages");
            continue;
        }
        let bytes: usize = pages.iter().map(|(_, t)| t.len()).sum();
        let parse = time_per_run(|| {
            for (_, t) in &pages {
                black_box(xinwen::parse(black_box(t)));
            }
        });
        let json = time_per_run(|| {
            for (_, t) in &pages {
                black_box(serde_json::to_string(&xinwen::parse(black_box(t))).expect("should serialize"));
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
                    black_box(xinwen::parse(black_box(t)));
                });
                (d.as_nanos() as f64 / t.len().max(1) as f64, id.as_str(), t.len())
            })
            .collect();
        per_page.sort_by(|a, b| b.0.total_cmp(&a.0));
        let slowest: Vec<String> =
            per_page.iter().take(3).map(|(ns, id, len)| format!("{id} ({len} B) {ns:.1} ns/B")).collect();
        println!("{:<14} slowest: {}", "", slowest.join(", "));
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
    let shapes: [(&str, &str); 3] =
        [("sample page", sample), ("prose + credit lines", prose_and_credits), ("one-char lines", "字\n")];
    let sizes = [1_000, 10_000, 100_000, 1_000_000, 10_000_000];
    println!("== scaling (ns/byte; flat = linear)");
    print!("{:<22}", "input");
    for s in sizes {
        print!("{:>11}", label(s));
    }
    println!();
    for (name, unit) in shapes {
        print!("{name:<22}");
        for size in sizes {
            let input = build(unit, size);
            let d = time_per_run(|| {
                black_box(xinwen::parse(black_box(&input)));
            });
            print!("{:>11.2}", d.as_nanos() as f64 / input.len() as f64);
            use std::io::Write;
            let _ = std::io::stdout().flush();
        }
        println!();
    }
    let input = build(sample, 10_000_000);
    let d = time_per_run(|| {
        black_box(xinwen::parse(black_box(&input)));
    });
    println!("sample page at 10 MB: {:.1} MB/s", input.len() as f64 / 1e6 / d.as_secs_f64());
}

fn label(size: usize) -> String {
    match size {
        s if s >= 1_000_000 => format!("{} MB", s / 1_000_000),
        s if s >= 1_000 => format!("{} KB", s / 1_000),
        s => format!("{s} B"),
    }
}
