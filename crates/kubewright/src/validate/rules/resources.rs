//! Resources: CPU and memory quantities, requests against limits, and what is missing, for the
//! app's container and each sidecar's (the checks are the API server's and the linters' per
//! container).

use crate::spec::{effective_request, AppSpec, Resources};
use crate::validate::{quantity, Finding, Fix, Rule, Severity};

/// Each container's resources with the spec path they sit at: the app's (`resources`), then
/// each sidecar's (`init.sidecars[i].resources`).
fn groups(spec: &AppSpec) -> Vec<(String, &Resources)> {
    let mut out = vec![("resources".to_string(), &spec.resources)];
    out.extend(
        spec.init
            .sidecars
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("init.sidecars[{i}].resources"), &s.resources)),
    );
    out
}

/// One container's four quantities with their paths: request cpu, request memory, limit cpu,
/// limit memory.
fn four<'a>(base: &str, r: &'a Resources) -> [(String, &'static str, &'a String); 4] {
    [
        (format!("{base}.requests.cpu"), "cpu", &r.requests.cpu),
        (
            format!("{base}.requests.memory"),
            "memory",
            &r.requests.memory,
        ),
        (format!("{base}.limits.cpu"), "cpu", &r.limits.cpu),
        (format!("{base}.limits.memory"), "memory", &r.limits.memory),
    ]
}

/// Every container's quantities with their paths.
pub(super) fn quantities(spec: &AppSpec) -> Vec<(String, &'static str, &String)> {
    groups(spec)
        .into_iter()
        .flat_map(|(base, r)| four(&base, r))
        .collect()
}

pub const QUANTITY: Rule = Rule {
    id: "quantity",
    severity: Severity::Error,
    upstream: "resource.ParseQuantity; ValidateResourceQuantityValue (must be 0 or more)",
    check: |spec| {
        quantities(spec)
            .into_iter()
            .filter(|(_, _, text)| !text.is_empty())
            .filter_map(|(path, what, text)| {
                let example = if what == "cpu" {
                    "250m or 0.5"
                } else {
                    "128Mi or 1Gi"
                };
                match quantity::parse(text) {
                    Err(e) => Some(Finding::new(
                        path,
                        if e.starts_with('\'') {
                            format!("{e}. Example: {example}.")
                        } else {
                            format!("The {what} quantity {e}. Example: {example}.")
                        },
                    )),
                    Ok(q) if q.negative && q.nanos > 0 => Some(Finding::new(
                        path,
                        format!("The {what} quantity is negative; use 0 or more, e.g. {example}."),
                    )),
                    Ok(_) => None,
                }
            })
            .collect()
    },
};

pub const REQUESTS_LIMITS: Rule = Rule {
    id: "requests-limits",
    severity: Severity::Error,
    upstream: "ValidateResourceRequirements: a request must be less than or equal to its limit",
    check: |spec| {
        groups(spec)
        .into_iter()
        .flat_map(|(base, r)| {
            [
                (base.clone(), "cpu", &r.requests.cpu, &r.limits.cpu),
                (base, "memory", &r.requests.memory, &r.limits.memory),
            ]
        })
        .filter_map(|(base, what, request, limit)| {
            let (Ok(rq), Ok(lq)) = (quantity::parse(request), quantity::parse(limit)) else {
                return None;
            };
            (!rq.negative && !lq.negative && rq.nanos > lq.nanos).then(|| {
                Finding::new(
                    format!("{base}.requests.{what}"),
                    format!(
                        "The {what} request ({request}) is more than the limit ({limit}); a request \
                         must not exceed its limit."
                    ),
                )
            })
        })
        .collect()
    },
};

/// A missing request or limit for `what` (`cpu` or `memory`), with a fix that fills it in: the other
/// side's value when that is set (so request <= limit holds), else a common starting point. A request
/// left out while the limit is set is not missing: the pod gets the limit as its request.
fn unset(spec: &AppSpec, what: &str, defaults: [&str; 2]) -> Vec<Finding> {
    groups(spec)
        .into_iter()
        .flat_map(|(base, r)| {
            let [rc, rm, lc, lm] = four(&base, r);
            let (request, limit) = if what == "cpu" { (rc, lc) } else { (rm, lm) };
            unset_one(request, limit, what, defaults)
        })
        .collect()
}

type Quantity<'a> = (String, &'static str, &'a String);

/// [`unset`] for one container's request and limit.
fn unset_one(request: Quantity, limit: Quantity, what: &str, defaults: [&str; 2]) -> Vec<Finding> {
    let request_why =
        "with no limit to take it from either, the scheduler reserves nothing, so the \
                       node can be overcommitted";
    let limit_why = if what == "cpu" {
        // Requests are the kernel's weights under contention, so neighbours keep their share.
        "the pod may use any CPU its node has idle (neighbours still get what they requested), so \
         its speed varies with how busy the node is, and a runaway loop can burn every idle core"
    } else {
        "a leak can then use all the node's memory before anything stops it"
    };
    let mut out = Vec::new();
    let pairs = [
        (
            request.clone(),
            limit.2,
            defaults[0],
            "request",
            request_why,
        ),
        (limit, request.2, defaults[1], "limit", limit_why),
    ];
    for ((path, _, value), other, default, kind, why) in pairs {
        let missing = if kind == "request" {
            effective_request(value, other).is_empty()
        } else {
            value.is_empty()
        };
        if missing {
            let suggested = if other.is_empty() {
                default.to_string()
            } else {
                other.clone()
            };
            out.push(
                Finding::new(path.clone(), format!("No {what} {kind}: {why}.")).with_fix(
                    Fix::Quantity {
                        path,
                        value: suggested,
                    },
                ),
            );
        }
    }
    out
}

pub const UNSET_CPU: Rule = Rule {
    id: "unset-cpu-requirements",
    severity: Severity::Warning,
    upstream: "kube-linter unset-cpu-requirements; Polaris cpuRequestsMissing / cpuLimitsMissing; a \
               request left out is its limit (SetDefaults_Pod), so only one with no limit is missing",
    check: |spec| unset(spec, "cpu", ["100m", "500m"]),
};

pub const UNSET_MEMORY: Rule = Rule {
    id: "unset-memory-requirements",
    severity: Severity::Warning,
    upstream: "kube-linter unset-memory-requirements; Polaris memoryRequestsMissing / \
               memoryLimitsMissing; a request left out is its limit (SetDefaults_Pod), so only one \
               with no limit is missing",
    check: |spec| unset(spec, "memory", ["128Mi", "256Mi"]),
};

pub const MEMORY_MILLIBYTES: Rule = Rule {
    id: "memory-millibytes",
    severity: Severity::Warning,
    upstream:
        "the API server warns about fractional byte values (pkg/api/pod/warnings.go, since 1.22)",
    check: |spec| {
        quantities(spec)
            .into_iter()
            .filter(|(_, what, text)| *what == "memory" && text.ends_with('m'))
            .filter(|(_, _, text)| quantity::parse(text).is_ok())
            .map(|(path, _, text)| {
                Finding::new(
                    path,
                    format!(
                        "'{text}' is millibytes (m = 1/1000), almost no memory. For mebibytes write {}Mi.",
                        text.trim_end_matches('m')
                    ),
                )
            })
            .collect()
    },
};
