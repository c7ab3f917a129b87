//! Bytes that are not a page, and bytes in an encoding the caller names.
//!
//! In: pages we write here, encoded as a test needs (UTF-16 with no byte-order mark, Big5), and
//! binary data made here (a JPEG's header and a fixed pseudo-random body). Out: nothing; each test
//! checks the Article (`kind`, fields, blocks, diagnostics), or the command line's output.
//! What they guard: a binary file read as text gives `kind: "other"`, no body and one `binary`
//! diagnostic rather than paragraphs of U+FFFD; `Options.encoding` reads bytes as the caller says;
//! UTF-16 without a byte-order mark is read by its NUL bytes; `xinwen --encoding` forwards the choice.

use serde_json::Value;
use xinwen::{Encoding, Kind, Options, Role};

const PAGE: &str = "海滨网> 文化\n\n海滨市第十届春季书展开幕\n作者:陈立    来源:海滨日报    发布时间:2023年04月21日 09:30\n\n\
    4月20日,海滨市第十届春季书展在会展中心开幕,为期五天的展期预计吸引逾五万人次入场参观,主办单位表示今年参展出版社明显增加。\n\
    书展设置主题展区、少儿阅读区和古籍修复体验区,市民可现场参与多场作者见面会与新书分享活动。\n\
    责任编辑:林海\n";

/// A JPEG's first bytes, then a fixed pseudo-random body (a linear congruential sequence), as an
/// image file holds: NULs, control bytes and bytes UTF-8 cannot read.
fn jpeg() -> Vec<u8> {
    let mut bytes =
        b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00\x43\x00".to_vec();
    let mut x: u32 = 20_240_521;
    bytes.extend((0..40_000).map(|_| {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (x >> 16) as u8
    }));
    bytes
}

