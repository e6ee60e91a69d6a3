//! A roster file read as .xlsx: the format is told by its bytes, as the reader does.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| kaohe_fuzz::read_roster("xlsx", data));
