//! `xinwen::parse_bytes` on any bytes: decoding (BOM, meta charset, detection) then parsing.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    let article = xinwen::parse_bytes(data);
    let decoded = xinwen::decode::decode(data);
    check::check(&decoded.text, &article);
});