fn codes(article: &xinwen::Article) -> Vec<&str> {
    article.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[test]
fn a_binary_file_is_no_page() {
    let bytes = jpeg();
    let article = xinwen::parse_bytes(&bytes);
    assert_eq!(article.kind, Kind::Other, "a JPEG should be kind other");
    assert!(article.title.is_none() && article.body.is_empty() && article.sections.is_empty(), "should find no fields");
    assert_eq!(
        codes(&article).iter().filter(|&&c| c == "binary").count(),
        1,
        "should say binary once: {:?}",
        codes(&article)
    );
    assert!(codes(&article).contains(&"encoding"), "should still say how it decoded");
    assert!(!article.blocks.is_empty(), "should still cover the input with blocks");
    assert!(article.blocks.iter().all(|b| b.role == Role::Other), "every block should be Other");
    // the same bytes read as text by the caller, and with an encoding named
    let text = String::from_utf8_lossy(&bytes);
    assert!(codes(&xinwen::parse(&text)).contains(&"binary"), "the text of a JPEG should be binary too");
    let big5 = Options { encoding: Encoding::Big5, ..Default::default() };
    assert_eq!(xinwen::parse_bytes_with(&bytes, &big5).kind, Kind::Other, "should be binary in any encoding");
}

#[test]
fn text_in_the_wrong_encoding_is_still_text() {
    let (gbk, _, _) = encoding_rs::GBK.encode(PAGE);
    let utf8 = Options { encoding: Encoding::Utf8, ..Default::default() };
    let article = xinwen::parse_bytes_with(&gbk, &utf8);
    assert!(!codes(&article).contains(&"binary"), "mojibake should not be called binary: {:?}", codes(&article));
    assert!(codes(&article).contains(&"encoding-errors"), "should count the undecodable bytes");
    assert_eq!(xinwen::parse_bytes(&gbk).title.as_deref(), Some("海滨市第十届春季书展开幕"), "auto should read GBK");
}

#[test]
fn a_named_encoding_is_honoured() {
    let traditional = "海濱網> 文化\n\n海濱市第十屆春季書展開幕\n作者:陳立    來源:海濱日報    發佈時間:2023年04月21日 09:30\n\n\
        4月20日,海濱市第十屆春季書展在會展中心開幕,為期五天的展期預計吸引逾五萬人次入場參觀,主辦單位表示今年參展出版社明顯增加。\n";
    let (big5, _, errors) = encoding_rs::BIG5.encode(traditional);
    assert!(!errors, "the page should be all Big5");
    let read = |encoding| xinwen::parse_bytes_with(&big5, &Options { encoding, ..Default::default() });
    assert_eq!(read(Encoding::Big5).title.as_deref(), Some("海濱市第十屆春季書展開幕"), "Big5 should read the title");
    assert_eq!(read(Encoding::Big5).diagnostics[0].message, "decoded as Big5: chosen by the caller", "should say so");
    assert_ne!(read(Encoding::Gb18030).title.as_deref(), Some("海濱市第十屆春季書展開幕"), "GB18030 should not");
    // UTF-16 with no byte-order mark: read by its NULs, or as named
    for (le, encoding, name) in [(true, Encoding::Utf16Le, "UTF-16LE"), (false, Encoding::Utf16Be, "UTF-16BE")] {
        let bytes: Vec<u8> =
            PAGE.encode_utf16().flat_map(|u| if le { u.to_le_bytes() } else { u.to_be_bytes() }).collect();
        let auto = xinwen::parse_bytes(&bytes);
        assert_eq!(auto.title.as_deref(), Some("海滨市第十届春季书展开幕"), "should detect {name} without a BOM");
        assert!(auto.diagnostics[0].message.starts_with(&format!("decoded as {name}:")), "{:?}", auto.diagnostics);
        let named = xinwen::parse_bytes_with(&bytes, &Options { encoding, ..Default::default() });
        assert_eq!(named.title, auto.title, "naming {name} should read the same");
    }
    // text has no encoding: the option changes nothing
    let big5_text = Options { encoding: Encoding::Big5, ..Default::default() };
    assert_eq!(xinwen::parse_with(PAGE, &big5_text), xinwen::parse(PAGE), "a string should ignore the encoding");
}

#[cfg(feature = "cli")]
#[test]
fn the_command_line_forwards_encoding() {
    use std::process::Command;
    let bin = env!("CARGO_BIN_EXE_xinwen");
    let dir = std::env::temp_dir().join(format!("xinwen-encoding-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("should create a temporary folder");
    let title = |args: &[&str], bytes: &[u8]| {
        let file = dir.join("page.txt");
        std::fs::write(&file, bytes).expect("should write the page");
        let out = Command::new(bin).args(args).arg(&file).output().expect("should run xinwen");
        assert!(out.status.success(), "{args:?} should succeed: {}", String::from_utf8_lossy(&out.stderr));
        let article: Value = serde_json::from_slice(&out.stdout).expect("should print JSON");
        article["title"].as_str().unwrap_or_default().to_string()
    };
    let (gbk, _, _) = encoding_rs::GBK.encode(PAGE);
    assert_eq!(title(&[], &gbk), "海滨市第十届春季书展开幕", "auto should read GBK");
    assert_ne!(title(&["--encoding", "big5"], &gbk), "海滨市第十届春季书展开幕", "--encoding big5 should be obeyed");
    // UTF-16LE with no byte-order mark is full of NULs, and is not refused as binary
    let utf16: Vec<u8> = PAGE.encode_utf16().flat_map(u16::to_le_bytes).collect();
    assert_eq!(title(&["--encoding", "utf-16le"], &utf16), "海滨市第十届春季书展开幕", "should read named UTF-16LE");
    assert_eq!(title(&[], &utf16), "海滨市第十届春季书展开幕", "should detect UTF-16LE");
    let out = Command::new(bin).args(["--encoding", "latin1", "-"]).output().expect("should run xinwen");
    assert!(!out.status.success(), "an unknown encoding should be refused");
    std::fs::remove_dir_all(&dir).ok();
}
