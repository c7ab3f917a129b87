//! The JavaScript bindings of the npm package (built only for `wasm32`).
//!
//! In: a JavaScript value (a string, a file's bytes as a `Uint8Array` or an `ArrayBuffer`, or a
//! `Blob`) and an optional options object. Out: the [`Article`] as a plain JavaScript object, the
//! same JSON the CLI prints.
//! The rules: these functions only check what crosses the boundary and forward to
//! [`crate::parse_with`]; every decision about text lives in the core. Misuse (an input that is not
//! a string or bytes, an unknown option, an option of the wrong type, a `today` the core cannot read
//! as a date) throws a `TypeError` naming the culprit and what was expected, in JavaScript's words
//! (`a Date`, `an ArrayBuffer`), not Rust's; undecodable bytes become U+FFFD and a diagnostic, as in
//! the CLI.
//! The TypeScript types of `Article` and `Options` are generated from the Rust types (tsify).
//! Results cross into JavaScript through [`tape`]: one call per result, not one per value.

mod tape;

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::{parse_with, Article, Options};

/// Parses a page given as text or HTML (`string`), or as a file's bytes (`Uint8Array` or
/// `ArrayBuffer`) in any encoding a Chinese page uses (UTF-8, GBK/GB18030, Big5, UTF-16 with a BOM).
///
/// Throws a `TypeError` when `input` is none of these, or when `options` has an unknown key or a
/// value of the wrong type.
#[wasm_bindgen(js_name = parse, unchecked_return_type = "Article")]
pub fn parse(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    if let Some(text) = input.as_string() {
        return to_js(&parse_with(&text, &options));
    }
    match bytes_of(&input) {
        Some(bytes) => parse_bytes(&bytes, &options),
        None => Err(type_error(&format!(
            "xinwen.parse: input should be a string, a Uint8Array or an ArrayBuffer, not {}",
            describe(&input)
        ))),
    }
}

/// The bytes of a `Uint8Array` (a Node `Buffer` is one) or of a whole `ArrayBuffer`; `None` for
/// anything else, other typed arrays included (their items are not bytes). Arrays made in another
/// realm (Jest runs tests in a `vm` context: `instanceof Uint8Array` is false for Node's `Buffer`
/// there) are recognised by the same internal slots that `instanceof` stands for.
fn bytes_of(value: &JsValue) -> Option<Vec<u8>> {
    if let Some(view) = value.dyn_ref::<js_sys::Uint8Array>() {
        return Some(copy(view));
    }
    if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        return Some(copy_buffer(buffer));
    }
    match brand(value).as_deref() {
        Some("Uint8Array") => Some(copy(value.unchecked_ref())),
        Some("ArrayBuffer") => Some(copy_buffer(value.unchecked_ref())),
        _ => None,
    }
}

/// The bytes of a whole buffer. A detached buffer (transferred) has none, and a view of it cannot be made.
fn copy_buffer(buffer: &js_sys::ArrayBuffer) -> Vec<u8> {
    if buffer.byte_length() == 0 {
        Vec::new()
    } else {
        js_sys::Uint8Array::new(buffer).to_vec()
    }
}

/// `Uint8Array` or `ArrayBuffer` when `value` is one, from any realm; read with the getters that
/// check the internal slots (`%TypedArray%.prototype[Symbol.toStringTag]`, which gives the array's
/// kind, and `ArrayBuffer.prototype.byteLength`, which throws for anything but an `ArrayBuffer`), so
/// that neither a Proxy nor an object with a made-up `Symbol.toStringTag` passes.
fn brand(value: &JsValue) -> Option<String> {
    let getter = |prototype: &js_sys::Object, key: &JsValue| -> Option<js_sys::Function> {
        let descriptor = js_sys::Reflect::get_own_property_descriptor(prototype, key).ok()?;
        js_sys::Reflect::get(&descriptor, &JsValue::from_str("get")).ok()?.dyn_into().ok()
    };
    let typed_array = js_sys::Object::get_prototype_of(&js_sys::Uint8Array::new_with_length(0).into());
    let typed_array = js_sys::Object::get_prototype_of(&typed_array);
    let kind = getter(&typed_array, &js_sys::Symbol::to_string_tag())?.call0(value).ok()?.as_string();
    if kind.is_some() {
        return kind;
    }
    let buffer = js_sys::Object::get_prototype_of(&js_sys::ArrayBuffer::new(0).into());
    getter(&buffer, &JsValue::from_str("byteLength"))?.call0(value).ok().map(|_| "ArrayBuffer".into())
}

