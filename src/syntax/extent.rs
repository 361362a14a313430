//! Token-level extents of expressions, for the ranges CPython's `invalid_*` rules mark after a
//! parse has failed (the AST for those tokens was never built). Each scanner takes a token slice
//! and an index and follows the shape of CPython's grammar rule of the same name far enough to say
//! where the expression starts or ends; none of them fails on malformed input, they just stop.

use super::lexer::Spanned;
use super::token::Tok;

fn tok(toks: &[Spanned], i: usize) -> Option<&Tok> {
    toks.get(i).map(|t| &t.1)
}

fn is_opener(t: &Tok) -> bool {
    matches!(t, Tok::LPar | Tok::LSqb | Tok::LBrace)
}

fn is_closer(t: &Tok) -> bool {
    matches!(t, Tok::RPar | Tok::RSqb | Tok::RBrace)
}

/// Whether `t` can end an expression (so that a following `(`, `[` or `.` is a trailer and a
/// following `-` is binary).
pub fn ends_expression(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::True
            | Tok::False
            | Tok::None
            | Tok::Ellipsis
    ) || is_closer(t)
}

/// Whether `t` can start an atom.
pub fn starts_atom(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::True
            | Tok::False
            | Tok::None
            | Tok::Ellipsis
    ) || is_opener(t)
}

/// Index after the bracket group opened at `i` (or the end of the tokens if it is never closed).
pub fn skip_group(toks: &[Spanned], i: usize) -> usize {
    let mut depth = 0usize;
    let mut j = i;
    while let Some(t) = tok(toks, j) {
        if is_opener(t) {
            depth += 1;
        } else if is_closer(t) {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return j + 1;
            }
        } else if matches!(t, Tok::Newline) && depth == 0 {
            return j;
        }
        j += 1;
    }
    j
}

/// `primary`: an atom and its trailers (`.name`, calls, subscripts). Returns the end.
pub fn primary_end(toks: &[Spanned], i: usize) -> Option<usize> {
    let mut j = match tok(toks, i)? {
        Tok::Str(_) => {
            let mut j = i;
            while matches!(tok(toks, j), Some(Tok::Str(_))) {
                j += 1;
            }
            j
        }
        t if is_opener(t) => skip_group(toks, i),
        t if starts_atom(t) => i + 1,
        _ => return None,
    };
    loop {
        match tok(toks, j) {
            Some(Tok::Dot) if matches!(tok(toks, j + 1), Some(Tok::Name(_))) => j += 2,
            Some(Tok::LPar | Tok::LSqb) => j = skip_group(toks, j),
            _ => return Some(j),
        }
    }
}

/// `factor`: unary operators, `await`, a primary and an optional `** factor`.
fn factor_end(toks: &[Spanned], mut i: usize) -> Option<usize> {
    while matches!(tok(toks, i), Some(Tok::Plus | Tok::Minus | Tok::Tilde)) {
        i += 1;
    }
    if matches!(tok(toks, i), Some(Tok::Await)) {
        i += 1;
    }
    let j = primary_end(toks, i)?;
    if matches!(tok(toks, j), Some(Tok::DoubleStar)) {
        return factor_end(toks, j + 1).or(Some(j));
    }
    Some(j)
}

fn is_binary_arith(t: &Tok) -> bool {
    matches!(
        t,
        Tok::VBar
            | Tok::CircumFlex
            | Tok::Amper
            | Tok::LeftShift
            | Tok::RightShift
            | Tok::Plus
            | Tok::Minus
            | Tok::Star
            | Tok::Slash
            | Tok::DoubleSlash
            | Tok::Percent
            | Tok::At
    )
}

/// `bitwise_or`: factors joined by arithmetic and bitwise operators. Returns the end.
pub fn bitwise_or_end(toks: &[Spanned], i: usize) -> Option<usize> {
    let mut j = factor_end(toks, i)?;
    while tok(toks, j).is_some_and(is_binary_arith) {
        match factor_end(toks, j + 1) {
            Some(k) => j = k,
            None => break,
        }
    }
    Some(j)
}

fn is_comparison(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Less
            | Tok::Greater
            | Tok::EqEqual
            | Tok::NotEqual
            | Tok::LessEqual
            | Tok::GreaterEqual
            | Tok::In
            | Tok::Is
    )
}

/// `disjunction`: comparisons joined by `and`/`or`, each possibly negated with `not`.
pub fn disjunction_end(toks: &[Spanned], mut i: usize) -> Option<usize> {
    loop {
        while matches!(tok(toks, i), Some(Tok::Not)) {
            i += 1;
        }
        let mut j = bitwise_or_end(toks, i)?;
        loop {
            match tok(toks, j) {
                Some(Tok::Not) if matches!(tok(toks, j + 1), Some(Tok::In)) => j += 2,
                Some(Tok::Is) if matches!(tok(toks, j + 1), Some(Tok::Not)) => j += 2,
                Some(t) if is_comparison(t) => j += 1,
                _ => break,
            }
            match bitwise_or_end(toks, j) {
                Some(k) => j = k,
                None => return Some(j - 1),
            }
        }
        if matches!(tok(toks, j), Some(Tok::And | Tok::Or))
            && disjunction_end(toks, j + 1).is_some()
        {
            i = j + 1;
            continue;
        }
        return Some(j);
    }
}

