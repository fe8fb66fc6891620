//! The page's verdict on the command line (`check`) and the rules it applies (`rules`).

use std::process::ExitCode;

use kubewright::validate::{self, Verdict, RULES};

use super::source::SpecArgs;

/// One `error|warning <path>: <message>` line per issue, the verdict when kept objects are dangerous,
/// and exit code 1 when there is any error (an unreadable or unparsable spec is one), else 0.
pub fn check(spec: &SpecArgs) -> ExitCode {
    let spec = match spec.load() {
        Ok(spec) => spec,
        Err(message) => {
            super::write_stdout(&format!("error spec: {message}\n"));
            return ExitCode::from(1);
        }
    };
    let issues = validate::validate(&spec);
    let mut text: String = issues
        .iter()
        .map(|i| format!("{} {}: {}\n", i.severity.as_str(), i.path, i.message))
        .collect();
    let verdict = Verdict::of(&issues);
    if verdict.dangerous > 0 {
        text.push_str(&format!("{}\n", verdict.headline()));
    }
    super::write_stdout(&text);
    ExitCode::from(u8::from(verdict.errors > 0))
}

/// Every validation rule: id, severity and the upstream rule it mirrors (the README's table).
pub fn rules_table() -> String {
    let mut out = String::from("| rule | severity | mirrors |\n|---|---|---|\n");
    for rule in RULES {
        out.push_str(&format!(
            "| `{}` | {} | {} |\n",
            rule.id,
            rule.severity.as_str(),
            rule.upstream
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    out
}
