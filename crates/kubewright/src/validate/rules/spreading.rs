//! Spreading the pods: the skew the API server accepts.

use super::INT32_MAX;
use crate::spec::SpreadMode;
use crate::validate::{Finding, Rule, Severity};

pub const SPREADING: Rule = Rule {
    id: "spreading",
    severity: Severity::Error,
    upstream: "validateTopologySpreadConstraints (pkg/apis/core/validation): maxSkew greater than 0; int32",
    check: |spec| {
        let s = &spec.spreading;
        if matches!(s.mode, SpreadMode::Off | SpreadMode::PreferOtherNodes) {
            return Vec::new();
        }
        let problem = if s.max_skew < 1 {
            format!("maxSkew is {}; it must be at least 1.", s.max_skew)
        } else if s.max_skew > INT32_MAX {
            format!("maxSkew is {}; the most is {INT32_MAX}.", s.max_skew)
        } else {
            return Vec::new();
        };
        vec![Finding::new("spreading.max_skew", problem)]
    },
};
