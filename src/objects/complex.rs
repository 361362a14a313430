//! `complex` text conversion with CPython's rules.

use super::float::float_repr_bare;

/// `repr(z)`: `1j`, `-0j`, `(1+2j)`, `(1.5-0j)`, `(-0+0j)`, `(inf+nanj)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        format!("{}j", float_repr_bare(im, false))
    } else {
        format!(
            "({}{}j)",
            float_repr_bare(re, false),
            float_repr_bare(im, true)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        assert_eq!(complex_repr(0.0, 1.0), "1j");
        assert_eq!(complex_repr(0.0, -0.0), "-0j");
        assert_eq!(complex_repr(1.0, 2.0), "(1+2j)");
        assert_eq!(complex_repr(1.5, -0.0), "(1.5-0j)");
        assert_eq!(complex_repr(-0.0, 0.0), "(-0+0j)");
        assert_eq!(complex_repr(f64::INFINITY, f64::NAN), "(inf+nanj)");
        assert_eq!(complex_repr(0.0, 1e16), "1e+16j");
    }
}