/// `expression`: a disjunction with an optional `if ... else ...`, or a lambda.
pub fn expression_end(toks: &[Spanned], i: usize) -> Option<usize> {
    if matches!(tok(toks, i), Some(Tok::Lambda)) {
        let mut j = i + 1;
        while let Some(t) = tok(toks, j) {
            match t {
                Tok::Colon => return expression_end(toks, j + 1).or(Some(j + 1)),
                Tok::Newline => return Some(j),
                t if is_opener(t) => j = skip_group(toks, j),
                _ => j += 1,
            }
        }
        return Some(j);
    }
    let j = disjunction_end(toks, i)?;
    if matches!(tok(toks, j), Some(Tok::If)) {
        if let Some(k) = disjunction_end(toks, j + 1) {
            if matches!(tok(toks, k), Some(Tok::Else)) {
                return expression_end(toks, k + 1).or(Some(k));
            }
        }
    }
    Some(j)
}

/// `star_expressions`: expressions (or `*expr`) separated by commas. Returns the end.
pub fn star_expressions_end(toks: &[Spanned], i: usize) -> Option<usize> {
    let one = |k: usize| {
        if matches!(tok(toks, k), Some(Tok::Star)) {
            bitwise_or_end(toks, k + 1)
        } else {
            expression_end(toks, k)
        }
    };
    let mut j = one(i)?;
    while matches!(tok(toks, j), Some(Tok::Comma)) {
        match one(j + 1) {
            Some(k) => j = k,
            None => return Some(j + 1),
        }
    }
    Some(j)
}

/// Start of the primary that ends just before `end`, walking back over trailers.
fn primary_start(toks: &[Spanned], end: usize) -> Option<usize> {
    let mut j = end.checked_sub(1)?;
    loop {
        let t = tok(toks, j)?;
        let start = if is_closer(t) {
            group_start(toks, j)?
        } else if let Tok::Str(_) = t {
            let mut s = j;
            while s > 0 && matches!(tok(toks, s - 1), Some(Tok::Str(_))) {
                s -= 1;
            }
            s
        } else if ends_expression(t) {
            j
        } else {
            return None;
        };
        // A bracket group after an expression is a call or subscript; `.name` is an attribute.
        if start > 0 {
            let before = tok(toks, start - 1)?;
            let is_trailer =
                matches!(tok(toks, start), Some(Tok::LPar | Tok::LSqb)) && ends_expression(before);
            if is_trailer {
                j = start - 1;
                continue;
            }
            if matches!(tok(toks, start), Some(Tok::Name(_)))
                && matches!(before, Tok::Dot)
                && start >= 2
            {
                j = start - 2;
                continue;
            }
        }
        return Some(start);
    }
}

/// Index of the opener matching the closer at `close`.
fn group_start(toks: &[Spanned], close: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut j = close;
    loop {
        let t = tok(toks, j)?;
        if is_closer(t) {
            depth += 1;
        } else if is_opener(t) {
            depth -= 1;
            if depth == 0 {
                return Some(j);
            }
        }
        j = j.checked_sub(1)?;
    }
}

/// Start of the `disjunction` that ends just before `end`.
pub fn disjunction_start(toks: &[Spanned], end: usize) -> Option<usize> {
    let mut start = primary_start(toks, end)?;
    loop {
        // Unary operators and `await`, `not` in front of this operand.
        while start > 0 {
            let t = tok(toks, start - 1)?;
            let unary = matches!(t, Tok::Plus | Tok::Minus | Tok::Tilde)
                && !(start >= 2 && tok(toks, start - 2).is_some_and(ends_expression));
            if unary || matches!(t, Tok::Await | Tok::Not) {
                start -= 1;
            } else {
                break;
            }
        }
        if start == 0 {
            return Some(start);
        }
        let op = tok(toks, start - 1)?;
        let binary = is_binary_arith(op)
            || is_comparison(op)
            || matches!(op, Tok::DoubleStar | Tok::And | Tok::Or);
        if !binary {
            return Some(start);
        }
        let mut op_start = start - 1;
        // `not in` and `is not` are one operator.
        if matches!(op, Tok::In | Tok::Not) && op_start > 0 {
            if let Some(Tok::Not | Tok::Is) = tok(toks, op_start - 1) {
                op_start -= 1;
            }
        }
        match primary_start(toks, op_start) {
            Some(s) => start = s,
            None => return Some(start),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::lexer::Lexer;

    fn toks(src: &str) -> Vec<Spanned> {
        Lexer::new(src).filter_map(Result::ok).collect()
    }

    #[test]
    fn forward() {
        let t = toks("a.b(1)[2] + -c ** 2 if x else y, z");
        assert_eq!(primary_end(&t, 0), Some(9));
        assert_eq!(bitwise_or_end(&t, 0), Some(14));
        assert_eq!(expression_end(&t, 0), Some(18));
        assert_eq!(star_expressions_end(&t, 0), Some(20));
        let t = toks("not a < b and c in d");
        assert_eq!(disjunction_end(&t, 0), Some(8));
    }

    #[test]
    fn backward() {
        let t = toks("[1, x.y + f(2) z]");
        // `x.y + f(2)` ends before `z` at index 11.
        assert_eq!(disjunction_start(&t, 11), Some(3));
        let t = toks("[\"a\" \"b\" c]");
        assert_eq!(disjunction_start(&t, 3), Some(1));
    }
}
