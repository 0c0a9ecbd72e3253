#![no_main]
//! Fuzzes the name folder and the loose date parser: no panic, folding is idempotent.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let folded = vetter_names::fold(text);
    assert_eq!(vetter_names::fold(&folded), folded);
    if let Some(d) = vetter_model::PartialDate::parse_loose(text) {
        assert_eq!(vetter_model::PartialDate::parse_edtf(&d.to_string()), Some(d));
    }
});
