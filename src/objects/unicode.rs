//! Unicode character properties and case mappings, with CPython's definitions
//! (Objects/unicodectype.c and the case functions of Objects/unicodeobject.c).
//!
//! The data comes from ICU4X (`icu_properties`, `icu_casemap`); this file only says which
//! property each Python predicate means. ICU4X follows a newer Unicode version than CPython 3.11
//! (14.0), so characters assigned since then are classified as assigned here.

use icu_casemap::options::{LeadingAdjustment, TitlecaseOptions, TrailingCase};
use icu_casemap::CaseMapper;
use icu_properties::props::{
    BidiClass, CaseIgnorable, Cased, GeneralCategory, Lowercase, NumericType, Uppercase,
    XidContinue, XidStart,
};
use icu_properties::{CodePointMapData, CodePointSetData};
use std::borrow::Cow;

/// The General_Category of `c` (`Unassigned` for Cn).
pub fn category(c: char) -> GeneralCategory {
    CodePointMapData::<GeneralCategory>::new().get(c)
}

/// `str.isprintable()` and `repr()`: everything but the categories C* and Z*, except the space.
pub fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    !matches!(
        category(c),
        GeneralCategory::Unassigned
            | GeneralCategory::Control
            | GeneralCategory::Format
            | GeneralCategory::PrivateUse
            | GeneralCategory::Surrogate
            | GeneralCategory::SpaceSeparator
            | GeneralCategory::LineSeparator
            | GeneralCategory::ParagraphSeparator
    )
}

/// `str.isalpha()`: the letter categories Lu, Ll, Lt, Lm, Lo.
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    matches!(
        category(c),
        GeneralCategory::UppercaseLetter
            | GeneralCategory::LowercaseLetter
            | GeneralCategory::TitlecaseLetter
            | GeneralCategory::ModifierLetter
            | GeneralCategory::OtherLetter
    )
}

/// `str.isdecimal()`: Numeric_Type=Decimal, which is exactly the category Nd.
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    category(c) == GeneralCategory::DecimalNumber
}

/// The value of a decimal digit (`unicodedata.decimal`). Unicode guarantees that Nd characters
/// come in contiguous runs of ten, 0 to 9 in order, and every maximal run of consecutive Nd code
/// points is a whole number of such runs, so the value is the distance from the run's start mod 10.
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    if !is_decimal(c) {
        return None;
    }
    let mut start = c as u32;
    while start > 0 {
        match char::from_u32(start - 1) {
            Some(p) if category(p) == GeneralCategory::DecimalNumber => start -= 1,
            _ => break,
        }
    }
    Some((c as u32 - start) % 10)
}

fn numeric_type(c: char) -> NumericType {
    CodePointMapData::<NumericType>::new().get(c)
}

/// `str.isdigit()`: Numeric_Type Decimal or Digit (superscripts, circled digits, ...).
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    matches!(numeric_type(c), NumericType::Decimal | NumericType::Digit)
}

/// `str.isnumeric()`: any Numeric_Type (fractions, Roman numerals, CJK numerals, ...).
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    numeric_type(c) != NumericType::None
}

/// `str.isalnum()`, character by character.
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}

/// Python's whitespace (`str.isspace`, `str.split()`, `str.strip()`): category Zs or bidirectional
/// class WS, B or S. Unlike Unicode's White_Space this includes the separators U+001C..U+001F.
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ');
    }
    category(c) == GeneralCategory::SpaceSeparator
        || matches!(
            CodePointMapData::<BidiClass>::new().get(c),
            BidiClass::WhiteSpace | BidiClass::ParagraphSeparator | BidiClass::SegmentSeparator
        )
}

/// The Lowercase property (`str.islower`).
pub fn is_lower(c: char) -> bool {
    CodePointSetData::new::<Lowercase>().contains(c)
}

/// The Uppercase property (`str.isupper`).
pub fn is_upper(c: char) -> bool {
    CodePointSetData::new::<Uppercase>().contains(c)
}

/// Titlecase letters (category Lt), such as `ǅ`.
pub fn is_title(c: char) -> bool {
    category(c) == GeneralCategory::TitlecaseLetter
}

