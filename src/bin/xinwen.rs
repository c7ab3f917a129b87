//! The xinwen command line: argument parsing and I/O only; every decision lives in the library.
//!
//! Many inputs are parsed in parallel (`--jobs`, rayon) and printed in input order. Memory stays
//! bounded: inputs go through in windows (a few files per thread, or a batch of JSON Lines records
//! read ahead by one thread while the previous batch is parsed), and a window's output is written
//! before the next window is parsed.

use std::io::{self, BufRead, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;

use clap::Parser;
use rayon::prelude::*;
use serde_json::Value;

/// Files parsed at a time per thread (file mode): enough to keep the threads busy, few enough to
/// hold only a handful of pages in memory.
const FILES_PER_THREAD: usize = 4;
/// JSON Lines records parsed at a time (at most; see [`BATCH_BYTES`]).
const BATCH_RECORDS: usize = 1024;
/// A batch of JSON Lines records ends once it holds this many bytes of input.
const BATCH_BYTES: usize = 8 << 20;

/// Turn Chinese news pages into JSON (one Article per input, one line each) or Markdown (one
/// document per input), in input order.
#[derive(Parser, Debug)]
#[command(name = "xinwen", version, about, long_about = None, after_help = JSONL_HELP)]
struct Cli {
    /// Page files to read (`-` or none: standard input): HTML or text, in any encoding (UTF-8,
    /// GB18030/GBK/GB2312, Big5, UTF-16 …; see --encoding). A file with NUL bytes that is not
    /// UTF-16 is refused as binary.
    files: Vec<PathBuf>,
    /// Read the input as HTML, as text, or decide from the input (file mode; in --jsonl mode each
    /// record's key decides).
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,
    /// Read the files in this encoding instead of choosing one from their bytes (byte-order mark,
    /// declared charset, detection). JSON Lines records are text and have none.
    #[arg(long, value_enum, default_value_t = EncodingArg::Auto)]
    encoding: EncodingArg,
    /// Indent the JSON (for a single input).
    #[arg(long, conflicts_with = "jsonl")]
    pretty: bool,
    /// What to write: the Article as JSON, or the article as Markdown (one document per input; with
    /// several inputs or --jsonl, each opens with a line `<!-- xinwen: NAME -->` naming its file or
    /// record id).
    #[arg(long, value_enum, default_value_t = OutputArg::Json)]
    output: OutputArg,
    /// The page's address (file mode: for every file): relative picture addresses resolve against
    /// it, and it is the Article's url when the page names none. In --jsonl mode a record's `url`
    /// key gives each record's.
    #[arg(long, value_name = "URL")]
    url: Option<String>,
    /// Today's date (YYYY-MM-DD[THH:MM]), to flag publication dates in the future and resolve relative
    /// ones (昨天, 3小时前, 10-08 12:00).
    #[arg(long, value_name = "DATE", value_parser = today)]
    today: Option<String>,
    /// Parse this many inputs at once (default: one per core). Output stays in input order.
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    jobs: Option<u32>,
    /// Read JSON Lines records from standard input and write one JSON line per record (see below).
    #[arg(long, conflicts_with = "files")]
    jsonl: bool,
}

const JSONL_HELP: &str = "\
JSON Lines mode (--jsonl): each line of standard input is one record,
  {\"id\": ID, \"html\": \"<html>…\"}   or   {\"id\": ID, \"text\": \"page text…\"}
where ID is any JSON value but null (a string or a number, say); an optional \"url\" key gives the
page's address (as --url does); other keys are ignored; blank lines are skipped. For each record one line is written, in input order, the Article's fields
beside the record's id:
  {\"id\": ID, \"title\": …, \"authors\": […], … \"diagnostics\": […]}
A record that cannot be read (not JSON, no id, not exactly one of html/text, not a string) gives
  {\"id\": ID or null, \"error\": \"why\"}
on standard output and a message naming the line on standard error; the stream goes on, and the
exit status is 1 at the end. Records are parsed in parallel (--jobs) with bounded memory.";

/// `--output`'s values.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum OutputArg {
    Json,
    Markdown,
}

/// `--format`'s values.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum FormatArg {
    Auto,
    Text,
    Html,
}

/// `--encoding`'s values.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum EncodingArg {
    Auto,
    #[value(name = "utf-8")]
    Utf8,
    Gb18030,
    Big5,
    #[value(name = "utf-16le")]
    Utf16le,
    #[value(name = "utf-16be")]
    Utf16be,
}

/// `--today` as the core reads it, or why not.
fn today(text: &str) -> Result<String, String> {
    if xinwen::options::is_today(text) {
        Ok(text.to_owned())
    } else {
        Err("expected a date YYYY-MM-DD or YYYY-MM-DDTHH:MM, such as 2026-11-27".to_owned())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let format = match cli.format {
        FormatArg::Auto => xinwen::Format::Auto,
        FormatArg::Text => xinwen::Format::Text,
        FormatArg::Html => xinwen::Format::Html,
    };
    let encoding = match cli.encoding {
        EncodingArg::Auto => xinwen::Encoding::Auto,
        EncodingArg::Utf8 => xinwen::Encoding::Utf8,
        EncodingArg::Gb18030 => xinwen::Encoding::Gb18030,
        EncodingArg::Big5 => xinwen::Encoding::Big5,
        EncodingArg::Utf16le => xinwen::Encoding::Utf16Le,
        EncodingArg::Utf16be => xinwen::Encoding::Utf16Be,
    };
    let options = xinwen::Options { today: cli.today.clone(), format, encoding, url: cli.url.clone() };
    let jobs = cli.jobs.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |n| n as usize);
    let pool = match rayon::ThreadPoolBuilder::new().num_threads(jobs).build() {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("xinwen: cannot start {jobs} threads: {e}");
            return ExitCode::FAILURE;
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let status = if cli.jsonl {
        jsonl(&pool, &options, cli.output, &mut out)
    } else {
        files(&cli, &pool, jobs, &options, &mut out)
    };
    match (status, out.flush()) {
        (Ok(true), Ok(())) => ExitCode::SUCCESS,
        (Ok(false), Ok(())) => ExitCode::FAILURE,
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("xinwen: {e}");
            ExitCode::FAILURE
        }
    }
}

/// File mode: every file (or standard input) becomes one line. `Ok(false)` when some input failed.
fn files(
    cli: &Cli,
    pool: &rayon::ThreadPool,
    jobs: usize,
    options: &xinwen::Options,
    out: &mut impl Write,
) -> io::Result<bool> {
    let inputs = if cli.files.is_empty() { vec![PathBuf::from("-")] } else { cli.files.clone() };
    // several Markdown documents each open with a line naming their file
    let named = cli.output == OutputArg::Markdown && inputs.len() > 1;
    let mut ok = true;
    let mut first = true;
    for window in inputs.chunks(jobs * FILES_PER_THREAD) {
        let results: Vec<Result<String, String>> =
            pool.install(|| window.par_iter().map(|path| one_file(path, options, cli.pretty, cli.output)).collect());
        for (path, result) in window.iter().zip(results) {
            match result {
                Ok(text) => {
                    let head = if named { separator(&path.display().to_string(), first) } else { String::new() };
                    first = false;
                    write!(out, "{head}{text}")
                        .and_then(|()| if cli.output == OutputArg::Json { writeln!(out) } else { Ok(()) })
                        .map_err(|e| io::Error::new(e.kind(), format!("writing output: {e}")))?
                }
                Err(message) => {
                    eprintln!("xinwen: {message}");
                    ok = false;
                }
            }
        }
    }
    Ok(ok)
}

/// The line that opens a Markdown document among several: `<!-- xinwen: NAME -->`, after a blank
/// line unless it is the first (a name's `--` would end the comment early, so it is written `- -`).
fn separator(name: &str, first: bool) -> String {
    let name = name.replace("--", "- -").replace(['\n', '\r'], " ");
    format!("{}<!-- xinwen: {name} -->\n\n", if first { "" } else { "\n" })
}

/// One file's JSON (without a line break) or Markdown (ending in one), or the message that says
/// why there is none.
fn one_file(path: &PathBuf, options: &xinwen::Options, pretty: bool, output: OutputArg) -> Result<String, String> {
    let name = path.display();
    let bytes = read(path).map_err(|e| format!("{name}: {e}"))?;
    // the library reads anything; the command refuses what is surely not a page (but NULs are
    // what UTF-16 is made of, when the caller says the file is UTF-16)
    let utf16 = matches!(options.encoding, xinwen::Encoding::Utf16Le | xinwen::Encoding::Utf16Be);
    if !utf16 && xinwen::decode::looks_binary(&bytes) {
        return Err(format!("{name}: looks like a binary file (it holds NUL bytes), not a page"));
    }
    let article = xinwen::parse_bytes_with(&bytes, options);
    if output == OutputArg::Markdown {
        return Ok(xinwen::to_markdown(&article));
    }
    let json = if pretty { serde_json::to_string_pretty(&article) } else { serde_json::to_string(&article) };
    json.map_err(|e| format!("{name}: {e}"))
}

fn read(path: &PathBuf) -> io::Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        io::stdin().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

/// A JSON Lines record as read; other keys are ignored.
#[derive(serde::Deserialize)]
struct Record {
    id: Option<Value>,
    html: Option<String>,
    text: Option<String>,
    url: Option<String>,
}

/// A batch of input lines with the line number of the first.
type Batch = (usize, Vec<Vec<u8>>);

/// JSON Lines mode. One thread reads batches of lines ahead (at most one batch waits), the pool
/// parses a batch in parallel, and its lines are written in order. `Ok(false)` when a record failed.
fn jsonl(
    pool: &rayon::ThreadPool,
    options: &xinwen::Options,
    output: OutputArg,
    out: &mut impl Write,
) -> io::Result<bool> {
    let (send, receive) = mpsc::sync_channel::<io::Result<Batch>>(1);
    let reader = std::thread::spawn(move || read_batches(io::stdin().lock(), &send));
    let mut ok = true;
    let mut written = false;
    for batch in receive {
        let (first, lines) = batch?;
        let results: Vec<(String, Option<String>)> = pool.install(|| {
            lines.par_iter().enumerate().map(|(i, line)| one_record(line, first + i, options, output)).collect()
        });
        for (text, error) in results {
            if text.is_empty() {
                continue; // a blank line
            }
            if let Some(message) = error {
                eprintln!("xinwen: {message}");
                ok = false;
            }
            let text = if output == OutputArg::Markdown && !written { text.trim_start_matches('\n') } else { &text };
            written = true;
            write!(out, "{text}")
                .and_then(|()| if output == OutputArg::Json { writeln!(out) } else { Ok(()) })
                .map_err(|e| io::Error::new(e.kind(), format!("writing output: {e}")))?;
        }
    }
    // the reader ends when standard input does or when the receiver is gone; it never panics
    let _ = reader.join();
    Ok(ok)
}

/// Read `input` line by line into batches (by count and by size) and send them; stops at the end
/// of the input, on a read error (sent on), or when nobody receives.
fn read_batches(mut input: impl BufRead, send: &mpsc::SyncSender<io::Result<Batch>>) {
    let mut number = 1; // the line number of the next line
    loop {
        let first = number;
        let mut lines = Vec::new();
        let mut bytes = 0;
        while lines.len() < BATCH_RECORDS && bytes < BATCH_BYTES {
            let mut line = Vec::new();
            match input.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(n) => {
                    bytes += n;
                    number += 1;
                    lines.push(line);
                }
                Err(e) => {
                    let _ = send.send(Err(io::Error::new(e.kind(), format!("reading standard input: {e}"))));
                    return;
                }
            }
        }
        if lines.is_empty() || send.send(Ok((first, lines))).is_err() {
            return;
        }
    }
}

