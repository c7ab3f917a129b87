//! The command line's JSON Lines mode (`xinwen --jsonl`) on a long stream, run as a built binary.
//!
//! In: 50,000 records we generate — small text and HTML pages of our own with string and number
//! ids, and now and then a line that is not a good record (not JSON, invalid UTF-8, no id, no page,
//! both pages, a page that is not a string) or a blank line. Out: nothing; the test checks that
//! every id comes back exactly once and in input order, that bad lines give error records (with
//! their id when it can be read) and a message on standard error without stopping the stream, and
//! that the articles are the library's.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::{json, Value};

const BIN: &str = env!("CARGO_BIN_EXE_xinwen");
const RECORDS: usize = 50_000;

/// A small text page of our own whose headline and date carry `n`.
fn text_page(n: usize) -> String {
    format!(
        "青山网> 区县\n\n青山区召开第{n}次重点工作推进会\n作者:李晓东    来源:青山日报    发布时间:2021年09月{:02}日\n\n\
         9月2日,青山区召开重点工作推进会,通报经济运行情况,部署下一阶段重点任务,确保全年目标顺利完成。\n\
         责任编辑:王建平\n",
        n % 28 + 1
    )
}

/// A small HTML page of our own whose headline carries `n`.
fn html_page(n: usize) -> String {
    format!(
        "<!doctype html><html><head><title>东湖镇部署第{n}轮防汛工作_东湖发布</title></head><body>\
         <h1>东湖镇部署第{n}轮防汛工作</h1><p class=\"info\">来源:东湖发布 2022-06-18 09:30</p>\
         <p>6月17日,东湖镇召开防汛工作会议,听取了镇水利站、应急办等单位的防汛准备情况汇报。会议强调,要压紧压实防汛责任,加强巡查值守,确保安全度汛。</p>\
         </body></html>"
    )
}

/// What one input line should give: the id that comes back, and the page when the record is good.
enum Expect {
    Article(Value, String, xinwen::Format),
    Error(Value),
    Skipped,
}

/// The stream's lines and what each should give.
fn stream() -> (Vec<u8>, Vec<Expect>) {
    let mut input = Vec::new();
    let mut expect = Vec::new();
    for n in 0..RECORDS {
        // ids of both kinds, and not in sorted order, so that order comes from the input alone
        let id = if n % 3 == 0 { json!(n * 7919 % 100_003) } else { json!(format!("rec-{n}")) };
        let (line, e): (Vec<u8>, Expect) = match n % 1000 {
            17 => (b"{\"id\": \"broken\", \"text\": ".to_vec(), Expect::Error(Value::Null)),
            117 => (b"{\"id\": \"bad-utf8\", \"text\": \"\xff\xfe\"}".to_vec(), Expect::Error(Value::Null)),
            217 => (json!({ "text": text_page(n) }).to_string().into_bytes(), Expect::Error(Value::Null)),
            317 => (json!({ "id": id }).to_string().into_bytes(), Expect::Error(id)),
            417 => (json!({ "id": id, "text": "a", "html": "b" }).to_string().into_bytes(), Expect::Error(id)),
            517 => (json!({ "id": id, "html": 3 }).to_string().into_bytes(), Expect::Error(id)),
            617 => (b"   ".to_vec(), Expect::Skipped),
            _ if n % 2 == 0 => {
                let page = text_page(n);
                let line = json!({ "id": id, "text": page, "source": "ignored" }).to_string().into_bytes();
                (line, Expect::Article(id, page, xinwen::Format::Text))
            }
            _ => {
                let page = html_page(n);
                (
                    json!({ "id": id, "html": page }).to_string().into_bytes(),
                    Expect::Article(id, page, xinwen::Format::Html),
                )
            }
        };
        input.extend_from_slice(&line);
        input.push(b'\n');
        expect.push(e);
    }
    (input, expect)
}

