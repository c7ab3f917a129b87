//! HTML input: golden fixtures and bad input.
//!
//! Fixtures are pages we wrote, in the encodings Chinese sites serve: `tests/html/NAME.html` (the
//! bytes as served) beside `tests/html/NAME.json` (what a careful reader takes from the page).
//! Every key present in the JSON is checked; absent keys are not:
//! `encoding` (the decoder's choice), `encodingMessage` (its diagnostic), `title`, `authors`,
//! `source`, `published`, `editors`, `site`, `breadcrumb`, `bodyFirst` / `bodyLast` (the body's
//! first paragraph starts with / last paragraph ends with), `bodyWith` / `bodyWithout` (snippets
//! that must / must not be in the body), `diagnostics` (codes that must be present), `description`,
//! `category`, `url`, `host`, `language`, `tags`, `image`, `figures` and `content` (the blocks
//! without their spans, which are checked against the document instead). An `options` key is not a
//! field: the page is parsed with those options (`{"url": "…"}`).

use std::fs;
use std::path::Path;

use serde_json::Value;

fn fixtures() -> Vec<(String, Vec<u8>, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/html");
    let mut out = Vec::new();
    for entry in fs::read_dir(&dir).expect("tests/html should exist") {
        let path = entry.expect("should list tests/html").path();
        if path.extension().is_some_and(|e| e == "html") {
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            let bytes = fs::read(&path).expect("should read the fixture");
            let json = fs::read_to_string(path.with_extension("json")).expect("each fixture should have a .json");
            out.push((name, bytes, serde_json::from_str(&json).expect("the .json should parse")));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 8, "should find the fixtures");
    out
}

fn opt(v: &Value) -> Option<String> {
    v.as_str().map(str::to_string)
}

fn list(v: &Value) -> Vec<String> {
    v.as_array().expect("a list").iter().map(|x| x.as_str().expect("a string").to_string()).collect()
}

#[test]
fn golden_fixtures() {
    for (name, bytes, want) in fixtures() {
        let options: xinwen::Options =
            want.get("options").map_or_else(Default::default, |o| serde_json::from_value(o.clone()).expect("options"));
        let a = xinwen::parse_bytes_with(&bytes, &options);
        let w = |k: &str| want.get(k);
        if let Some(v) = w("encoding") {
            assert_eq!(
                xinwen::decode::decode(&bytes).encoding,
                v.as_str().unwrap(),
                "{name}: should pick the encoding"
            );
        }
        if let Some(v) = w("encodingMessage") {
            let d = a.diagnostics.iter().find(|d| d.code == "encoding").expect("should report the encoding");
            assert_eq!(d.message, v.as_str().unwrap(), "{name}: should say why this encoding");
        }
        for (key, got) in [
            ("title", &a.title),
            ("source", &a.source),
            ("published", &a.published),
            ("site", &a.site),
            ("description", &a.description),
            ("category", &a.category),
            ("url", &a.url),
            ("host", &a.host),
            ("language", &a.language),
        ] {
            if let Some(v) = w(key) {
                assert_eq!(got, &opt(v), "{name}: {key} should match");
            }
        }
        for (key, got) in
            [("authors", &a.authors), ("editors", &a.editors), ("breadcrumb", &a.breadcrumb), ("tags", &a.tags)]
        {
            if let Some(v) = w(key) {
                assert_eq!(got, &list(v), "{name}: {key} should match");
            }
        }
        if let Some(v) = w("bodyFirst") {
            let first = a.body.first().map(String::as_str).unwrap_or("");
            assert!(first.starts_with(v.as_str().unwrap()), "{name}: the body should start right, got {first:?}");
        }
        if let Some(v) = w("bodyLast") {
            let last = a.body.last().map(String::as_str).unwrap_or("");
            assert!(last.ends_with(v.as_str().unwrap()), "{name}: the body should end right, got {last:?}");
        }
        for s in w("bodyWith").map(list).unwrap_or_default() {
            assert!(a.body.iter().any(|p| p.contains(&s)), "{name}: the body should contain {s:?}");
        }
        for s in w("bodyWithout").map(list).unwrap_or_default() {
            assert!(!a.body.iter().any(|p| p.contains(&s)), "{name}: the body should not contain {s:?}");
        }
        for code in w("diagnostics").map(list).unwrap_or_default() {
            assert!(a.diagnostics.iter().any(|d| d.code == code), "{name}: should report {code}: {:?}", a.diagnostics);
        }
        if let Some(v) = w("image") {
            assert_eq!(&serde_json::to_value(&a.image).unwrap(), v, "{name}: image should match");
        }
        for key in ["figures", "content"] {
            if let Some(v) = w(key) {
                let got = serde_json::to_value(
                    if key == "figures" { serde_json::to_value(&a.figures) } else { serde_json::to_value(&a.content) }
                        .unwrap(),
                )
                .unwrap();
                assert_eq!(&without_spans(got), v, "{name}: {key} should match (spans aside)");
            }
        }
        check_spans(&name, &bytes, &a);
        check_content_spans(&name, &bytes, &a);
    }
}

/// A list of blocks or figures without their `start` and `end`.
fn without_spans(mut v: Value) -> Value {
    for item in v.as_array_mut().into_iter().flatten() {
        if let Some(o) = item.as_object_mut() {
            o.remove("start");
            o.remove("end");
        }
    }
    v
}

/// Every block of the content spans the source of what it holds, in order: a picture from its
/// `<img`, a caption, paragraph or subheading from its first character (or the gallery counter a
/// paragraph drops), a list or table from its first item's or cell's.
fn check_content_spans(name: &str, bytes: &[u8], a: &xinwen::Article) {
    let text = xinwen::decode::decode(bytes).text;
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut prev = 0;
    for block in &a.content {
        let (start, end) = block.span();
        assert!(start < end && end <= units.len(), "{name}: a block's span should lie inside the document");
        assert!(start >= prev, "{name}: blocks should come in order");
        prev = start;
        let source = String::from_utf16_lossy(&units[start..end]);
        let first = match block {
            xinwen::Content::Figure(f) if f.src.is_some() => "<img".to_string(),
            xinwen::Content::Figure(f) => f.caption.clone().unwrap_or_default(),
            xinwen::Content::Paragraph { text, .. }
            | xinwen::Content::Subheading { text, .. }
            | xinwen::Content::Quote { text, .. }
            | xinwen::Content::Code { text, .. } => text.clone(),
            xinwen::Content::List { items, .. } => items[0].clone(),
            xinwen::Content::Table { rows, .. } => rows[0][0].clone(),
        };
        let head: String = first.chars().take(2).collect();
        // a paragraph drops a gallery counter (`1/8`) that opens its line
        let opens =
            source.starts_with(&head) || (source.starts_with(|c: char| c.is_ascii_digit()) && source.contains(&head));
        assert!(opens, "{name}: a block's span should start at {head:?}: {source:?}");
    }
}

/// Spans count UTF-16 units of the decoded HTML, in order, and a body block's span starts at the
/// paragraph's first character in the source (or at a gallery counter the paragraph drops).
fn check_spans(name: &str, bytes: &[u8], a: &xinwen::Article) {
    let text = xinwen::decode::decode(bytes).text;
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut prev_end = 0;
    let mut body = a.body.iter();
    for b in &a.blocks {
        assert!(b.start < b.end && b.end <= units.len(), "{name}: a span should lie inside the document");
        assert!(b.start >= prev_end, "{name}: spans should come in order without overlapping");
        prev_end = b.end;
        if b.role == xinwen::Role::Body {
            let para = body.next().expect("should have a paragraph per body block");
            let source = String::from_utf16_lossy(&units[b.start..b.end]);
            let first = para.chars().next().unwrap();
            // the block is the whole line: a gallery counter (`1/8`) the paragraph drops may open it
            let counter: String = source.chars().take_while(|c| c.is_ascii_digit() || *c == '/').collect();
            let opens = source.starts_with(first) || (counter.contains('/') && source.contains(first));
            assert!(opens, "{name}: a body span should start at its text: {source:?}");
        }
    }
}

#[test]
fn the_text_path_and_the_html_path_agree() {
    // the same page as text (as a browser copies it) and as HTML gives the same fields
    let html = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/html/utf8-declared-gb2312.html")).unwrap();
    let from_html = xinwen::parse_bytes(&html);
    let copied = "首页 | 新闻 | 城市 | 体育 | 财经\n您的位置：首页 > 体育\n市民长跑节周日开跑 八千名跑者参赛\n\
                  2020-10-18 07:45:12 来源：青川晚报 记者 赵一鸣 通讯员 孙立\n\
                  10月18日清晨，2020青川市民长跑节在滨江公园鸣枪开跑，来自全市各区县的八千名跑者参加了比赛。\n\
                  本届长跑节设半程马拉松、10公里跑和3公里欢乐跑三个项目，赛道沿江而设，风景秀丽。\n\
                  最终，男子半程马拉松冠军由本地跑者刘洋获得，成绩为1小时08分。\n（编辑：吴倩）\n";
    let from_text = xinwen::parse(copied);
    assert_eq!(from_text.title, from_html.title, "should agree on the title");
    assert_eq!(from_text.published, from_html.published, "should agree on the date");
    assert_eq!(from_text.source, from_html.source, "should agree on the source");
    assert_eq!(from_text.body, from_html.body, "should agree on the body");
}

#[test]
fn format_option_forces_the_reading() {
    let page = "<p>标题</p>";
    let text = xinwen::parse_with(page, &xinwen::Options { format: xinwen::Format::Text, ..Default::default() });
    assert_eq!(text.blocks[0].end - text.blocks[0].start, 9, "should read markup as text when told");
    let html = xinwen::parse_with(page, &xinwen::Options { format: xinwen::Format::Html, ..Default::default() });
    assert_eq!((html.blocks[0].start, html.blocks[0].end), (3, 5), "should read HTML when told");
    let options: xinwen::Options = serde_json::from_str(r#"{"format":"html"}"#).unwrap();
    assert_eq!(options.format, xinwen::Format::Html, "should deserialize the format in camelCase");
}

// ---- bad input: never a panic, always a result with a diagnostic ----

#[test]
fn truncated_documents() {
    for (name, bytes, _) in fixtures() {
        for cut in (0..bytes.len()).step_by(37) {
            let a = xinwen::parse_bytes(&bytes[..cut]);
            assert!(!a.diagnostics.is_empty(), "{name} cut at {cut}: should say something");
        }
    }
}

#[test]
fn a_20_mb_page() {
    let mut page =
        String::from("<!DOCTYPE html><html><head><title>大页面</title></head><body><h1>一个很大的页面标题</h1>");
    let para = "<div class=\"item\"><p>这是一段用来把页面撑大的正文文字，重复很多次，每一段都一样，检验解析的成本随输入线性增长。</p></div>\n";
    while page.len() < 20 * 1024 * 1024 {
        page.push_str(para);
    }
    page.push_str("</body></html>");
    let a = xinwen::parse(&page);
    assert_eq!(a.title.as_deref(), Some("一个很大的页面标题"), "should still find the headline");
    assert!(a.body.len() > 1000, "should keep the paragraphs");
}

#[test]
fn deeply_nested_divs() {
    let n = 100_000;
    let page = format!(
        "<html><body>{}<h1>嵌套很深的页面标题</h1><p>正文在十万层嵌套的最里面，解析器不应递归，也不应崩溃，结果仍然可用。</p>{}</body></html>",
        "<div>".repeat(n),
        "</div>".repeat(n)
    );
    let a = xinwen::parse(&page);
    assert_eq!(a.title.as_deref(), Some("嵌套很深的页面标题"), "should read through 100,000 nested divs");
    // and as many stray end tags with nothing open
    let stray = format!("<html><body><p>开头</p>{}<p>结尾</p></body></html>", "</div></span>".repeat(n));
    assert_eq!(xinwen::parse(&stray).blocks.len(), 2, "should ignore stray end tags");
}

#[test]
fn nul_bytes_and_binary_files() {
    let a = xinwen::parse_bytes("<html><body><p>正文\0中间有空字节</p></body></html>".as_bytes());
    assert!(a.diagnostics.iter().any(|d| d.code == "binary"), "should flag NUL bytes");
    // pseudo-random bytes (a fixed linear congruential sequence)
    let mut x: u32 = 12345;
    let noise: Vec<u8> = (0..65536)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    let a = xinwen::parse_bytes(&noise);
    assert!(a.diagnostics.iter().any(|d| d.code == "binary"), "should flag a binary file");
    assert!(a.diagnostics.iter().any(|d| d.code == "encoding"), "should still say how it decoded");
    let a = xinwen::parse_bytes(b"<html><meta charset=utf-8><p>\xff\xfe\xfd</p>");
    assert!(a.diagnostics.iter().any(|d| d.code == "encoding-errors"), "should report undecodable bytes");
}

#[test]
fn markup_edge_cases() {
    for page in [
        "<",
        "<!",
        "<!--",
        "</",
        "<a",
        "<a href=\"",
        "<a href='x",
        "<p>&#",
        "<p>&#x",
        "<p>&#99999999999;",
        "<p>&",
        "<script>",
        "<title>",
        "<textarea>未闭合",
        "<html><body>\u{1F600}<b\u{1F600}>x</b\u{1F600}>",
        "<svg><title>图</title></svg><p>文</p>",
        "<meta charset=\"",
        "<p style=\"display:none\">",
    ] {
        let a = xinwen::parse_with(page, &xinwen::Options { format: xinwen::Format::Html, ..Default::default() });
        let units = page.encode_utf16().count();
        assert!(a.blocks.iter().all(|b| b.end <= units), "{page:?}: spans should stay inside the input");
    }
}

// ---- the command line reads HTML, GBK text and standard input through the same path ----

#[cfg(feature = "cli")]
#[test]
fn cli_reads_any_encoding_and_refuses_binary() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let bin = env!("CARGO_BIN_EXE_xinwen");
    let dir = std::env::temp_dir().join(format!("xinwen-cli-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    // a GBK text file with no BOM and no declaration
    let text = "经开区召开工作讲评会\n作者:张冰明    来源:岳阳日报    发布时间:2017年07月26日\n\n\
                7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作,确保全面完成全年目标任务。\n";
    let (gbk, _, _) = encoding_rs::GBK.encode(text);
    let txt = dir.join("page.txt");
    fs::write(&txt, &gbk).unwrap();
    let out = Command::new(bin).arg(&txt).output().unwrap();
    assert!(out.status.success(), "should read a GBK text file");
    let a: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(a["title"], "经开区召开工作讲评会", "should decode GBK text");
    // HTML on standard input, forced and detected
    let html = fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/html/gbk-declared.html")).unwrap();
    for args in [&["--format", "html"][..], &[][..]] {
        let mut child = Command::new(bin).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
        child.stdin.take().unwrap().write_all(&html).unwrap();
        let out = child.wait_with_output().unwrap();
        let a: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(a["title"], "青川新区启动老旧小区改造工程", "should read HTML on stdin with {args:?}");
    }
    // a binary file is refused with a clear message
    let bin_file = dir.join("image.png");
    fs::write(&bin_file, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let out = Command::new(bin).arg(&bin_file).output().unwrap();
    assert!(!out.status.success(), "should fail on a binary file");
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"), "should say the file is binary");
    fs::remove_dir_all(&dir).ok();
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

    /// Any mix of markup pieces and text: no panic, spans inside the input and in order.
    #[test]
    fn never_panics_on_markup_soup(parts in proptest::collection::vec(proptest::sample::select(vec![
        "<p>", "</p>", "<div class=\"content\">", "</div>", "<a href='x'>", "</a>", "<br>", "<!--", "-->", "<script>",
        "</script>", "<title>", "</title>", "&amp;", "&#x4e2d;", "&", "<", ">", "\"", "'", "=", " ", "\n", "\u{3000}",
        "正文", "发布时间：2020年1月2日", "来源：某报", "𠀀", "<h1>", "</h1>", "<meta charset=gbk>", "<td>", "<li>",
        "<style hidden>", "<span style='display:none'>", "</span>", "<!DOCTYPE html>", "<textarea>", "</textarea>",
    ]), 0..80)) {
        let page: String = parts.concat();
        let a = xinwen::parse_with(&page, &xinwen::Options { format: xinwen::Format::Html, ..Default::default() });
        let units = page.encode_utf16().count();
        let mut prev = 0;
        for b in &a.blocks {
            proptest::prop_assert!(b.start < b.end && b.end <= units, "spans should lie inside the input");
            proptest::prop_assert!(b.start >= prev, "spans should come in order");
            prev = b.end;
        }
    }
}
