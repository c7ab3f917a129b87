//! The `xinwen` command line, run as a built binary.
//!
//! In: page files written to a fresh temporary folder, or standard input. Out: nothing; each test
//! checks stdout (one JSON Article per input, one line each, in input order — the same JSON the
//! library gives), stderr (errors name the file) and the exit status.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_xinwen");

const PAGE_A: &str =
    "青山网> 区县\n\n青山区召开三季度重点工作推进会\n作者:李晓东    来源:青山日报    发布时间:2021年09月03日\n\n\
    9月2日,青山区召开三季度重点工作推进会,通报前八个月经济运行情况,部署下一阶段重点任务,确保全年目标顺利完成。\n\
    责任编辑:王建平\n";
const PAGE_B: &str = "东湖镇部署防汛工作\n来源:东湖发布  2022-06-18 09:30\n\n\
    6月17日,东湖镇召开防汛工作会议,听取了镇水利站、应急办等单位的防汛准备情况汇报。会议强调,要压紧压实防汛责任,加强巡查值守,确保安全度汛。\n";

/// A fresh folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let dir = std::env::temp_dir().join(format!("xinwen-cli-{}-{n}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("should create a temporary folder");
        TempDir(dir)
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).expect("should write a temporary file");
        path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Run the binary with `args` and `stdin`.
fn run(args: &[&Path], stdin: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("should start the xinwen binary");
    child.stdin.take().expect("should have a stdin pipe").write_all(stdin).expect("should write stdin");
    child.wait_with_output().expect("should wait for xinwen")
}

fn p(s: &str) -> &Path {
    Path::new(s)
}