/// The Cased property.
pub fn is_cased(c: char) -> bool {
    CodePointSetData::new::<Cased>().contains(c)
}

/// The Case_Ignorable property.
pub fn is_case_ignorable(c: char) -> bool {
    CodePointSetData::new::<CaseIgnorable>().contains(c)
}

/// XID_Start, or `_` (`str.isidentifier` for the first character).
pub fn is_xid_start(c: char) -> bool {
    c == '_' || CodePointSetData::new::<XidStart>().contains(c)
}

/// XID_Continue (`str.isidentifier` for the other characters).
pub fn is_xid_continue(c: char) -> bool {
    CodePointSetData::new::<XidContinue>().contains(c)
}

/// Prepares text for `int()`, `float()` and `complex()` as CPython's
/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: a Unicode decimal digit becomes its ASCII digit,
/// Unicode whitespace becomes a space, and any other non-ASCII character ends the text with `?`
/// (which no number parser accepts).
pub fn to_ascii_digits(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if is_space(c) {
            out.push(' ');
        } else if let Some(d) = decimal_value(c) {
            out.push(char::from(b'0' + d as u8));
        } else {
            out.push('?');
            break;
        }
    }
    Cow::Owned(out)
}

// ---------------------------------------------------------------- case mappings

/// The full lowercase mapping of `chars[i]`, with the one context CPython honours: a capital sigma
/// becomes final `ς` when it ends a word (cased letter before it, none after it, skipping
/// case-ignorable characters on both sides).
fn push_lower(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == 'Σ' {
        let before = chars[..i]
            .iter()
            .rev()
            .find(|&&p| !is_case_ignorable(p))
            .is_some_and(|&p| is_cased(p));
        let after = chars[i + 1..]
            .iter()
            .find(|&&n| !is_case_ignorable(n))
            .is_some_and(|&n| is_cased(n));
        out.push(if before && !after { 'ς' } else { 'σ' });
        return;
    }
    out.extend(c.to_lowercase());
}

/// The full titlecase mapping of one character (`ß` → `Ss`, `ﬁ` → `Fi`, `ǆ` → `ǅ`).
fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
        return;
    }
    let mut options = TitlecaseOptions::default();
    options.leading_adjustment = Some(LeadingAdjustment::None);
    options.trailing_case = Some(TrailingCase::Unchanged);
    let mut buf = [0u8; 4];
    let one: &str = c.encode_utf8(&mut buf);
    out.push_str(
        &CaseMapper::new().titlecase_segment_with_only_case_data_to_string(
            one,
            &icu_locale_core::LanguageIdentifier::UNKNOWN,
            options,
        ),
    );
}

/// `str.lower()`.
pub fn lower(s: &str) -> String {
    // std's str::to_lowercase applies the same final-sigma rule as CPython.
    s.to_lowercase()
}

/// `str.upper()`: full uppercase mappings, no context.
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// `str.casefold()`: full case folding (`ß` → `ss`).
pub fn casefold(s: &str) -> String {
    CaseMapper::new().fold_string(s).into_owned()
}

/// `str.title()`: titlecase after an uncased character, lowercase after a cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.capitalize()`: the first character titlecased, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, &chars, i);
        }
    }
    out
}

/// `str.swapcase()`: uppercase characters lowercased, lowercase ones uppercased.
pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower(&mut out, &chars, i);
        } else if is_lower(c) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titlecase() {
        assert_eq!(title("ß straße ǆ ﬁx"), "Ss Straße ǅ Fix");
        assert_eq!(capitalize("ßA"), "Ssa");
        assert_eq!(swapcase("ΑΣ"), "ας");
        assert_eq!(casefold("Straße"), "strasse");
    }

    #[test]
    fn digits() {
        assert_eq!(decimal_value('\u{663}'), Some(3));
        assert_eq!(decimal_value('\u{1d7d9}'), Some(1));
        assert_eq!(to_ascii_digits("\u{ff11}\u{3000}x\u{e9}1"), "1 x?");
        assert!(!is_printable('\u{378}'));
        assert!(is_space('\x1c') && !is_space('\u{180e}'));
    }
}
