//! The JavaScript bindings (src/wasm.rs), exercised from inside WebAssembly with wasm-bindgen-test.
//!
//! Run by tests/run in Node (`cargo test --target wasm32-unknown-unknown --no-default-features --test wasm`)
//! and again in headless Chromium with `WASM_BINDGEN_USE_BROWSER=1`. What goes in: JS values as a
//! page would pass them; what comes out: plain objects equal to the core's Article, or thrown errors.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;
use xinwen::wasm::{parse, parse_file};

const PAGE: &str = "岳阳网> 县区\n\n经开区召开工作讲评会\n作者:张冰明    来源:岳阳日报    发布时间:2017年07月26日\n\n\
    7月25日,经开区召开半年度工作讲评会,总结讲评上半年经济工作,安排部署下半年经济工作,确保全面完成全年目标任务。\n\
    责任编辑:高大智\n";

/// The core's Article as the same plain object the bindings should return.
fn expected(text: &str, options: &xinwen::Options) -> String {
    serde_json::to_string(&xinwen::parse_with(text, options)).expect("an Article should serialize")
}

/// The JSON of an Article read from bytes, less what decoding says about the bytes (`encoding`,
/// `encoding-errors`, `binary`), to compare with the core's Article for the same text.
fn without_decode_diagnostics(json: &str) -> serde_json::Value {
    let mut article: serde_json::Value = serde_json::from_str(json).expect("the result should be JSON");
    if let Some(diagnostics) = article.get_mut("diagnostics").and_then(|d| d.as_array_mut()) {
        diagnostics.retain(|d| !matches!(d["code"].as_str(), Some("encoding" | "encoding-errors" | "binary")));
    }
    article
}

/// The core's Article as a JSON value (key order aside), for comparisons after filtering.
fn expected_value(text: &str) -> serde_json::Value {
    serde_json::to_value(xinwen::parse(text)).expect("an Article should serialize")
}

fn stringify(value: &JsValue) -> String {
    js_sys::JSON::stringify(value).expect("the result should be JSON-serializable").into()
}

fn object(json: &str) -> JsValue {
    js_sys::JSON::parse(json).expect("test JSON should parse")
}

/// The message of a thrown TypeError; fails the test for any other outcome.
fn type_error(result: Result<JsValue, JsValue>) -> String {
    let error = result.expect_err("should throw");
    let error = error.dyn_into::<js_sys::TypeError>().expect("should throw a TypeError");
    error.message().into()
}

#[wasm_bindgen_test]
fn string_input_gives_the_cores_article() {
    let article = parse(JsValue::from_str(PAGE), None).expect("should parse a string");
    assert_eq!(stringify(&article), expected(PAGE, &xinwen::Options::default()), "should equal the core's JSON");
}

#[wasm_bindgen_test]
fn bytes_input_is_decoded_like_the_cli() {
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), PAGE.as_bytes()].concat();
    let bytes = js_sys::Uint8Array::from(with_bom.as_slice());
    let article = parse(bytes.into(), None).expect("should parse UTF-8 bytes with a BOM");
    let got = without_decode_diagnostics(&stringify(&article));
    assert_eq!(got, expected_value(PAGE), "should drop the BOM and parse");
}

