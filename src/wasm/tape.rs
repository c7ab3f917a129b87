//! A value's crossing into JavaScript in one call (used by the bindings for every result).
//!
//! In: any `Serialize` value (an [`crate::Article`], a decoded page). Out: the plain JavaScript value
//! serde-wasm-bindgen's `Serializer::json_compatible()` would build — objects with their keys in
//! field order, arrays, strings, numbers, booleans, `null` for `None` and `()` — but built by a small
//! JavaScript function (`tape.js`, inlined into the glue by scripts/build-wasm) from three buffers:
//! - the tape: one `u32` op per value, followed by its count or length;
//! - the numbers, in order, as `f64`;
//! - every string's text, concatenated as UTF-16, which becomes one JavaScript string (a copy, not a
//!   UTF-8 decode) cut by each string's length. (V8 keeps longer cuts as views of that string, so a
//!   kept field keeps the result's text alive: memory of the order of the input, freed with it.)
//!
//! Why: serde-wasm-bindgen calls into JavaScript for every object, key, value and string, and decodes
//! each string with its own `TextDecoder` call; an Article of a text page holds hundreds of strings and
//! blocks, and those calls took a third of the time of a parse in Node. Decoding UTF-8 in JavaScript
//! runs at about 250 MB/s in Node 20, a UTF-16 `TextDecoder` at several GB/s, so the strings are
//! transcoded here. The rules: the keys of structs and the names of unit variants (`&'static str`, such as a
//! block's role) are sent once per call and then by index; integers outside JavaScript's safe range and byte strings (which no output holds) are
//! refused with an error rather than rounded.

use serde::ser::{self, Serialize};
use wasm_bindgen::prelude::*;

/// The ops of the tape; `tape.js` reads the same numbers.
mod op {
    pub const NULL: u32 = 0;
    pub const TRUE: u32 = 1;
    pub const FALSE: u32 = 2;
    /// a number: the next of the numbers
    pub const NUMBER: u32 = 3;
    /// a string: its UTF-16 length follows; its text is the next that long of the strings
    pub const STRING: u32 = 4;
    /// an array: its length follows, then its items
    pub const ARRAY: u32 = 5;
    /// an object: its number of keys follows, then key and value for each
    pub const OBJECT: u32 = 6;
    /// a key, or a unit variant's name, seen before in this call: by the index that follows
    pub const KEY: u32 = 7;
    /// a key, or a unit variant's name, not seen before in this call (a string as [`STRING`]), which
    /// gets the next index
    pub const NEW_KEY: u32 = 8;
}

#[wasm_bindgen(module = "/src/wasm/tape.js")]
extern "C" {
    /// Builds the value from the tape, the numbers and the strings (see `tape.js`).
    #[wasm_bindgen(js_name = fromTape)]
    fn from_tape(tape: &[u32], numbers: &[f64], strings: &[u16]) -> JsValue;
}

/// `value` as a plain JavaScript value (see the module's doc).
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let mut tape = Tape::new();
    value.serialize(&mut tape).map_err(|e| JsValue::from(js_sys::Error::new(&e.0)))?;
    Ok(from_tape(&tape.ops, &tape.numbers, &tape.strings))
}

/// The three buffers, and the keys sent so far (by the address of their text).
struct Tape {
    ops: Vec<u32>,
    numbers: Vec<f64>,
    strings: Vec<u16>,
    /// the address and length of each key sent, at its index
    keys: Vec<(usize, usize)>,
    /// the last key seen at each slot of [`slot`] (address, length), and its index: most lookups end here
    recent: [((usize, usize), u32); SLOTS],
}

/// The size of [`Tape::recent`]; a struct's keys rarely share a slot.
const SLOTS: usize = 64;

/// Where a key's address goes in [`Tape::recent`].
fn slot(address: usize) -> usize {
    (address ^ (address >> 6)) % SLOTS
}

impl Tape {
    fn new() -> Self {
        Tape {
            ops: Vec::new(),
            numbers: Vec::new(),
            strings: Vec::new(),
            keys: Vec::new(),
            recent: [((0, 0), 0); SLOTS],
        }
    }

    fn string(&mut self, s: &str) {
        self.ops.push(op::STRING);
        self.push_text(s);
    }

    fn number(&mut self, n: f64) {
        self.ops.push(op::NUMBER);
        self.numbers.push(n);
    }