fn stdout_lines(out: &Output) -> Vec<String> {
    String::from_utf8(out.stdout.clone()).expect("stdout should be UTF-8").lines().map(str::to_string).collect()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The JSON line the library gives for `page`.
fn expected(page: &str) -> String {
    serde_json::to_string(&xinwen::parse_bytes(page.as_bytes())).expect("should serialize")
}

#[test]
fn one_json_line_per_file_in_input_order() {
    let dir = TempDir::new("order");
    let a = dir.file("a.txt", PAGE_A.as_bytes());
    let b = dir.file("b.txt", PAGE_B.as_bytes());
    let out = run(&[&b, &a, &b], b"");
    assert!(out.status.success(), "should succeed: {}", stderr(&out));
    assert_eq!(
        stdout_lines(&out),
        [expected(PAGE_B), expected(PAGE_A), expected(PAGE_B)],
        "should print the library's JSON for each file, one line each, in argument order"
    );
    let first: serde_json::Value = serde_json::from_str(&stdout_lines(&out)[0]).expect("should be JSON");
    assert_eq!(first["title"], "东湖镇部署防汛工作", "should read the first file's headline first");
    assert!(first.get("blocks").is_some() && first.get("diagnostics").is_some(), "should use the Article's keys");
    assert!(out.stderr.is_empty(), "should print nothing on stderr: {}", stderr(&out));
}

#[test]
fn reads_stdin_without_files() {
    let out = run(&[], PAGE_A.as_bytes());
    assert!(out.status.success(), "should succeed: {}", stderr(&out));
    assert_eq!(stdout_lines(&out), [expected(PAGE_A)], "should parse standard input when no file is given");
}

#[test]
fn reads_stdin_for_a_dash_among_files() {
    let dir = TempDir::new("dash");
    let b = dir.file("b.txt", PAGE_B.as_bytes());
    let out = run(&[&b, p("-"), &b], PAGE_A.as_bytes());
    assert!(out.status.success(), "should succeed: {}", stderr(&out));
    assert_eq!(
        stdout_lines(&out),
        [expected(PAGE_B), expected(PAGE_A), expected(PAGE_B)],
        "should read standard input where `-` stands"
    );
}

#[test]
fn an_empty_input_still_gives_an_article() {
    let out = run(&[p("-")], b"");
    assert!(out.status.success(), "should succeed on empty input: {}", stderr(&out));
    let lines = stdout_lines(&out);
    assert_eq!(lines.len(), 1, "should print one line for one empty input");
    let v: serde_json::Value = serde_json::from_str(&lines[0]).expect("should be JSON");
    assert_eq!(v["title"], serde_json::Value::Null, "should have no title");
    assert!(
        v["diagnostics"].as_array().is_some_and(|d| d.iter().any(|d| d["code"] == "no-body")),
        "should say there is no body: {v}"
    );
}

#[test]
fn pretty_prints_the_same_json_indented() {
    let out = run(&[p("--pretty")], PAGE_A.as_bytes());
    assert!(out.status.success(), "should succeed: {}", stderr(&out));
    let text = String::from_utf8(out.stdout.clone()).expect("stdout should be UTF-8");
    assert!(text.lines().count() > 10, "should spread the JSON over many lines");
    assert!(text.contains("\n  \"title\": "), "should indent keys by two spaces");
    let pretty: serde_json::Value = serde_json::from_str(&text).expect("should be one JSON document");
    let plain: serde_json::Value = serde_json::from_str(&expected(PAGE_A)).expect("should be JSON");
    assert_eq!(pretty, plain, "should print the same value as the compact form");
}

#[test]
fn a_missing_file_is_named_after_the_others_are_printed() {
    let dir = TempDir::new("missing");
    let a = dir.file("a.txt", PAGE_A.as_bytes());
    let b = dir.file("b.txt", PAGE_B.as_bytes());
    let missing = dir.0.join("no-such-page.txt");
    let out = run(&[&a, &missing, &b], b"");
    assert!(!out.status.success(), "should exit non-zero when a file is missing");
    assert_eq!(
        stdout_lines(&out),
        [expected(PAGE_A), expected(PAGE_B)],
        "should still print every readable file, in order"
    );
    let err = stderr(&out);
    assert!(err.contains(&missing.display().to_string()), "should name the missing file on stderr: {err}");
    assert_eq!(err.lines().count(), 1, "should print one error line: {err}");
}

/// The Article's JSON without its diagnostics, and the first diagnostic's message (the encoding's).
fn fields_and_encoding(line: &str) -> (serde_json::Value, String) {
    let mut v: serde_json::Value = serde_json::from_str(line).expect("should be JSON");
    let message = v["diagnostics"][0]["message"].as_str().unwrap_or_default().to_string();
    v.as_object_mut().expect("an object").remove("diagnostics");
    (v, message)
}

#[test]
fn reads_byte_order_marks() {
    let dir = TempDir::new("bom");
    let mut utf8 = b"\xEF\xBB\xBF".to_vec();
    utf8.extend_from_slice(PAGE_A.as_bytes());
    let mut le = b"\xFF\xFE".to_vec();
    le.extend(PAGE_A.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = b"\xFE\xFF".to_vec();
    be.extend(PAGE_A.encode_utf16().flat_map(u16::to_be_bytes));
    let files = [dir.file("utf8-bom.txt", &utf8), dir.file("utf16le.txt", &le), dir.file("utf16be.txt", &be)];
    let out = run(&[&files[0], &files[1], &files[2]], b"");
    assert!(out.status.success(), "should decode every file: {}", stderr(&out));
    let (want, _) = fields_and_encoding(&expected(PAGE_A));
    for (line, encoding) in stdout_lines(&out).iter().zip(["UTF-8", "UTF-16LE", "UTF-16BE"]) {
        let (got, message) = fields_and_encoding(line);
        assert_eq!(got, want, "should read {encoding} with a BOM as the same text, spans counted after the BOM");
        assert!(message.contains(encoding), "should say the file was {encoding}: {message}");
    }
}

#[test]
fn a_gbk_file_without_bom_is_detected_and_decoded() {
    let dir = TempDir::new("gbk");
    let (gbk_bytes, _, _) = encoding_rs::GBK.encode(PAGE_A);
    let gbk = dir.file("gbk-page.txt", &gbk_bytes);
    let out = run(&[&gbk], b"");
    assert!(out.status.success(), "should read a GBK file: {}", stderr(&out));
    let (got, message) = fields_and_encoding(&stdout_lines(&out)[0]);
    let (want, _) = fields_and_encoding(&expected(PAGE_A));
    assert_eq!(got, want, "should give the same Article as the UTF-8 page");
    assert!(message.contains("GB18030"), "should say the bytes were decoded as GB18030: {message}");
}

#[test]
fn odd_utf16_is_decoded_with_a_diagnostic() {
    let dir = TempDir::new("odd16");
    let bad = dir.file("odd.txt", b"\xFF\xFEa\0b");
    let out = run(&[&bad], b"");
    assert!(out.status.success(), "should still give an Article: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout_lines(&out)[0]).expect("should be JSON");
    let codes: Vec<&str> = v["diagnostics"].as_array().unwrap().iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.contains(&"encoding-errors"), "should report the undecodable byte: {codes:?}");
}

#[test]
fn crlf_input_gives_the_same_fields() {
    let out = run(&[], PAGE_A.replace('\n', "\r\n").as_bytes());
    assert!(out.status.success(), "should succeed: {}", stderr(&out));
    let crlf: serde_json::Value = serde_json::from_str(&stdout_lines(&out)[0]).expect("should be JSON");
    let lf: serde_json::Value = serde_json::from_str(&expected(PAGE_A)).expect("should be JSON");
    for key in ["title", "authors", "source", "published", "editors", "breadcrumb", "body"] {
        assert_eq!(crlf[key], lf[key], "should read {key} the same with \\r\\n line ends");
    }
}

#[test]
fn today_flags_a_future_date() {
    let future = run(&[p("--today"), p("2021-09-02")], PAGE_A.as_bytes());
    let past = run(&[p("--today"), p("2021-09-03")], PAGE_A.as_bytes());
    assert!(future.status.success() && past.status.success(), "should succeed with --today");
    let codes = |out: &Output| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(&stdout_lines(out)[0]).expect("should be JSON");
        v["diagnostics"].as_array().expect("diagnostics").iter().map(|d| d["code"].to_string()).collect()
    };
    assert!(codes(&future).iter().any(|c| c.contains("date-in-future")), "should flag a date after today");
    assert!(!codes(&past).iter().any(|c| c.contains("date-in-future")), "should not flag today's date");
}

#[test]
fn help_describes_the_command() {
    let out = run(&[p("--help")], b"");
    assert!(out.status.success(), "should exit 0 for --help");
    let text = String::from_utf8(out.stdout).expect("help should be UTF-8");
    assert!(text.contains("Usage"), "should show usage: {text}");
    for flag in ["--pretty", "--today", "--help", "--version"] {
        assert!(text.contains(flag), "should document {flag}: {text}");
    }
}

#[test]
fn version_is_the_crates() {
    let out = run(&[p("--version")], b"");
    assert!(out.status.success(), "should exit 0 for --version");
    let text = String::from_utf8(out.stdout).expect("the version should be UTF-8");
    assert_eq!(text.trim(), format!("xinwen {}", env!("CARGO_PKG_VERSION")), "should print the crate's version");
}

#[test]
fn an_unknown_flag_is_an_error() {
    let out = run(&[p("--no-such-flag")], b"");
    assert!(!out.status.success(), "should exit non-zero for an unknown flag");
    assert!(out.stdout.is_empty(), "should print no JSON");
    assert!(stderr(&out).contains("--no-such-flag"), "should name the flag: {}", stderr(&out));
}

#[test]
fn an_impossible_today_is_an_error_naming_the_form() {
    for bad in ["2026-13-45", "2026-02-29", "bad", "", "2026-12-03xyz", "2026-12-03T24:00"] {
        let out = run(&[p("--today"), p(bad)], b"");
        assert!(!out.status.success(), "--today {bad:?} should exit non-zero");
        assert!(out.stdout.is_empty(), "--today {bad:?} should print no JSON");
        assert!(stderr(&out).contains("YYYY-MM-DD"), "should name the expected form: {}", stderr(&out));
    }
    for good in ["2024-02-29", "2026-12-03T10:30", "2026-12-03 10:30:59"] {
        let out = run(&[p("--today"), p(good)], "经开区召开工作讲评会\n".as_bytes());
        assert!(out.status.success(), "--today {good:?} should be read: {}", stderr(&out));
    }
}

#[test]
fn a_folder_is_an_error_naming_it() {
    let dir = TempDir::new("folder");
    let out = run(&[&dir.0], b"");
    assert!(!out.status.success(), "should exit non-zero for a folder");
    assert!(out.stdout.is_empty(), "should print no JSON for a folder");
    assert!(stderr(&out).contains(&dir.0.display().to_string()), "should name the folder: {}", stderr(&out));
}

/// A page of our own with a relative picture and no canonical address.
const PAGE_IMAGE: &str =
    "<!doctype html><html><head><meta charset=utf-8><title>青山区新建三座口袋公园_青山网</title></head><body>\
    <h1>青山区新建三座口袋公园</h1><p>来源:青山日报 2021-09-03 10:30</p>\
    <p>今年以来，青山区利用街角空地新建了三座口袋公园，为周边居民提供了休闲健身的好去处。</p>\
    <p><img src=\"../images/park.jpg\" alt=\"口袋公园\"></p><p>图为东湖街口袋公园。（李晓东 摄）</p>\
    <p>区园林部门表示，明年还将新建五座口袋公园，让居民出门见绿。</p></body></html>";

#[test]
fn url_resolves_relative_pictures_and_is_the_articles() {
    let dir = TempDir::new("url");
    let page = dir.file("park.html", PAGE_IMAGE.as_bytes());
    let out = run(&[p("--url"), p("https://news.example.com/qs/2021/park.html"), &page], b"");
    assert!(out.status.success(), "should succeed: {}", stderr(&out));
    let v: serde_json::Value = serde_json::from_str(&stdout_lines(&out)[0]).expect("should be JSON");
    assert_eq!(v["url"], "https://news.example.com/qs/2021/park.html", "should take --url as the article's url");
    assert_eq!(v["host"], "news.example.com", "should give the url's host");
    assert_eq!(v["figures"][0]["src"], "https://news.example.com/qs/images/park.jpg", "should resolve the picture");
    assert_eq!(v["image"]["src"], "https://news.example.com/qs/images/park.jpg", "should lead with the picture");
    let without = run(&[&page], b"");
    let v: serde_json::Value = serde_json::from_str(&stdout_lines(&without)[0]).expect("should be JSON");
    assert_eq!(v["figures"][0]["src"], "../images/park.jpg", "should keep the address as written without --url");
    assert_eq!(v["url"], serde_json::Value::Null, "should have no url without --url or a canonical link");
}

#[test]
fn markdown_is_one_document_per_input() {
    let dir = TempDir::new("markdown");
    let a = dir.file("a.txt", PAGE_A.as_bytes());
    let b = dir.file("b.txt", PAGE_B.as_bytes());
    let one = run(&[p("--output"), p("markdown"), &a], b"");
    assert!(one.status.success(), "should succeed: {}", stderr(&one));
    let text = String::from_utf8(one.stdout.clone()).expect("stdout should be UTF-8");
    assert_eq!(
        text,
        xinwen::to_markdown(&xinwen::parse_bytes(PAGE_A.as_bytes())),
        "should print the library's Markdown"
    );
    assert!(
        text.starts_with("# 青山区召开三季度重点工作推进会\n\n作者：李晓东 · 来源：青山日报"),
        "should open with the headline: {text}"
    );
    let two = run(&[p("--output"), p("markdown"), &a, &b], b"");
    let text = String::from_utf8(two.stdout.clone()).expect("stdout should be UTF-8");
    let docs: Vec<&str> = text.split("<!-- xinwen: ").skip(1).collect();
    assert_eq!(docs.len(), 2, "should open each of two documents with a line naming it: {text}");
    assert!(docs[0].starts_with(&format!("{} -->\n\n# 青山区", a.display())), "should name the first file");
    assert!(docs[1].starts_with(&format!("{} -->\n\n# 东湖镇", b.display())), "should name the second file");
    let records = "{\"id\": 7, \"html\": \"<p>x</p>\"}\n{\"id\": \"p\", \"html\": \"<link rel=canonical href=/qs/1.html><p>y</p>\", \"url\": \"https://news.example.com/a/b.html\"}\n";
    let jsonl = run(&[p("--jsonl"), p("--output"), p("markdown")], records.as_bytes());
    let text = String::from_utf8(jsonl.stdout.clone()).expect("stdout should be UTF-8");
    assert!(
        text.starts_with("<!-- xinwen: 7 -->\n") && text.contains("\n<!-- xinwen: \"p\" -->\n"),
        "should name records by id: {text}"
    );
    let json = run(&[p("--jsonl")], records.as_bytes());
    let second: serde_json::Value = serde_json::from_str(&stdout_lines(&json)[1]).expect("should be JSON");
    assert_eq!(
        second["url"], "https://news.example.com/qs/1.html",
        "should resolve a record's canonical link against its url"
    );
}

#[test]
fn the_json_reads_back_as_an_article() {
    let out = run(&[], PAGE_A.as_bytes());
    let article: xinwen::Article =
        serde_json::from_slice(&out.stdout).expect("the CLI's JSON should read as an Article");
    assert_eq!(article, xinwen::parse_bytes(PAGE_A.as_bytes()), "should read back the Article it was");
}
