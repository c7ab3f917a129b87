//! Pathological-input benchmark: prints numbers, asserts nothing.
//!
//! ```text
//! cargo run --release --example pathological
//! ```
//!
//! In: the inputs of `tests/pathological/cases.rs` at full size (a 10 MB line, a million blank or
//! one-character lines, 100k nested `<div>`s, 100k unclosed `<p>`s, a 1 MB attribute, a page of
//! `<`, every date shape 100k times, NUL bytes, invalid UTF-8, a byline on every line) and a normal
//! page (our sample `www/samples/portal-layout.txt` repeated to ~1 MB). Out: a table, one row per
//! case: size, time, time per MB relative to the normal page's, and peak heap (a counting global
//! allocator) relative to the input's size, and the growth of time per byte from a tenth of the
//! size to the full size (1.0 is linear; well above 1 is superlinear). Budgets: within 3x the normal page's time per MB, and
//! peak heap within 4x the input; rows over budget are marked.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

#[path = "../tests/pathological/cases.rs"]
mod cases;

/// The system allocator, counting the bytes live and their peak since the last reset.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
                PEAK.fetch_max(live, Ordering::Relaxed);
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Time budget: a case's time per MB over the normal page's.
const TIME_BUDGET: f64 = 3.0;
/// Memory budget: peak heap during the parse over the input's size.
const MEMORY_BUDGET: f64 = 4.0;

/// The fastest of a few runs (at least 3, or as many as fit in ~2 s) and the peak heap above what
/// was live before the parse (the input itself is not counted).
fn measure(input: &cases::Input) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut peak = 0;
    let started = Instant::now();
    let mut runs = 0;
    while runs < 3 || (started.elapsed() < Duration::from_secs(2) && runs < 50) {
        let base = LIVE.load(Ordering::Relaxed);
        PEAK.store(base, Ordering::Relaxed);
        let t = Instant::now();
        let article = std::hint::black_box(input.parse());
        best = best.min(t.elapsed());
        drop(article);
        peak = peak.max(PEAK.load(Ordering::Relaxed) - base);
        runs += 1;
    }
    (best, peak)
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn main() {
    if cfg!(debug_assertions) {
        println!("warning: debug build; run with --release for meaningful numbers\n");
    }
    let sample = include_str!("../www/samples/portal-layout.txt");
    let normal = cases::Input::Text(sample.repeat(1_000_000 / sample.len() + 1));
    let (normal_time, normal_peak) = measure(&normal);
    let normal_per_mb = normal_time.as_secs_f64() / mb(normal.len());
    println!("wall-clock time, fastest of 3+ runs; heap: peak bytes allocated during the parse");
    println!(
        "normal page (portal-layout.txt x{}): {:.2} MB, {:.1} ms, {:.1} ms/MB, heap {:.2}x input\n",
        normal.len() / sample.len(),
        mb(normal.len()),
        normal_time.as_secs_f64() * 1e3,
        normal_per_mb * 1e3,
        normal_peak as f64 / normal.len() as f64
    );
    table(cases::all(1).into_iter().zip(cases::all(10)), normal_per_mb);
    println!("\nbeyond the budgeted list (where the budgets stop holding):\n");
    table(cases::beyond(1).into_iter().zip(cases::beyond(10)), normal_per_mb);
}

/// One row per case: its full-size and tenth-size inputs measured against the normal page.
fn table(rows: impl Iterator<Item = ((&'static str, cases::Input), (&'static str, cases::Input))>, normal_per_mb: f64) {
    println!("| case | size (MB) | time (ms) | time/MB vs normal | growth 1/10 → full | peak heap (MB) | heap / input | budget |");
    println!("|---|---:|---:|---:|---:|---:|---:|---|");
    for ((name, input), (_, tenth)) in rows {
        let (time, peak) = measure(&input);
        let (tenth_time, _) = measure(&tenth);
        // time per byte at full size over time per byte at a tenth: 1.0 is linear
        let growth = (time.as_secs_f64() / input.len() as f64) / (tenth_time.as_secs_f64() / tenth.len() as f64);
        let relative = time.as_secs_f64() / mb(input.len()) / normal_per_mb;
        let memory = peak as f64 / input.len() as f64;
        let mut over = Vec::new();
        if relative > TIME_BUDGET {
            over.push("time");
        }
        if memory > MEMORY_BUDGET {
            over.push("memory");
        }
        println!(
            "| {name} | {:.2} | {:.1} | {:.2}x | {:.2}x | {:.2} | {:.2}x | {} |",
            mb(input.len()),
            time.as_secs_f64() * 1e3,
            relative,
            growth,
            mb(peak),
            memory,
            if over.is_empty() { "ok".to_string() } else { format!("OVER: {}", over.join(", ")) }
        );
    }
}
