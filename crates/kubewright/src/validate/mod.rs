//! Validation: what the API server would reject (errors) and what best practice advises (warnings),
//! each [`Issue`] tied to the form field it is about by its path in the spec file, e.g. `app.name`,
//! `env[2].name`, `probes.liveness.action.port`, `resources.requests.cpu`, `jobs[0].name`.
//!
//! The rules are data: [`RULES`] lists each with its id, severity, the upstream rule it mirrors and one
//! check function. They live in `rules/`, one file per subject (names, env, image, ports and probes,
//! resources, workload, security, database, sealing, kept objects), errors and warnings together;
//! `names`, `quantity` and `image_ref` are the API server's syntax checks they share. The YAML always
//! renders, errors or not, so the user sees where a value lands.

mod fix;
pub mod image_ref;
pub mod names;
pub mod quantity;
mod rules;

pub use fix::Fix;

use rules::{
    checksum, cron_job, database, disruption, env, expose, image, init, kept, naming, port_env,
    ports, required, resources, route, scaling, seal, security, shutdown, spreading, url_host,
    workload,
};

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
    naming::APP_NAME,
    naming::NAMESPACE_NAME,
    naming::LABELS,
    naming::DERIVED_NAMES,
    env::ENV_KEY,
    env::DUPLICATE_KEY,
    env::ENV_NAME,
    image::IMAGE_REF,
    ports::PORT_NUMBER,
    ports::PORT_NAME,
    ports::NODE_PORT,
    ports::PROBE_PORT,
    ports::PROBE_NUMBERS,
    ports::PROBE_EXEC,
    resources::QUANTITY,
    resources::REQUESTS_LIMITS,
    workload::ROLLING_UPDATE,
    workload::COUNTS,
    scaling::AUTOSCALING,
    scaling::AUTOSCALING_REQUESTS,
    disruption::DISRUPTION_BUDGET,
    shutdown::SHUTDOWN,
    init::WAIT_FOR_DATABASE,
    init::SIDECARS,
    spreading::SPREADING,
    cron_job::CRON_JOB,
    naming::JOB_NAME,
    security::TMP_PATH,
    security::NON_ROOT_UID,
    database::DATABASE,
    required::SECRET_REQUIRED,
    required::PLACEHOLDER,
    expose::INGRESS,
    expose::ISSUER_EMAIL,
    route::ROUTE,
    route::GATEWAY,
    expose::NETWORK_POLICY_NAMESPACE,
    expose::REGISTRY,
    env::CONTAINER_ENV,
    seal::SEAL_CERTIFICATE,
    seal::SEAL_SCOPE_NAMESPACE,
    image::LATEST_TAG,
    image::PULL_POLICY_NEVER,
    resources::UNSET_CPU,
    resources::UNSET_MEMORY,
    resources::MEMORY_MILLIBYTES,
    ports::NO_LIVENESS,
    ports::NO_READINESS,
    ports::POD_PROBES,
    env::ENV_VAR_SECRET,
    env::DUPLICATE_ENV_VAR,
    env::ENV_NAME_COMPAT,
    workload::MINIMUM_REPLICAS,
    disruption::BLOCKS_DRAIN,
    security::RUN_AS_NON_ROOT,
    security::RUN_AS_NON_ROOT_UID,
    security::PRIVILEGE_ESCALATION,
    security::READ_ONLY_ROOT_FS,
    security::CAPABILITIES,
    security::SECCOMP,
    workload::JOB_TTL,
    expose::SERVICE_ACCOUNT_TOKEN,
    url_host::URL_HOST,
    expose::INGRESS_TLS,
    route::ROUTE_TLS,
    route::GATEWAY_ELSEWHERE,
    route::GATEWAY_NETWORK_POLICY,
    expose::SERVICE_BEHIND_INGRESS,
    expose::NO_NETWORK_POLICY,
    ports::PROBE_PORT_UNDECLARED,
    ports::PROBE_HTTP_PATH,
    ports::NODE_PORT_UNUSED,
    port_env::PORT_ENV_MISMATCH,
    env::ENV_REFERENCE,
    checksum::SECRET_CHECKSUM_KEY,
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

    /// Counts fields whose text could not be used (letters in a number) as errors: the spec still
    /// holds their last valid value, so its issues alone would call the form valid.
    pub fn with_unusable_text(mut self, fields: usize) -> Self {
        self.errors += fields;
        self
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
