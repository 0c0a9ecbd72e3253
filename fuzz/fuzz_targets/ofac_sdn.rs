#![no_main]
//! Fuzzes the `ofac_sdn` parser with arbitrary file contents.

use libfuzzer_sys::fuzz_target;
use vetter_sources::Format;

fuzz_target!(|data: &[u8]| {
    vetter_fuzz::parse_bytes(Format::OfacSdn, "sdn.csv", data);
});
