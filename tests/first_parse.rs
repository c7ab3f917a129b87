//! The first parse in a process does no more than a bounded amount of one-time work.
//!
//! In: our own pages: the web page's seed sample (`www/samples/county-meeting.txt`, text) and an HTML
//! fixture (`tests/html/ad-split.html`, class and id words on its containers), and the empty input.
//! Out: a failure naming the input when its first parse allocates more than [`ONE_TIME_ALLOCATIONS`]
//! blocks or [`ONE_TIME_BYTES`] bytes beyond what its second parse allocates.
//!
//! Why allocations: a table or automaton built on first use (a lazily initialised static) allocates
//! it, so the difference between the first and the second parse of the same input is that work, as
//! the first parse in a fresh process or web page pays it; the same input parsed twice otherwise
//! allocates the same blocks. A lexicon automaton built at first use took hundreds of blocks and some
//! 650 KB; the bound leaves room only for a few small finders.
//!
//! Rules: this file is its own test binary with one test, so its first parse is the process's first;
//! the allocator counts the calling thread's allocations only (the test harness's threads allocate
//! too); `realloc` counts as one allocation of the new size.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Blocks the first parse of an input may allocate beyond its second parse.
const ONE_TIME_ALLOCATIONS: usize = 16;
/// Bytes the first parse of an input may allocate beyond its second parse.
const ONE_TIME_BYTES: usize = 4096;

/// The system allocator, counting each thread's allocations.
struct Counting;

thread_local! {
    /// (blocks, bytes) allocated by this thread. Const-initialised and without a destructor, so the
    /// allocator can use it without allocating.
    static ALLOCATED: Cell<(usize, usize)> = const { Cell::new((0, 0)) };
}

fn count(bytes: usize) {
    // `try_with`: a thread being torn down may still allocate
    let _ = ALLOCATED.try_with(|c| {
        let (n, b) = c.get();
        c.set((n + 1, b + bytes));
    });
}

// SAFETY: every call forwards to the system allocator with the caller's arguments; the counter only
// observes sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        System.alloc(layout)
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        System.alloc_zeroed(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The blocks and bytes `f` allocates on this thread.
fn allocations(f: impl FnOnce()) -> (usize, usize) {
    let before = ALLOCATED.with(Cell::get);
    f();
    let after = ALLOCATED.with(Cell::get);
    (after.0 - before.0, after.1 - before.1)
}

/// One of the parses the test repeats.
type Parse<'a> = Box<dyn Fn() -> xinwen::Article + 'a>;

#[test]
fn first_parse_allocates_as_the_second_does() {
    let root = env!("CARGO_MANIFEST_DIR");
    let text =
        std::fs::read_to_string(format!("{root}/www/samples/county-meeting.txt")).expect("should read the seed sample");
    let html =
        std::fs::read_to_string(format!("{root}/tests/html/ad-split.html")).expect("should read the HTML fixture");
    let html_options = xinwen::Options { format: xinwen::Format::Html, ..Default::default() };
    let inputs: [(&str, Parse); 3] = [
        ("the empty input", Box::new(|| xinwen::parse(""))),
        ("the seed sample", Box::new(|| xinwen::parse(&text))),
        ("the HTML fixture", Box::new(|| xinwen::parse_with(&html, &html_options))),
    ];
    for (name, parse) in &inputs {
        let first = allocations(|| drop(parse()));
        let second = allocations(|| drop(parse()));
        assert!(
            first.0 <= second.0 + ONE_TIME_ALLOCATIONS && first.1 <= second.1 + ONE_TIME_BYTES,
            "the first parse of {name} should allocate at most {ONE_TIME_ALLOCATIONS} blocks and {ONE_TIME_BYTES} bytes \
             more than the second, not {first:?} against {second:?} (blocks, bytes): something is built at first use"
        );
    }
    // the pages reach the parts that search words (byline labels, furniture, class and id words),
    // and the counter sees their parses allocate
    let seed = inputs[1].1();
    assert!(!seed.authors.is_empty() && !seed.sections.is_empty(), "the seed sample should have a byline and sections");
    assert!(xinwen::parse_with(&html, &html_options).title.is_some(), "the HTML fixture should have a headline");
    assert!(allocations(|| drop(inputs[2].1())).0 > 0, "the counter should see a parse allocate");
}