/// Parses a file (a `Blob`, such as a `File` from an `<input type="file">` or a drop): reads its
/// bytes and parses them as [`parse`] does a `Uint8Array`.
///
/// The promise rejects with a `TypeError` when `file` is not a `Blob` or `options` is invalid.
#[wasm_bindgen(js_name = parseFile, unchecked_return_type = "Article")]
pub async fn parse_file(
    #[wasm_bindgen(unchecked_param_type = "Blob")] file: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    let Some(blob) = file.dyn_ref::<web_sys::Blob>() else {
        return Err(type_error(&format!("xinwen.parseFile: file should be a Blob, not {}", describe(&file))));
    };
    let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer()).await?;
    parse_bytes(&js_sys::Uint8Array::new(&buffer).to_vec(), &options)
}

/// The bytes a view shows. A view of no bytes is not copied: a view whose buffer was detached
/// (transferred to a worker, or a closed stream's chunk) shows no bytes — its `length` is 0 in
/// JavaScript too — while copying it would throw from `TypedArray.prototype.set`.
fn copy(view: &js_sys::Uint8Array) -> Vec<u8> {
    if view.byte_length() == 0 {
        Vec::new()
    } else {
        view.to_vec()
    }
}

/// Decodes and parses bytes. The encoding is chosen by the core (BOM, declared charset checked
/// against the bytes, detection); GB18030, Big5 and the other legacy encodings are decoded by the
/// platform's `TextDecoder`, which browsers and Node implement from the same WHATWG standard.
fn parse_bytes(bytes: &[u8], options: &Options) -> Result<JsValue, JsValue> {
    to_js(&crate::parse_bytes_using(bytes, options, &text_decoder))
}

/// The platform's decoder for a WHATWG encoding name; `None` where the platform lacks it.
fn text_decoder(name: &str, bytes: &[u8]) -> Option<(String, bool)> {
    let decoder = web_sys::TextDecoder::new_with_label(name).ok()?;
    let text = decoder.decode_with_u8_array(bytes).ok()?;
    // the decoder is not fatal: undecodable sequences became U+FFFD
    let errors = text.contains('\u{fffd}');
    Some((text, errors))
}

/// How [`parse`] reads a string whose `options.format` is `"auto"`: `"html"` or `"text"`.
#[wasm_bindgen(js_name = formatOf, unchecked_return_type = "Format")]
pub fn format_of(input: &str) -> JsValue {
    JsValue::from_str(if crate::format_of(input) == crate::Format::Html { "html" } else { "text" })
}

/// The article as Markdown: the headline, a line of metadata (authors, source, time, site), then
/// the content — paragraphs, subheadings, lists, quotes, tables, figures as `![alt](src)` with their
/// captions, code — with the page's text escaped so that it shows as written.
///
/// Throws a `TypeError` when `article` is not an Article (an object whose fields have the types
/// `parse` gives them; missing fields count as empty).
#[wasm_bindgen(js_name = toMarkdown)]
pub fn to_markdown(#[wasm_bindgen(unchecked_param_type = "Article")] article: JsValue) -> Result<String, JsValue> {
    let article = article_from(&article)
        .map_err(|why| type_error(&format!("xinwen.toMarkdown: article should be an Article: {why}")))?;
    Ok(crate::to_markdown(&article))
}

/// The fields of an Article object that the Markdown shows (the headline, the metadata, the body
/// and the content), read as the Article's types; the rest are not read. A missing field or
/// `null` counts as empty; a value of another type is refused, naming the field.
fn article_from(value: &JsValue) -> Result<Article, String> {
    if !value.is_object() || js_sys::Array::is_array(value) || value.is_function() {
        return Err(format!("not {}", describe(value)));
    }
    let a = Article {
        title: text(value, "title")?,
        authors: texts(value, "authors")?,
        source: text(value, "source")?,
        published: text(value, "published")?,
        site: text(value, "site")?,
        body: texts(value, "body")?,
        content: list(value, "content")?
            .iter()
            .enumerate()
            .map(|(k, b)| content_from(&b, k))
            .collect::<Result<_, _>>()?,
        ..Article::default()
    };
    Ok(a)
}

