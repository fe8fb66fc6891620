//! Validation: what the API server would reject (errors) and what best practice advises (warnings),
//! each [`Issue`] tied to the form field it is about by its path in the spec file, e.g. `app.name`,
//! `env[2].name`, `probes.liveness.action.port`, `resources.requests.cpu`, `jobs[0].name`.
//!
//! The rules are data: [`RULES`] lists each with its id, severity, the upstream rule it mirrors and one
//! check function. The YAML always renders, errors or not, so the user sees where a value lands.

mod api;
mod database;
mod fix;
pub mod image_ref;
mod kept;
mod lint;
pub mod names;
pub mod quantity;
mod seal;

pub use fix::Fix;

use crate::spec::AppSpec;

/// Error: the API server (or the node) would refuse it. Warning: it works, but is a known pitfall.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One problem with one field.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// The field's path in the spec (the same path the form puts on the field).
    pub path: String,
    pub severity: Severity,
    /// The rule's id: a kube-linter / Polaris / kube-score check name where one exists.
    pub rule: &'static str,
    /// What is wrong and how to fix it, in plain words.
    pub message: String,
    /// A one-click fix, where there is an obvious one.
    pub fix: Option<Fix>,
}

/// What a check reports; [`validate`] adds the rule's id and severity.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub path: String,
    pub message: String,
    pub fix: Option<Fix>,
}

impl Finding {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            path: path.into(),
            message: message.into(),
            fix: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// One validation rule.
pub struct Rule {
    /// Stable id, shown in the lint panel and the CLI.
    pub id: &'static str,
    pub severity: Severity,
    /// The upstream rule this mirrors (source file / check), so it can be compared.
    pub upstream: &'static str,
    pub check: fn(&AppSpec) -> Vec<Finding>,
}

/// Every rule, errors first.
pub const RULES: &[Rule] = &[
    api::APP_NAME,
    api::NAMESPACE_NAME,
    api::LABELS,
    api::DERIVED_NAMES,
    api::ENV_KEY,
    api::DUPLICATE_KEY,
    api::ENV_NAME,
    api::IMAGE_REF,
    api::PORT_NUMBER,
    api::PORT_NAME,
    api::NODE_PORT,
    api::PROBE_PORT,
    api::PROBE_NUMBERS,
    api::PROBE_EXEC,
    api::QUANTITY,
    api::REQUESTS_LIMITS,
    api::ROLLING_UPDATE,
    api::COUNTS,
    api::JOB_NAME,
    api::TMP_PATH,
    api::NON_ROOT_UID,
    database::DATABASE,
    database::CONTAINER_ENV,
    seal::SEAL_CERTIFICATE,
    seal::SEAL_SCOPE_NAMESPACE,
    lint::LATEST_TAG,
    lint::PULL_POLICY_NEVER,
    lint::UNSET_CPU,
    lint::UNSET_MEMORY,
    lint::MEMORY_MILLIBYTES,
    lint::NO_LIVENESS,
    lint::NO_READINESS,
    lint::POD_PROBES,
    lint::ENV_VAR_SECRET,
    lint::DUPLICATE_ENV_VAR,
    lint::ENV_NAME_COMPAT,
    lint::MINIMUM_REPLICAS,
    lint::RUN_AS_NON_ROOT,
    lint::RUN_AS_NON_ROOT_UID,
    lint::PRIVILEGE_ESCALATION,
    lint::READ_ONLY_ROOT_FS,
    lint::CAPABILITIES,
    lint::SECCOMP,
    lint::JOB_TTL,
    lint::PROBE_PORT_UNDECLARED,
    lint::PROBE_HTTP_PATH,
    lint::NODE_PORT_UNUSED,
    database::ENV_REFERENCE,
    kept::CLUSTER_ADMIN,
    kept::WILDCARD,
    kept::PRIVILEGED,
    kept::HOST_NETWORK,
    kept::HOST_PID,
    kept::HOST_IPC,
    kept::HOST_PATH,
    kept::CAPABILITIES,
    kept::CLUSTER_SCOPED,
    kept::OTHER_NAMESPACE,
    kept::SECRET_VALUE,
    kept::REGISTRY,
];

/// Every issue of the spec: errors first, then warnings, each in form order within its rule.
pub fn validate(spec: &AppSpec) -> Vec<Issue> {
    let mut issues: Vec<Issue> = RULES
        .iter()
        .flat_map(|rule| {
            (rule.check)(spec).into_iter().map(|f| Issue {
                path: f.path,
                severity: rule.severity,
                rule: rule.id,
                message: f.message,
                fix: f.fix,
            })
        })
        .collect();
    issues.sort_by_key(|i| i.severity);
    issues
}

/// For each name, the index of the first name equal to it (its own index when it is the first).
/// Sorting instead of a hash map: one sort is already in the wasm, a HashMap would add its own code.
pub(crate) fn first_of(names: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..names.len()).collect();
    // Stable: equal names keep their order, so the first of a run is the earliest.
    order.sort_by(|&a, &b| names[a].cmp(names[b]));
    let mut first = vec![0; names.len()];
    let mut run_start = 0;
    for (k, &i) in order.iter().enumerate() {
        if k == 0 || names[order[k - 1]] != names[i] {
            run_start = i;
        }
        first[i] = run_start;
    }
    first
}

/// The rule with this id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// The verdict at the top of the page and at the end of `kubewright check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Verdict {
    pub errors: usize,
    pub warnings: usize,
    /// Kept objects with at least one danger warning.
    pub dangerous: usize,
}

impl Verdict {
    pub fn of(issues: &[Issue]) -> Self {
        let errors = error_count(issues);
        let mut dangerous: Vec<&str> = issues
            .iter()
            .filter(|i| crate::kept::RULE_IDS.contains(&i.rule))
            .map(|i| i.path.as_str())
            .collect();
        dangerous.sort_unstable();
        dangerous.dedup();
        Verdict {
            errors,
            warnings: issues.len() - errors,
            dangerous: dangerous.len(),
        }
    }

    /// "valid", "valid, 2 dangerous objects", "not valid: 1 error" or "not valid: 3 errors, 1
    /// dangerous object" (the warning count is said apart).
    pub fn headline(&self) -> String {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        let mut out = if self.errors == 0 {
            "valid".to_string()
        } else {
            format!("not valid: {}", plural(self.errors, "error"))
        };
        if self.dangerous > 0 {
            out.push_str(&format!(", {}", plural(self.dangerous, "dangerous object")));
        }
        out
    }
}

/// How many issues are errors.
pub fn error_count(issues: &[Issue]) -> usize {
    issues
        .iter()
        .filter(|i| i.severity == Severity::Error)
        .count()
}
