//! The app's port variable against the container port.

use crate::validate::{Finding, Fix, Rule, Severity};

pub const PORT_ENV_MISMATCH: Rule = Rule {
    id: "port-env-mismatch",
    severity: Severity::Warning,
    upstream: "ours: the container port, the Service's targetPort and the probes all point where \
               the app's PORT / HTTP_PORT variable does not make it listen",
    check: |spec| {
        let Some(i) = spec.port_env() else {
            return Vec::new();
        };
        let entry = &spec.env[i];
        let number = spec.port.number;
        if entry.value.trim().parse::<i64>() == Ok(number) {
            return Vec::new();
        }
        vec![Finding::new(
            format!("env[{i}].value"),
            format!(
                "{} is {:?} but the container port is {number}: the app would listen where no \
                 Service or probe looks. Make them the same.",
                entry.name, entry.value
            ),
        )
        .with_fix(Fix::EnvValue {
            index: i,
            value: number.to_string(),
        })]
    },
};
