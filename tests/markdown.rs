//! The Markdown export read back by a CommonMark parser (pulldown-cmark, with GitHub's tables).
//!
//! In: every golden fixture (`tests/fixtures/*.txt`, `tests/html/*.html`) and generated articles of
//! text full of Markdown's own characters. Out: a failure naming the fixture when the rendered
//! document does not give back, in order, the headline, the metadata line, and every block of the
//! article's content: its paragraphs, subheadings, list items, quotes, table cells, code, and its
//! figures' addresses, alternative texts and captions, as the article holds them.

use std::fs;
use std::path::Path;

use proptest::prelude::*;
use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use xinwen::{Article, Content, Figure};

/// What a reader of the rendered document sees, block by block.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seen {
    Title(String),
    Subheading(String),
    Paragraph(String),
    Item(String),
    Quote(String),
    Cell(String),
    Image { src: String, alt: String },
    Caption(String),
    Code(String),
}

/// A line of the page's text as Markdown shows it: line breaks as spaces, no white space at its end.
fn shown(text: &str) -> String {
    text.replace(['\n', '\r'], " ").trim_end_matches([' ', '\t']).to_string()
}

/// What the article should read as, in order.
fn expected(a: &Article) -> Vec<Seen> {
    let mut out = Vec::new();
    if let Some(t) = &a.title {
        out.push(Seen::Title(shown(t)));
    }
    let mut meta = Vec::new();
    if !a.authors.is_empty() {
        meta.push(format!("作者：{}", a.authors.join("、")));
    }
    if let Some(s) = &a.source {
        meta.push(format!("来源：{s}"));
    }
    meta.extend(a.published.clone());
    meta.extend(a.site.clone());
    if !meta.is_empty() {
        out.push(Seen::Paragraph(shown(&meta.join(" · "))));
    }
    for block in &a.content {
        match block {
            Content::Paragraph { text, .. } => out.push(Seen::Paragraph(shown(text))),
            Content::Subheading { text, .. } => out.push(Seen::Subheading(shown(text))),
            Content::List { items, .. } => out.extend(items.iter().map(|i| Seen::Item(shown(i)))),
            Content::Quote { text, .. } => out.extend(text.lines().map(|l| Seen::Quote(shown(l)))),
            Content::Table { rows, .. } => {
                let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
                for row in rows {
                    out.extend((0..width).map(|k| Seen::Cell(shown(row.get(k).map_or("", String::as_str)))));
                }
            }
            Content::Figure(Figure { src, alt, caption, .. }) => {
                if let Some(src) = src {
                    let src = src.replace(['\n', '\r'], "");
                    out.push(Seen::Image { src, alt: alt.clone().unwrap_or_default() });
                }
                out.extend(caption.as_deref().map(|c| Seen::Caption(shown(c))));
            }
            Content::Code { text, .. } => out.push(Seen::Code(text.clone())),
        }
    }
    out
}

/// What a CommonMark parser reads in `md`.
fn read_back(md: &str) -> Vec<Seen> {
    let mut out = Vec::new();
    let mut text = String::new();
    let (mut quote, mut emphasis, mut in_item) = (0, 0, false);
    let mut image = None::<String>;
    // whether the paragraph so far is all emphasis (a figure's caption)
    let mut all_emphasis = None::<bool>;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) => {
                if emphasis == 0 && image.is_none() {
                    all_emphasis = Some(false);
                }
                text.push_str(&t);
            }
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Start(Tag::Paragraph) => all_emphasis = None,
            Event::Start(Tag::Emphasis) => {
                emphasis += 1;
                all_emphasis.get_or_insert(true);
            }
            Event::End(TagEnd::Emphasis) => emphasis -= 1,
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some(dest_url.to_string());
                text.clear();
            }
            Event::End(TagEnd::Image) => {
                let src = image.take().expect("an image should have started");
                out.push(Seen::Image { src, alt: std::mem::take(&mut text) });
            }
            Event::Start(Tag::BlockQuote(_)) => quote += 1,
            Event::End(TagEnd::BlockQuote(_)) => quote -= 1,
            Event::Start(Tag::Item) => {
                in_item = true;
                text.clear();
            }
            Event::End(TagEnd::Item) => {
                in_item = false;
                out.push(Seen::Item(std::mem::take(&mut text)));
            }
            Event::End(TagEnd::Heading(level)) => {
                let t = std::mem::take(&mut text);
                out.push(if level == HeadingLevel::H1 { Seen::Title(t) } else { Seen::Subheading(t) });
            }
            Event::End(TagEnd::Paragraph) if !in_item => {
                let t = std::mem::take(&mut text);
                if !t.is_empty() {
                    out.push(if quote > 0 {
                        Seen::Quote(t)
                    } else if all_emphasis == Some(true) {
                        Seen::Caption(t)
                    } else {
                        Seen::Paragraph(t)
                    });
                }
            }
            Event::End(TagEnd::TableCell) => out.push(Seen::Cell(std::mem::take(&mut text))),
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_))) => text.clear(),
            Event::End(TagEnd::CodeBlock) => {
                let t = std::mem::take(&mut text);
                out.push(Seen::Code(t.strip_suffix('\n').unwrap_or(&t).to_string()));
            }
            _ => {}
        }
    }
    out
}