#[wasm_bindgen_test]
fn options_are_read_and_validated() {
    let options: xinwen::Options = serde_json::from_str(r#"{"today":"2010-01-01"}"#).expect("options should read");
    let article = parse(JsValue::from_str(PAGE), Some(object(r#"{"today":"2010-01-01"}"#))).expect("should parse");
    assert_eq!(stringify(&article), expected(PAGE, &options), "should pass today to the core");
    let unknown = type_error(parse(JsValue::from_str(PAGE), Some(object(r#"{"todya":"2010-01-01"}"#))));
    assert!(unknown.contains("todya"), "should name the unknown key: {unknown}");
    let wrong = type_error(parse(JsValue::from_str(PAGE), Some(object(r#"{"today":5}"#))));
    assert!(wrong.contains("today"), "should name the key of the wrong type: {wrong}");
    assert!(parse(JsValue::from_str(PAGE), Some(JsValue::NULL)).is_ok(), "should take null as the defaults");
}

#[wasm_bindgen_test]
fn misuse_throws_type_errors_and_parse_still_works() {
    for bad in [JsValue::UNDEFINED, JsValue::NULL, JsValue::from_f64(42.0), object("{}"), object("[1]")] {
        let message = type_error(parse(bad, None));
        assert!(
            message.contains("a string, a Uint8Array or an ArrayBuffer"),
            "should say what input is expected: {message}"
        );
    }
    let date = type_error(parse(js_sys::Date::new_0().into(), None));
    assert!(date.ends_with("not a Date"), "should name a Date in JavaScript's words: {date}");
    assert!(parse(JsValue::from_str(PAGE), None).is_ok(), "should still parse after misuse");
}

#[wasm_bindgen_test]
fn an_array_buffer_is_read_as_its_bytes() {
    let bytes = js_sys::Uint8Array::from(PAGE.as_bytes());
    let article = parse(bytes.buffer().into(), None).expect("should parse an ArrayBuffer");
    assert_eq!(
        without_decode_diagnostics(&stringify(&article)),
        expected_value(PAGE),
        "should parse the buffer's bytes"
    );
}

#[wasm_bindgen_test]
fn a_today_the_core_cannot_read_is_refused_naming_the_form() {
    for bad in [r#"{"today":"2026-13-45"}"#, r#"{"today":"bad"}"#, r#"{"today":""}"#] {
        let message = type_error(parse(JsValue::from_str(PAGE), Some(object(bad))));
        assert!(
            message.contains("`today`") && message.contains("YYYY-MM-DD"),
            "should name the key and the form: {message}"
        );
    }
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"today".into(), &js_sys::Date::new_0()).unwrap();
    let message = type_error(parse(JsValue::from_str(PAGE), Some(options.into())));
    assert!(
        message.ends_with("not a Date") && !message.contains("JsValue"),
        "should name a Date in JavaScript's words: {message}"
    );
    for good in [r#"{"today":"2026-11-27"}"#, r#"{"today":"2026-11-27T09:30"}"#, r#"{"today":null}"#] {
        assert!(parse(JsValue::from_str(PAGE), Some(object(good))).is_ok(), "should accept {good}");
    }
}

#[wasm_bindgen_test]
fn bytes_that_are_not_utf8_give_a_diagnostic_or_an_error_not_a_trap() {
    let bytes = js_sys::Uint8Array::from([0x61u8, 0xFF, 0x62].as_slice());
    match parse(bytes.into(), None) {
        Ok(article) => assert!(stringify(&article).contains("\"diagnostics\":[{"), "should carry a diagnostic"),
        Err(error) => {
            assert!(!error.is_instance_of::<js_sys::TypeError>(), "should not call the bytes misuse");
            let error = error.dyn_into::<js_sys::Error>().expect("should throw an Error");
            assert!(String::from(error.message()).contains("cannot be read as text"), "should say why");
        }
    }
    let empty = parse(js_sys::Uint8Array::new_with_length(0).into(), None).expect("should parse no bytes");
    assert!(stringify(&empty).contains("no-title"), "should report an empty input in diagnostics");
    assert!(parse(JsValue::from_str(PAGE), None).is_ok(), "should still parse afterwards");
}

#[wasm_bindgen_test]
fn binary_bytes_are_read_as_utf8_as_the_native_build_reads_them() {
    // NULs, bytes no encoding reads, and a UTF-8 中: TextDecoder('gb18030') would make them Han
    // characters, so they are read as UTF-8, as the build with a detector reads them
    let junk = b"\x80\xff\xfe\xc3\n\xe4\xb8\n\xf0\x9f\x98\x00\xe4\xb8\xad\xed\xa0\x80".repeat(50);
    let decoded =
        stringify(&xinwen::wasm::decode_bytes(js_sys::Uint8Array::from(junk.as_slice()).into(), None).unwrap());
    let decoded: serde_json::Value = serde_json::from_str(&decoded).unwrap();
    assert_eq!(decoded["encoding"], "UTF-8", "should read binary data as UTF-8: {decoded}");
    assert!(decoded["text"].as_str().is_some_and(|t| t.contains('中')), "should keep the UTF-8 text");
    // a GBK page with a stray NUL is still GBK
    let gbk = xinwen::wasm::decode_bytes(js_sys::Uint8Array::from(b"\xd6\xd0\xce\xc4\x00".as_slice()).into(), None);
    let gbk: serde_json::Value = serde_json::from_str(&stringify(&gbk.unwrap())).unwrap();
    assert_eq!((gbk["encoding"].as_str(), gbk["text"].as_str()), (Some("gb18030"), Some("中文\0")), "should keep GBK");
}

#[wasm_bindgen_test]
async fn parse_file_reads_a_blob() {
    let parts = js_sys::Array::of1(&JsValue::from_str(PAGE));
    let blob = web_sys::Blob::new_with_str_sequence(&parts).expect("a Blob should be made");
    let article = parse_file(blob.into(), None).await.expect("should parse a Blob");
    let got = without_decode_diagnostics(&stringify(&article));
    assert_eq!(got, expected_value(PAGE), "should equal the core's JSON");
    let error = parse_file(JsValue::from_str(PAGE), None).await.expect_err("should refuse a string");
    assert!(error.is_instance_of::<js_sys::TypeError>(), "should reject with a TypeError");
}

// ---- encodings: Big5 and UTF-16 without a declaration, and the encoding a caller names ----

/// A traditional-Chinese page we wrote, as Big5 bytes (Python's `str.encode("big5")` of
/// "海濱市第十屆春季書展開幕\n\n四月二十日，海濱市第十屆春季書展在會展中心開幕。\n").
const BIG5_TITLE: &str = "海濱市第十屆春季書展開幕";
const BIG5_PAGE: &[u8] = b"\xae\xfc\xc0\xd8\xa5\xab\xb2\xc4\xa4\x51\xa9\xa1\xac\x4b\xa9\x75\xae\xd1\xae\x69\xb6\x7d\xb9\xf5\x0a\x0a\xa5\x7c\xa4\xeb\xa4\x47\xa4\x51\xa4\xe9\xa1\x41\xae\xfc\xc0\xd8\xa5\xab\xb2\xc4\xa4\x51\xa9\xa1\xac\x4b\xa9\x75\xae\xd1\xae\x69\xa6\x62\xb7\x7c\xae\x69\xa4\xa4\xa4\xdf\xb6\x7d\xb9\xf5\xa1\x43\x0a";

fn decoded(bytes: &[u8], options: Option<JsValue>) -> serde_json::Value {
    let d = xinwen::wasm::decode_bytes(js_sys::Uint8Array::from(bytes).into(), options).expect("should decode");
    serde_json::from_str(&stringify(&d)).expect("the result should be JSON")
}

#[wasm_bindgen_test]
fn undeclared_big5_and_utf16_are_read_without_a_detector() {
    let d = decoded(BIG5_PAGE, None);
    assert_eq!(d["encoding"], "Big5", "should read undeclared Big5 as Big5: {d}");
    assert!(d["text"].as_str().is_some_and(|t| t.starts_with(BIG5_TITLE)), "should decode the title: {d}");
    let utf16: Vec<u8> = PAGE.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let d = decoded(&utf16, None);
    assert_eq!((d["encoding"].as_str(), d["text"].as_str()), (Some("UTF-16BE"), Some(PAGE)), "should read UTF-16BE");
}

#[wasm_bindgen_test]
fn the_encoding_option_is_honoured() {
    let d = decoded(BIG5_PAGE, Some(object(r#"{"encoding":"gb18030"}"#)));
    assert_eq!(d["encoding"], "gb18030", "should decode as the caller says: {d}");
    let article = parse(js_sys::Uint8Array::from(BIG5_PAGE).into(), Some(object(r#"{"encoding":"big5"}"#)));
    let article: serde_json::Value = serde_json::from_str(&stringify(&article.expect("should parse"))).unwrap();
    assert_eq!(article["diagnostics"][0]["message"], "decoded as Big5: chosen by the caller", "{article}");
    let message =
        type_error(parse(js_sys::Uint8Array::from(BIG5_PAGE).into(), Some(object(r#"{"encoding":"latin1"}"#))));
    assert!(message.contains("encoding"), "should name the bad option: {message}");
}

#[wasm_bindgen_test]
fn format_of_says_how_auto_reads_a_string() {
    assert_eq!(xinwen::wasm::format_of("<!doctype html><p>正文</p>").as_string().as_deref(), Some("html"), "markup");
    assert_eq!(xinwen::wasm::format_of(PAGE).as_string().as_deref(), Some("text"), "a page's text");
}

#[wasm_bindgen_test]
fn to_markdown_writes_the_cores_markdown_of_an_article_object() {
    let article = parse(JsValue::from_str(PAGE), None).expect("should parse");
    let md = xinwen::wasm::to_markdown(article).expect("an Article object should give Markdown");
    assert_eq!(md, xinwen::to_markdown(&xinwen::parse(PAGE)), "should be the core's Markdown of the same page");
    let refused = xinwen::wasm::to_markdown(JsValue::from_f64(1.0)).expect_err("a number should be refused");
    assert!(refused.is_instance_of::<js_sys::TypeError>(), "should throw a TypeError");
}
