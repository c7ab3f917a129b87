//! `xinwen::parse_with` on any UTF-8 string read as a page's text (`Format::Text`).
#![no_main]

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let options = xinwen::Options { format: xinwen::Format::Text, today: Some("2026-01-01".into()), ..Default::default() };
    let article = xinwen::parse_with(text, &options);
    check::check(text, &article);
});
