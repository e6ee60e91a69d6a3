//! A roster file read as .xls: the format is told by its bytes, as the reader does.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kaohe_fuzz::read_roster("xls", data));