/// One record's output (a JSON line without its line break, or a Markdown document opened by the
/// line naming its id) and, for a bad record, the message for standard error. A blank line gives
/// an empty output (skipped).
fn one_record(line: &[u8], number: usize, options: &xinwen::Options, output: OutputArg) -> (String, Option<String>) {
    if line.iter().all(u8::is_ascii_whitespace) {
        return (String::new(), None);
    }
    let fail = |id: Option<&Value>, why: String| {
        let id = id.unwrap_or(&Value::Null);
        let record = match output {
            OutputArg::Json => format!("{{\"id\":{id},\"error\":{}}}", Value::String(why.clone())),
            OutputArg::Markdown => separator(&format!("{id} error: {why}"), false),
        };
        (record, Some(format!("standard input line {number}: {why}")))
    };
    let record: Record = match serde_json::from_slice(line) {
        Ok(record) => record,
        Err(e) => {
            // a record of the wrong shape may still name its id
            let id = serde_json::from_slice::<Value>(line).ok().and_then(|v| v.get("id").cloned());
            return fail(id.as_ref(), format!("not a record: {e}"));
        }
    };
    let Some(id) = record.id else {
        return fail(None, "the record has no id".into());
    };
    let (input, format) = match (record.html, record.text) {
        (Some(html), None) => (html, xinwen::Format::Html),
        (None, Some(text)) => (text, xinwen::Format::Text),
        _ => return fail(Some(&id), "the record should have exactly one of \"html\" and \"text\"".into()),
    };
    let url = record.url.or_else(|| options.url.clone());
    let options = xinwen::Options { format, url, ..options.clone() };
    let article = xinwen::parse_with(&input, &options);
    if output == OutputArg::Markdown {
        return (format!("{}{}", separator(&id.to_string(), false), xinwen::to_markdown(&article)), None);
    }
    let (Ok(id_json), Ok(article_json)) = (serde_json::to_string(&id), serde_json::to_string(&article)) else {
        return fail(Some(&id), "the article could not be written as JSON".into());
    };
    // the Article is a JSON object: put the id in front of its fields
    let fields = article_json.strip_prefix('{').unwrap_or(&article_json);
    let sep = if fields.starts_with('}') { "" } else { "," };
    (format!("{{\"id\":{id_json}{sep}{fields}"), None)
}
