//! Kubernetes resource quantities (`250m`, `0.5`, `128Mi`, `1e3`) as exact numbers, so `1` and `1000m`
//! compare equal. Used by the QoS class; the YAML always keeps the text as typed.

/// A quantity in billionths of its unit (nano-cores, nano-bytes): exact for every suffix Kubernetes
/// accepts, down to `n`. `None` when the text is not a quantity or is too large to hold.
pub fn parse(text: &str) -> Option<i128> {
    let (sign, rest) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text.strip_prefix('+').unwrap_or(text)),
    };
    let digits_end = rest
        .find(|c: char| !c.is_ascii_digit() && c != '.')
        .unwrap_or(rest.len());
    let (number, suffix) = rest.split_at(digits_end);
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty() && fraction.is_empty() || fraction.contains('.') {
        return None;
    }
    // value = digits / 10^fraction_len * multiplier, kept as a fraction to stay exact.
    let digits: i128 = format!("{whole}{fraction}").parse().ok()?;
    let scale = 10i128.checked_pow(u32::try_from(fraction.len()).ok()?)?;
    let (mul, div): (i128, i128) = match suffix {
        "n" => (1, 1),
        "u" => (1_000, 1),
        "m" => (1_000_000, 1),
        "" => (1_000_000_000, 1),
        "k" => (1_000_000_000_000, 1),
        "M" => (10i128.pow(15), 1),
        "G" => (10i128.pow(18), 1),
        "T" => (10i128.pow(21), 1),
        "P" => (10i128.pow(24), 1),
        "E" => (10i128.pow(27), 1),
        "Ki" | "Mi" | "Gi" | "Ti" | "Pi" | "Ei" => {
            let power = "KMGTPE".find(&suffix[..1])? as u32 + 1;
            (1_000_000_000 * 1024i128.checked_pow(power)?, 1)
        }
        exp if exp.starts_with(['e', 'E']) => {
            let e: i32 = exp[1..].parse().ok()?;
            if e >= 0 {
                (
                    1_000_000_000i128.checked_mul(10i128.checked_pow(e as u32)?)?,
                    1,
                )
            } else {
                (1_000_000_000, 10i128.checked_pow(e.unsigned_abs())?)
            }
        }
        _ => return None,
    };
    let nanos = digits.checked_mul(mul)?;
    let denominator = scale.checked_mul(div)?;
    Some(sign * nanos / denominator)
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[test]
    fn equal_quantities_in_different_notations_are_equal() {
        let same = [
            ("1", "1000m"),
            ("0.5", "500m"),
            ("128Mi", "134217728"),
            ("1Gi", "1024Mi"),
            ("1k", "1000"),
            ("1e3", "1k"),
            ("100m", "0.1"),
            ("1M", "1000k"),
        ];
        for (a, b) in same {
            assert_eq!(parse(a), parse(b), "{a} = {b}");
            assert!(parse(a).is_some(), "{a}");
        }
        assert_ne!(parse("1M"), parse("1Mi"));
        assert!(parse("250m") < parse("1"));
    }

    #[test]
    fn non_quantities_are_none() {
        for text in ["", "abc", "1.2.3", "m", "1x", "1 Gi", "."] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }
}
