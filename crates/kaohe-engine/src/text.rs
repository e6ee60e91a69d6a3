//! Text that cannot be seen: one list of the characters Kaohe treats as invisible, for the
//! roster reader (which removes them and says so) and for file names (which never carry them).

/// A character no one can see that changes how text compares or shows: C0 controls but tab and
/// line breaks, DEL, zero-width spaces and joiners, bidirectional marks and overrides, the
/// invisible operators, the byte order mark.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{7F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}
