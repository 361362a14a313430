//! Unicode character names for `\N{...}` escapes, looked up by CPython's rules: the name table of
//! the `unicode_names2` crate, matched exactly but without regard to ASCII case, plus the name
//! aliases CPython 3.11 accepts (`\N{LINE FEED}`, `\N{BOM}`).
//!
//! The crate matches names loosely (UAX #44: spaces, underscores and medial hyphens are ignored);
//! CPython does not, so a hit is only taken when the character's own name is the name written.
//! CPython 3.11 ships Unicode 14.0; the crate may know characters named in later versions.

mod aliases;

/// The character `name` stands for in a `\N{name}` escape, or `None` if CPython would report
/// "unknown Unicode character name".
pub fn lookup(name: &str) -> Option<char> {
    let upper = name.to_ascii_uppercase();
    // CPython compares the syllable and hex-digit parts of these algorithmic names case-sensitively.
    for prefix in ["HANGUL SYLLABLE ", "CJK UNIFIED IDEOGRAPH-"] {
        if upper.starts_with(prefix) && name[prefix.len()..] != upper[prefix.len()..] {
            return None;
        }
    }
    if let Ok(i) = aliases::ALIASES.binary_search_by(|(alias, _)| (*alias).cmp(upper.as_str())) {
        return Some(aliases::ALIASES[i].1);
    }
    let c = unicode_names2::character(&upper)?;
    let official = unicode_names2::name(c)?.to_string();
    (official == upper).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::lookup;

    #[test]
    fn names_aliases_and_case() {
        assert_eq!(lookup("DEGREE SIGN"), Some('\u{b0}'));
        assert_eq!(lookup("degree sign"), Some('\u{b0}'));
        assert_eq!(lookup("SNAKE"), Some('\u{1f40d}'));
        assert_eq!(lookup("LINE FEED"), Some('\n'));
        assert_eq!(lookup("new line"), Some('\n'));
        assert_eq!(lookup("BOM"), Some('\u{feff}'));
        assert_eq!(lookup("HANGUL SYLLABLE GAG"), Some('\u{ac01}'));
        assert_eq!(lookup("CJK UNIFIED IDEOGRAPH-4E00"), Some('\u{4e00}'));
        assert_eq!(lookup("cjk unified ideograph-4e00"), None);
        assert_eq!(lookup("DEGREESIGN"), None);
        assert_eq!(lookup("Degree_Sign"), None);
        assert_eq!(lookup(" DEGREE SIGN"), None);
        assert_eq!(lookup("LINEFEED"), None);
        assert_eq!(lookup("NEWLINE"), None);
        assert_eq!(lookup("TOMBSTONE"), None);
        assert_eq!(lookup(""), None);
    }
}
