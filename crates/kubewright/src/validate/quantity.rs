//! Resource quantities (`k8s.io/apimachinery/pkg/api/resource`, `ParseQuantity`): a decimal number
//! and an optional suffix, `250m`, `0.5`, `128Mi`, `1e3`. Parsed exactly enough to compare a request
//! with its limit; never used to rewrite what the user typed.

/// A quantity's value in billionths (`1` = 1_000_000_000), saturating at `u128::MAX`. Exact for every
/// quantity with at most nine decimals; finer fractions round up, like the API server's rounding.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Quantity {
    pub nanos: u128,
    pub negative: bool,
}

const NANO_DIGITS: usize = 9;

/// Parses a quantity, or says what is wrong with it.
pub fn parse(text: &str) -> Result<Quantity, String> {
    if text.is_empty() {
        return Err("is empty".into());
    }
    let (negative, rest) = match text.as_bytes()[0] {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let number_len = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(rest.len());
    let (number, suffix) = rest.split_at(number_len);
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if (whole.is_empty() && fraction.is_empty()) || fraction.contains('.') {
        return Err(format!(
            "'{text}' is not a quantity: write a number with an optional unit, e.g. 250m, 0.5, 128Mi"
        ));
    }
    let scale = Scale::parse(suffix).ok_or_else(|| {
        let hint = match suffix {
            "MB" | "mb" | "Mb" => " (for megabytes write M, for mebibytes Mi)",
            "GB" | "gb" | "Gb" => " (for gigabytes write G, for gibibytes Gi)",
            "KB" | "kb" | "Kb" => " (for kilobytes write k, for kibibytes Ki)",
            _ => "",
        };
        format!(
            "'{suffix}' is not a unit{hint}; units are m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or e<n>"
        )
    })?;
    // Digits as a whole number of billionths, then scaled.
    let mut nanos: u128 = 0;
    for d in whole.bytes() {
        nanos = nanos
            .saturating_mul(10)
            .saturating_add(u128::from(d - b'0'));
    }
    let mut frac_nanos: u128 = 0;
    let mut round_up = false;
    for (i, d) in fraction.bytes().enumerate() {
        if i < NANO_DIGITS {
            frac_nanos = frac_nanos * 10 + u128::from(d - b'0');
        } else if d != b'0' {
            round_up = true;
        }
    }
    frac_nanos *= 10u128.pow(NANO_DIGITS.saturating_sub(fraction.len()) as u32);
    nanos = nanos
        .saturating_mul(1_000_000_000)
        .saturating_add(frac_nanos);
    let nanos = scale.apply(nanos, round_up);
    Ok(Quantity { nanos, negative })
}

/// A suffix: a power of two, a power of ten, or a decimal exponent.
enum Scale {
    Binary(u32),
    Decimal(i32),
}

impl Scale {
    fn parse(suffix: &str) -> Option<Scale> {
        Some(match suffix {
            "" => Scale::Decimal(0),
            "n" => Scale::Decimal(-9),
            "u" => Scale::Decimal(-6),
            "m" => Scale::Decimal(-3),
            "k" => Scale::Decimal(3),
            "M" => Scale::Decimal(6),
            "G" => Scale::Decimal(9),
            "T" => Scale::Decimal(12),
            "P" => Scale::Decimal(15),
            "E" => Scale::Decimal(18),
            "Ki" => Scale::Binary(10),
            "Mi" => Scale::Binary(20),
            "Gi" => Scale::Binary(30),
            "Ti" => Scale::Binary(40),
            "Pi" => Scale::Binary(50),
            "Ei" => Scale::Binary(60),
            _ => {
                let exponent = suffix.strip_prefix(['e', 'E'])?;
                let digits = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
                if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                Scale::Decimal(exponent.parse().unwrap_or(i32::MAX))
            }
        })
    }

    fn apply(self, nanos: u128, round_up: bool) -> u128 {
        let up = |n: u128| if round_up { n.saturating_add(1) } else { n };
        match self {
            Scale::Binary(bits) => up(nanos).saturating_mul(1u128 << bits),
            Scale::Decimal(e) if e >= 0 => {
                up(nanos).saturating_mul(10u128.checked_pow(e as u32).unwrap_or(u128::MAX))
            }
            Scale::Decimal(e) => {
                let divisor = 10u128.checked_pow(e.unsigned_abs()).unwrap_or(u128::MAX);
                // Rounds up, so a tiny non-zero value never compares as zero.
                let rounded =
                    nanos / divisor + u128::from(!nanos.is_multiple_of(divisor) || round_up);
                if nanos == 0 && !round_up {
                    0
                } else {
                    rounded
                }
            }
        }
    }
}