#[test]
fn a_long_stream_comes_back_whole_and_in_order() {
    let (input, expect) = stream();
    let mut child = Command::new(BIN)
        .args(["--jsonl", "--jobs", "4"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("should start the xinwen binary");
    let mut stdin = child.stdin.take().expect("should have a stdin pipe");
    // write from another thread: the binary writes output while it reads, and both pipes are bounded
    let writer = std::thread::spawn(move || stdin.write_all(&input).expect("should write the stream"));
    let output = child.wait_with_output().expect("should wait for xinwen");
    writer.join().expect("should finish writing");

    let stdout = String::from_utf8(output.stdout).expect("should write UTF-8");
    let stderr = String::from_utf8(output.stderr).expect("should write UTF-8 messages");
    let lines: Vec<&str> = stdout.lines().collect();
    let wanted: Vec<&Expect> = expect.iter().filter(|e| !matches!(e, Expect::Skipped)).collect();
    assert_eq!(lines.len(), wanted.len(), "should write one line per non-blank input line");
    let bad = wanted.iter().filter(|e| matches!(e, Expect::Error(_))).count();
    assert_eq!(stderr.lines().count(), bad, "should write one message per bad line:\n{stderr}");
    assert!(stderr.contains("line 18:"), "should name the bad line's number: {stderr}");
    assert!(!output.status.success(), "should exit with failure when some record was bad");

    let options = xinwen::Options::default();
    for (i, (line, e)) in lines.iter().zip(&wanted).enumerate() {
        let got: Value = serde_json::from_str(line).expect("should write one JSON value per line");
        match e {
            Expect::Article(id, page, format) => {
                assert_eq!(&got["id"], id, "should give back the id of line {i} in order");
                assert!(got.get("error").is_none(), "should parse good record {id}: {line}");
                // every 97th article in full against the library; the rest by their headline
                if i % 97 == 0 {
                    let article = xinwen::parse_with(page, &xinwen::Options { format: *format, ..options.clone() });
                    let mut want = serde_json::to_value(&article).expect("should serialize");
                    want.as_object_mut().expect("should be an object").insert("id".into(), id.clone());
                    assert_eq!(got, want, "should be the library's article beside the id");
                }
                let title = got["title"].as_str().unwrap_or_default();
                assert!(page.contains(title) && !title.is_empty(), "should find the headline of {id}: {title:?}");
            }
            Expect::Error(id) => {
                assert_eq!(&got["id"], id, "should give the bad line's id when it can be read: {line}");
                assert!(got["error"].as_str().is_some_and(|s| !s.is_empty()), "should say why: {line}");
            }
            Expect::Skipped => unreachable!("blank lines were filtered out"),
        }
    }
    // a couple of articles field by field
    let first: Value = serde_json::from_str(lines[0]).expect("should be JSON");
    assert_eq!(first["id"], json!(0));
    assert_eq!(first["title"], "青山区召开第0次重点工作推进会");
    assert_eq!(first["authors"], json!(["李晓东"]));
    assert_eq!(first["published"], "2021-09-01");
    let second: Value = serde_json::from_str(lines[1]).expect("should be JSON");
    assert_eq!(second["id"], "rec-1");
    assert_eq!(second["title"], "东湖镇部署第1轮防汛工作");
}

#[test]
fn one_job_gives_the_same_stream() {
    let input = [
        json!({ "id": "a", "text": text_page(1) }).to_string(),
        "not json".to_string(),
        json!({ "id": 2, "html": html_page(2) }).to_string(),
    ]
    .join("\n");
    let run = |jobs: &str| {
        let mut child = Command::new(BIN)
            .args(["--jsonl", "--jobs", jobs])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("should start the xinwen binary");
        child.stdin.take().expect("should have a stdin pipe").write_all(input.as_bytes()).expect("should write");
        child.wait_with_output().expect("should wait for xinwen")
    };
    let (one, four) = (run("1"), run("4"));
    assert_eq!(one.stdout, four.stdout, "should write the same lines whatever the number of jobs");
    let lines: Vec<Value> = String::from_utf8_lossy(&one.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("should be JSON"))
        .collect();
    assert_eq!(lines.len(), 3, "should go on after a bad line (no newline at the end is fine)");
    assert_eq!(lines[1], json!({ "id": null, "error": lines[1]["error"] }), "should write an error record");
    assert_eq!(lines[2]["id"], 2);
}