    fn key(&mut self, key: &'static str) {
        // a key is known by where its text is; the length tells apart keys that share a start
        let id = (key.as_ptr() as usize, key.len());
        let slot = slot(id.0);
        let index = match self.recent[slot] {
            (k, i) if k == id => Some(i),
            _ => self.keys.iter().position(|&k| k == id).map(|i| i as u32),
        };
        match index {
            Some(i) => {
                self.ops.push(op::KEY);
                self.ops.push(i);
                self.recent[slot] = (id, i);
            }
            None => {
                self.recent[slot] = (id, self.keys.len() as u32);
                self.keys.push(id);
                self.ops.push(op::NEW_KEY);
                self.push_text(key);
            }
        }
    }

    /// Appends `s` as UTF-16 to the strings, and its length to the tape.
    fn push_text(&mut self, s: &str) {
        let start = self.strings.len();
        // a UTF-8 string has at least as many bytes as UTF-16 units: room for the units is made
        // first and written by index (no capacity check per unit), then cut to what was written
        self.strings.resize(start + s.len(), 0);
        let room = &mut self.strings[start..];
        let mut n = 0;
        for c in s.chars() {
            match u16::try_from(u32::from(c)) {
                Ok(unit) => {
                    room[n] = unit;
                    n += 1;
                }
                Err(_) => {
                    room[n..n + 2].copy_from_slice(c.encode_utf16(&mut [0; 2]));
                    n += 2;
                }
            }
        }
        self.strings.truncate(start + n);
        self.ops.push(n as u32);
    }

    /// Starts an array or object whose count is filled in by [`Tape::end`]; returns where.
    fn open(&mut self, kind: u32) -> usize {
        self.ops.push(kind);
        self.ops.push(0);
        self.ops.len() - 1
    }
}

/// An error: only what the tape cannot carry.
#[derive(Debug)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// An array or object being written: where its count goes, and the count so far.
pub struct Compound<'a> {
    tape: &'a mut Tape,
    at: usize,
    count: u32,
}

impl Compound<'_> {
    fn end(self) {
        self.tape.ops[self.at] = self.count;
    }
}

type Result<T = (), E = Error> = std::result::Result<T, E>;

/// The largest integer a JavaScript number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE: u64 = (1 << 53) - 1;

impl<'a> ser::Serializer for &'a mut Tape {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.ops.push(if v { op::TRUE } else { op::FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result {
        if v.unsigned_abs() <= MAX_SAFE {
            self.serialize_f64(v as f64)
        } else {
            Err(Error(format!("{v} can't be represented as a JavaScript number")))
        }
    }
    fn serialize_u8(self, v: u8) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result {
        if v <= MAX_SAFE {
            self.serialize_f64(v as f64)
        } else {
            Err(Error(format!("{v} can't be represented as a JavaScript number")))
        }
    }
    fn serialize_f32(self, v: f32) -> Result {
        self.serialize_f64(v.into())
    }
    fn serialize_f64(self, v: f64) -> Result {
        self.number(v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result {
        Err(Error("byte strings are not sent to JavaScript".into()))
    }
    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result {
        self.ops.push(op::NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result {
        // a variant's name (a block's role, an article's kind) recurs hundreds of times: sent as a key is
        self.key(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(self, _name: &'static str, value: &T) -> Result {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        self.ops.push(op::OBJECT);
        self.ops.push(1);
        self.key(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>> {
        let at = self.open(op::ARRAY);
        Ok(Compound { tape: self, at, count: 0 })
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>> {
        self.ops.push(op::OBJECT);
        self.ops.push(1);
        self.key(variant);
        self.serialize_seq(Some(len))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>> {
        let at = self.open(op::OBJECT);
        Ok(Compound { tape: self, at, count: 0 })
    }
    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a>> {
        self.ops.push(op::OBJECT);
        self.ops.push(1);
        self.key(variant);
        self.serialize_map(Some(len))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        self.count += 1;
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result {
        self.count += 1;
        key.serialize(&mut *self.tape)
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result {
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        self.count += 1;
        self.tape.key(key);
        value.serialize(&mut *self.tape)
    }
    fn end(self) -> Result {
        Compound::end(self);
        Ok(())
    }
}

impl ser::SerializeStructVariant for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result {
        ser::SerializeStruct::serialize_field(self, key, value)
    }
    fn end(self) -> Result {
        ser::SerializeStruct::end(self)
    }
}