/// One block of `content` (the `k`-th).
fn content_from(block: &JsValue, k: usize) -> Result<crate::Content, String> {
    use crate::Content;
    let at = |e: String| format!("content[{k}]: {e}");
    let kind = text(block, "type").map_err(at)?.unwrap_or_default();
    let line = |key| text(block, key).map(Option::unwrap_or_default).map_err(at);
    Ok(match kind.as_str() {
        "paragraph" => Content::Paragraph { text: line("text")?, start: 0, end: 0 },
        "subheading" => Content::Subheading { text: line("text")?, start: 0, end: 0 },
        "quote" => Content::Quote { text: line("text")?, start: 0, end: 0 },
        "code" => Content::Code { text: line("text")?, start: 0, end: 0 },
        "list" => Content::List {
            ordered: js_sys::Reflect::get(block, &"ordered".into()).map_err(|_| at("ordered".into()))?.is_truthy(),
            items: texts(block, "items").map_err(at)?,
            start: 0,
            end: 0,
        },
        "table" => Content::Table {
            rows: list(block, "rows")
                .map_err(at)?
                .iter()
                .map(|r| strings(&r, "rows"))
                .collect::<Result<_, _>>()
                .map_err(at)?,
            start: 0,
            end: 0,
        },
        "figure" => Content::Figure(crate::Figure {
            src: text(block, "src").map_err(at)?,
            alt: text(block, "alt").map_err(at)?,
            caption: text(block, "caption").map_err(at)?,
            start: 0,
            end: 0,
        }),
        other => return Err(at(format!("`type` should be a block's type, not '{other}'"))),
    })
}

/// Field `key` of `object`: a string, or `None` for `null` or a missing field.
fn text(object: &JsValue, key: &str) -> Result<Option<String>, String> {
    let v = js_sys::Reflect::get(object, &key.into()).map_err(|_| format!("`{key}` cannot be read"))?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    v.as_string().map(Some).ok_or_else(|| format!("`{key}` should be a string, not {}", describe(&v)))
}

/// Field `key` of `object`: an array (empty for `null` or a missing field).
fn list(object: &JsValue, key: &str) -> Result<js_sys::Array, String> {
    let v = js_sys::Reflect::get(object, &key.into()).map_err(|_| format!("`{key}` cannot be read"))?;
    if v.is_undefined() || v.is_null() {
        return Ok(js_sys::Array::new());
    }
    v.dyn_into::<js_sys::Array>().map_err(|v| format!("`{key}` should be an array, not {}", describe(&v)))
}

/// Field `key` of `object`: an array of strings.
fn texts(object: &JsValue, key: &str) -> Result<Vec<String>, String> {
    strings(&list(object, key)?.into(), key)
}

/// An array of strings (`what` names it in an error).
fn strings(array: &JsValue, what: &str) -> Result<Vec<String>, String> {
    let array = array.dyn_ref::<js_sys::Array>().ok_or_else(|| format!("`{what}` should hold arrays"))?;
    array
        .iter()
        .map(|v| v.as_string().ok_or_else(|| format!("`{what}` should hold strings, not {}", describe(&v))))
        .collect()
}

/// Decodes a page's bytes as [`parse`] does with the same options (only `encoding` matters), for
/// showing the text that the Article's spans index.
#[wasm_bindgen(js_name = decode, unchecked_return_type = "Decoded")]
pub fn decode_bytes(
    #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Options")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options_from(options)?;
    let Some(bytes) = bytes_of(&input) else {
        return Err(type_error(&format!(
            "xinwen.decode: input should be a Uint8Array or an ArrayBuffer, not {}",
            describe(&input)
        )));
    };
    let d = crate::decode::decode_as(&bytes, options.encoding, &text_decoder);
    let out = Decoded { text: d.text.into_owned(), encoding: d.encoding, diagnostics: d.diagnostics };
    tape::to_js(&out)
}

