//! Kubewright patch: YAML 1.1 plain scalars that are not strings.
//!
//! serde_yaml emits YAML 1.2 and quotes only what a YAML 1.2 reader would mistake for a non-string. The
//! Kubernetes toolchain (kubectl, the API server: go-yaml v2) and PyYAML read YAML 1.1, where `yes`,
//! `on`, `n`, `1_000`, `0777`, `1:30` and `2001-12-14` are booleans, numbers or timestamps. A ConfigMap
//! value emitted plain as `yes` is then a boolean, and the API server rejects the object. Quoting more
//! than strictly needed is harmless (a quoted scalar is always a string), so this errs on that side.

/// True when a YAML 1.1 reader would resolve the plain scalar `v` to something other than a string.
pub fn reads_as_non_string(v: &str) -> bool {
    v.is_empty()
        || is_bool_or_null(v) || is_special_float(v) || looks_numeric(v) || looks_like_timestamp(v) || v == "<<" || v == "="
}

// https://yaml.org/type/bool.html and https://yaml.org/type/null.html
fn is_bool_or_null(v: &str) -> bool {
    matches!(
        v,
        "y" | "Y" | "yes" | "Yes" | "YES" | "n" | "N" | "no" | "No" | "NO"
            | "true" | "True" | "TRUE" | "false" | "False" | "FALSE"
            | "on" | "On" | "ON" | "off" | "Off" | "OFF"
            | "~" | "null" | "Null" | "NULL"
    )
}

// https://yaml.org/type/float.html: infinities and not-a-number.
fn is_special_float(v: &str) -> bool {
    let unsigned = v.strip_prefix(['+', '-']).unwrap_or(v);
    matches!(unsigned, ".inf" | ".Inf" | ".INF") || matches!(v, ".nan" | ".NaN" | ".NAN")
}

// https://yaml.org/type/int.html and float.html: binary, octal, decimal, hex and base-60 integers,
// floats with `_` separators and exponents. Any scalar that starts (after a sign) with a digit or a dot
// and uses only the characters these forms use is quoted.
fn looks_numeric(v: &str) -> bool {
    let unsigned = v.strip_prefix(['+', '-']).unwrap_or(v);
    let mut chars = unsigned.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() || c == '.' => {}
        _ => return false,
    }
    unsigned.chars().any(|c| c.is_ascii_digit())
        && unsigned
            .chars()
            .all(|c| c.is_ascii_hexdigit() || matches!(c, 'x' | 'X' | 'o' | 'O' | '_' | '.' | ':' | '+' | '-'))
}

// https://yaml.org/type/timestamp.html: every form starts with `YYYY-M`.
fn looks_like_timestamp(v: &str) -> bool {
    let b = v.as_bytes();
    b.len() >= 6 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-' && b[5].is_ascii_digit()
}

#[cfg(test)]
mod tests {
    use super::reads_as_non_string;
    use serde::de::Visitor;
    use std::fmt;

    /// Upstream serde_yaml's rule (the visitor `serialize_str` used): quote what YAML 1.2 reads as
    /// null, a boolean or a number.
    fn upstream_quotes(v: &str) -> bool {
        struct Quotes;
        impl<'de> Visitor<'de> for Quotes {
            type Value = bool;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a scalar")
            }
            fn visit_bool<E>(self, _: bool) -> Result<bool, E> { Ok(true) }
            fn visit_i64<E>(self, _: i64) -> Result<bool, E> { Ok(true) }
            fn visit_i128<E>(self, _: i128) -> Result<bool, E> { Ok(true) }
            fn visit_u64<E>(self, _: u64) -> Result<bool, E> { Ok(true) }
            fn visit_u128<E>(self, _: u128) -> Result<bool, E> { Ok(true) }
            fn visit_f64<E>(self, _: f64) -> Result<bool, E> { Ok(true) }
            fn visit_unit<E>(self) -> Result<bool, E> { Ok(true) }
            fn visit_str<E>(self, v: &str) -> Result<bool, E> { Ok(crate::de::digits_but_not_number(v)) }
        }
        crate::de::visit_untagged_scalar(Quotes, v, None, crate::libyaml::parser::ScalarStyle::Plain).unwrap_or(false)
    }

    #[test]
    fn everything_upstream_quoted_is_still_quoted() {
        // Every string over a numeric-ish alphabet up to 4 characters, plus named cases.
        let alphabet: Vec<char> = "0129.eE+-_xXoObB:aAfFinN~ty".chars().collect();
        let mut cases: Vec<String> = vec![String::new()];
        let mut frontier = cases.clone();
        for _ in 0..4 {
            frontier = frontier.iter().flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}"))).collect();
            cases.extend(frontier.iter().cloned());
        }
        cases.extend(["true", "False", "NULL", "null", "~", ".inf", "-.Inf", ".NaN", "infinity", "nan", "1e308", "1e999", "0x7FFFFFFFFFFFFFFFFF", "+0o17", "-0b1", "00", "0.", "-.5e-3"].map(String::from));
        let mut checked = 0;
        for v in &cases {
            if upstream_quotes(v) {
                assert!(reads_as_non_string(v), "upstream quoted {v:?}, we would not");
                checked += 1;
            }
        }
        assert!(checked > 1000, "only {checked} upstream-quoted cases");
    }

    #[test]
    fn yaml11_scalars_are_detected() {
        for v in [
            "yes", "No", "ON", "off", "y", "N", "~", "NULL", "1_000", "0777", "0x1F", "0b101", "1:30", "190:20:30",
            "1e3", "6.8523015e+5", ".5", "-.inf", ".NaN", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "<<", "=",
            "4000", "1.2.3",
        ] {
            assert!(reads_as_non_string(v), "{v} should be quoted");
        }
        for v in ["kube-native", "localhost", "http", "ecto://a:b@c/d", "yess", "onion", "v1.2", "250m", "128Mi", "-", "a1"] {
            assert!(!reads_as_non_string(v), "{v} should stay plain");
        }
    }
}
