//! "Did you mean: ...?" for NameError and AttributeError, as CPython 3.11's traceback printer
//! offers them: the closest candidate name by a case-aware edit distance.
//!
//! Candidates for a NameError are the innermost frame's local variable names, then its globals,
//! then the builtins; for an AttributeError, `dir(obj)`. A candidate qualifies when at most about
//! a third of the characters involved need changing.

use super::exceptions::{exc_state, ExcKind};
use super::types::type_of;
use super::value::Value;
use super::Vm;
use crate::vm::types::exc_type;

/// Cost of inserting, deleting or replacing a character.
const MOVE_COST: usize = 2;
/// Cost of replacing a character by itself in the other case.
const CASE_COST: usize = 1;
/// Longer names (after trimming a common prefix and suffix) are never compared.
const MAX_STRING_SIZE: usize = 40;
/// With this many candidates or more, no suggestion is made.
const MAX_CANDIDATE_ITEMS: usize = 750;

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted edit distance between `a` and `b`, or anything above `max_cost` once it is
/// certain to exceed it. Works on UTF-8 bytes, as CPython does.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the edit-distance matrix, updated in place: row[i] is the cost of turning the
    // part of `b` seen so far into a[..=i].
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &code) in b.iter().enumerate() {
        let mut diagonal = bi * MOVE_COST;
        result = diagonal;
        let mut row_min = usize::MAX;
        for (ai, &ch) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(code, ch);
            diagonal = row[ai];
            let insert_delete = result.min(diagonal) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[ai] = result;
            row_min = row_min.min(result);
        }
        if row_min > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name`, if any is close enough.
fn closest(name: &str, candidates: &[String]) -> Option<String> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&String, usize)> = None;
    for c in candidates {
        if c == name {
            continue;
        }
        let mut max = (name.len() + c.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max = max.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), c.as_bytes(), max);
        if d > max {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c.clone())
}

fn str_keys(keys: Vec<Value>) -> Vec<String> {
    keys.iter()
        .filter_map(|k| k.as_str().map(String::from))
        .collect()
}

impl Vm {
    /// The suggestion CPython appends to the message of `exc`, if any.
    pub fn offer_suggestion(&mut self, exc: &Value) -> Option<String> {
        let class = type_of(exc);
        let attr = |name: &str| match exc {
            Value::Instance(i) => i.dict.get_str(name),
            _ => None,
        };
        if class.is_subtype(&exc_type(ExcKind::NameError)) {
            let name = attr("name")?;
            let name = name.as_str()?;
            let state = exc_state(exc)?;
            let innermost = state.borrow().traceback.first().cloned()?;
            let locals: Vec<String> = innermost
                .code
                .varnames()
                .iter()
                .map(|s| s.to_string())
                .collect();
            if let Some(s) = closest(name, &locals) {
                return Some(s);
            }
            if let Some(s) = closest(name, &str_keys(innermost.globals.keys())) {
                return Some(s);
            }
            return closest(name, &str_keys(self.builtins.keys()));
        }
        if class.is_subtype(&exc_type(ExcKind::AttributeError)) {
            let (name, obj) = (attr("name")?, attr("obj")?);
            let name = name.as_str()?;
            let dir = self.builtins.get_str("dir")?;
            let listing = self.call(&dir, &[obj], &[]).ok()?;
            let names = str_keys(self.collect(&listing).ok()?);
            return closest(name, &names);
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_weigh_case_changes_lightly() {
        assert_eq!(distance(b"abc", b"abc", 10), 0);
        assert_eq!(distance(b"abc", b"aBc", 10), CASE_COST);
        assert_eq!(distance(b"abc", b"abd", 10), MOVE_COST);
        assert_eq!(distance(b"abc", b"ab", 10), MOVE_COST);
        assert_eq!(
            distance(b"number_of_itmes", b"number_of_items", 10),
            2 * MOVE_COST
        );
    }

    #[test]
    fn closest_respects_the_threshold() {
        let c = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            closest("pritn", &c(&["print", "input"])),
            Some("print".into())
        );
        assert_eq!(closest("x", &c(&["y"])), None);
        assert_eq!(closest("same", &c(&["same"])), None);
    }
}