fn check(name: &str, a: &Article) {
    let md = xinwen::to_markdown(a);
    let want = expected(a);
    let got = read_back(&md);
    assert_eq!(got, want, "{name}: the Markdown should read back as the article; it is:\n{md}");
    assert!(md.ends_with('\n') && !md.ends_with("\n\n"), "{name}: the document should end with one line break");
}

#[test]
fn every_fixture_reads_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut seen = 0;
    for (dir, ext) in [("fixtures", "txt"), ("html", "html")] {
        for entry in fs::read_dir(root.join(dir)).expect("should list the fixtures") {
            let path = entry.expect("should read the folder").path();
            if path.extension().is_some_and(|e| e == ext) {
                let bytes = fs::read(&path).expect("should read the fixture");
                let options = xinwen::Options {
                    url: Some("https://www.example.com/news/2024/1.html".into()),
                    ..Default::default()
                };
                check(&path.display().to_string(), &xinwen::parse_bytes_with(&bytes, &options));
                seen += 1;
            }
        }
    }
    assert!(seen >= 40, "should read back every fixture, found {seen}");
}

#[test]
fn every_kind_of_block_reads_back() {
    let a = Article {
        title: Some("标题 *不* 是强调 # 1. [链接](x)".into()),
        authors: vec!["张三".into(), "李_四".into()],
        source: Some("某某<日报>".into()),
        published: Some("2024-06-20T09:30+08:00".into()),
        site: Some("某某网".into()),
        content: vec![
            Content::Paragraph {
                text: "1. 不是列表，2019.12.10 是日期；a*b_c`d` & &amp; \\ ~~删~~ | 竖线".into(),
                start: 0,
                end: 0,
            },
            Content::Subheading { text: "一、总体要求".into(), start: 0, end: 0 },
            Content::List { ordered: true, items: vec!["第一项".into(), "- 第二项".into()], start: 0, end: 0 },
            Content::List { ordered: false, items: vec!["+ 加号".into(), "# 井号".into()], start: 0, end: 0 },
            Content::Quote { text: "引文第一行\n> 引文第二行".into(), start: 0, end: 0 },
            Content::Table {
                rows: vec![
                    vec!["场馆".into(), "地址".into()],
                    vec!["游泳馆 | A".into()],
                    vec!["".into(), "东湖街3号".into()],
                ],
                start: 0,
                end: 0,
            },
            Content::Figure(Figure {
                src: Some("https://img.example.com/a b(1).jpg".into()),
                alt: Some("游泳馆 [外景]".into()),
                caption: Some("图为市体育中心游泳馆。（林可 摄）".into()),
                start: 0,
                end: 0,
            }),
            Content::Figure(Figure { src: None, alt: None, caption: Some("资料图 *".into()), start: 0, end: 0 }),
            Content::Code { text: "let a = \"```\";\nprint(a)".into(), start: 0, end: 0 },
        ],
        ..Article::default()
    };
    check("every kind of block", &a);
}

/// Pieces of text that Markdown would read as syntax, and text around them.
const PIECES: &[&str] = &[
    "*",
    "**",
    "_",
    "`",
    "``",
    "[",
    "]",
    "(",
    ")",
    "<",
    ">",
    "!",
    "#",
    "##",
    "+",
    "-",
    "=",
    "~",
    "|",
    "\\",
    "&",
    "&amp;",
    "&#123;",
    "1.",
    "2)",
    " ",
    "  ",
    "\t",
    "正文",
    "记者",
    "。",
    "，",
    "http://a.example/",
    "---",
    "***",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Any text made of Markdown's own characters reads back as written, in every kind of block.
    #[test]
    fn any_text_reads_back(picks in proptest::collection::vec(0..PIECES.len(), 1..24), src in "[a-z/:. ()<>]{1,20}") {
        let text: String = picks.iter().map(|&i| PIECES[i]).collect();
        let text = text.trim().to_string();
        prop_assume!(!text.is_empty());
        let a = Article {
            title: Some(text.clone()),
            content: vec![
                Content::Paragraph { text: text.clone(), start: 0, end: 0 },
                Content::Subheading { text: text.clone(), start: 0, end: 0 },
                Content::List { ordered: false, items: vec![text.clone()], start: 0, end: 0 },
                Content::Quote { text: text.clone(), start: 0, end: 0 },
                Content::Table { rows: vec![vec![text.clone(), "x".into()]], start: 0, end: 0 },
                Content::Figure(Figure { src: Some(src.trim().to_string()), alt: Some(text.clone()), caption: Some(text.clone()), start: 0, end: 0 }),
            ],
            ..Article::default()
        };
        let md = xinwen::to_markdown(&a);
        prop_assert_eq!(read_back(&md), expected(&a), "should read back; the document:\n{}", md);
    }
}