/// What [`decode_bytes`] returns: the text, the WHATWG name of its encoding, and why.
#[derive(Serialize, tsify_next::Tsify)]
#[serde(rename_all = "camelCase")]
#[tsify(into_wasm_abi)]
pub struct Decoded {
    /// The decoded text; the Article's spans count UTF-16 units of it.
    pub text: String,
    /// The WHATWG name of the encoding used, e.g. `UTF-8`, `gb18030`, `Big5`.
    pub encoding: &'static str,
    /// Which encoding was used and why, and any undecodable bytes.
    pub diagnostics: Vec<crate::Diagnostic>,
}

/// Reads the options object; `undefined` and `null` mean the defaults. `today` is checked first
/// with the core's own reader of it, so that a value the core would ignore (`'2026-13-45'`, a
/// `Date`) is refused, naming the form; for the rest serde's message is kept and prefixed with the
/// path of the offending key, so that `{ format: 5 }` names `format`.
fn options_from(value: Option<JsValue>) -> Result<Options, JsValue> {
    let Some(value) = value.filter(|v| !v.is_undefined() && !v.is_null()) else {
        return Ok(Options::default());
    };
    if !value.is_object() || js_sys::Array::is_array(&value) || value.is_function() {
        return Err(type_error(&format!("xinwen: options should be an object, not {}", describe(&value))));
    }
    check_today(&js_sys::Reflect::get(&value, &JsValue::from_str("today"))?)?;
    let deserializer = AllKeys(serde_wasm_bindgen::Deserializer::from(value));
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let at = if path == "." { String::new() } else { format!(" at `{path}`") };
        let reason = JsValue::from(e.into_inner());
        let reason = match reason.dyn_ref::<js_sys::Error>() {
            Some(error) => String::from(error.message()),
            None => format!("{reason:?}"),
        };
        type_error(&format!("xinwen: invalid options{at}: {reason}"))
    })
}

/// Refuses a `today` that is given but is not a string the core reads as a date.
fn check_today(today: &JsValue) -> Result<(), JsValue> {
    if today.is_undefined() || today.is_null() {
        return Ok(());
    }
    if let Some(text) = today.as_string() {
        if crate::options::is_today(&text) {
            return Ok(());
        }
    }
    Err(type_error(&format!(
        "xinwen: invalid options at `today`: should be a string 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM' \
         (such as '2026-11-27'), not {}",
        describe(today)
    )))
}

/// serde-wasm-bindgen reads a struct by looking up its known fields only, so `deny_unknown_fields`
/// never sees a misspelt key. This wrapper hands the struct every key of the object instead.
struct AllKeys(serde_wasm_bindgen::Deserializer);

impl<'de> serde::Deserializer<'de> for AllKeys {
    type Error = serde_wasm_bindgen::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.0.deserialize_any(visitor)
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        self.0.deserialize_map(visitor)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

/// The article as a plain object: `null` for a missing value, arrays and objects as in JSON.
fn to_js(article: &Article) -> Result<JsValue, JsValue> {
    tape::to_js(article)
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}

#[wasm_bindgen]
extern "C" {
    /// `Object.prototype.toString.call(value)`: `[object Date]`, `[object ArrayBuffer]` …, from the
    /// value's internal slots or its `Symbol.toStringTag`; a throwing getter or Proxy trap is caught.
    #[wasm_bindgen(catch, js_namespace = ["Object", "prototype", "toString"], js_name = call)]
    fn object_tag(value: &JsValue) -> Result<String, JsValue>;
}

/// A short name for a value, for error messages: `undefined`, `null`, `a number`, `an array`,
/// `a Date`, `an object` …; a string is quoted (`'2026-13-45'`).
fn describe(value: &JsValue) -> String {
    if let Some(text) = value.as_string() {
        let shown: String = text.chars().take(40).collect();
        let more = if shown.len() < text.len() { "…" } else { "" };
        return format!("'{shown}'{more}");
    }
    if value.is_undefined() || value.is_null() {
        return if value.is_null() { "null" } else { "undefined" }.into();
    }
    let kind = if js_sys::Array::is_array(value) {
        "array".to_string()
    } else if value.is_object() && !value.is_function() {
        match object_tag(value).ok().as_deref().and_then(|t| t.strip_prefix("[object ")?.strip_suffix(']')) {
            Some("Object") | None => "object".into(),
            Some(tag) => tag.to_string(),
        }
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    };
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'A', 'E', 'I', 'O']) { "an" } else { "a" };
    format!("{article} {kind}")
}
