//! The pod's QoS class, as the kubelet decides it from requests and limits (one container, so the
//! container's resources are the pod's). It decides who is evicted first when a node runs short of
//! memory: BestEffort, then Burstable, Guaranteed last.

use crate::spec::{effective_request, Resources};
use crate::validate::quantity;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QosClass {
    Guaranteed,
    Burstable,
    BestEffort,
}

impl QosClass {
    pub fn as_str(self) -> &'static str {
        match self {
            QosClass::Guaranteed => "Guaranteed",
            QosClass::Burstable => "Burstable",
            QosClass::BestEffort => "BestEffort",
        }
    }
}

/// The class and the reason in one sentence. `class` is `None` when a quantity cannot be read, so the
/// class cannot be known (the reason says which).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Qos {
    pub class: Option<QosClass>,
    pub reason: String,
}

/// The QoS class of the app's pods (and the Jobs' pods, which get the same resources).
pub fn qos(resources: &Resources) -> Qos {
    let (req, lim) = (&resources.requests, &resources.limits);
    let all = [
        ("requests.cpu", &req.cpu),
        ("requests.memory", &req.memory),
        ("limits.cpu", &lim.cpu),
        ("limits.memory", &lim.memory),
    ];
    if let Some((path, text)) = all
        .iter()
        .find(|(_, t)| !t.is_empty() && quantity::parse(t).is_err())
    {
        return Qos {
            class: None,
            reason: format!("{path} \"{text}\" is not a quantity, so the class cannot be told"),
        };
    }
    if all.iter().all(|(_, t)| t.is_empty()) {
        return Qos {
            class: Some(QosClass::BestEffort),
            reason: "no requests or limits: these pods are the first evicted when the node runs short of memory".into(),
        };
    }
    // Guaranteed needs both limits, each equal to its (effective) request.
    let guaranteed_for = |name: &str, request: &str, limit: &str| -> Result<(), String> {
        if limit.is_empty() {
            return Err(format!("no {name} limit"));
        }
        let request = effective_request(request, limit);
        if quantity::parse(request).ok() != quantity::parse(limit).ok() {
            return Err(format!(
                "the {name} request {request} differs from its limit {limit}"
            ));
        }
        Ok(())
    };
    let problems: Vec<String> = [
        guaranteed_for("CPU", &req.cpu, &lim.cpu),
        guaranteed_for("memory", &req.memory, &lim.memory),
    ]
    .into_iter()
    .filter_map(Result::err)
    .collect();
    if problems.is_empty() {
        Qos {
            class: Some(QosClass::Guaranteed),
            reason: "CPU and memory limits equal their requests: evicted last, and the pods get exactly what they reserve".into(),
        }
    } else {
        Qos {
            class: Some(QosClass::Burstable),
            reason: format!(
                "{}: the pods may use more than they reserve, and are evicted before Guaranteed ones",
                problems.join(" and ")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::CpuMemory;

    fn res(req: (&str, &str), lim: (&str, &str)) -> Resources {
        Resources {
            requests: CpuMemory::new(req.0, req.1),
            limits: CpuMemory::new(lim.0, lim.1),
        }
    }

    #[test]
    fn classes_follow_the_kubelet_rules() {
        use QosClass::*;
        let cases = [
            (("", ""), ("", ""), Some(BestEffort)),
            (("250m", "128Mi"), ("1000m", "256Mi"), Some(Burstable)),
            (("1", "256Mi"), ("1000m", "256Mi"), Some(Guaranteed)),
            // Requests left out default to the limits.
            (("", ""), ("500m", "1Gi"), Some(Guaranteed)),
            (("500m", ""), ("500m", "1Gi"), Some(Guaranteed)),
            // A missing limit (CPU here) makes it Burstable even when memory matches.
            (("500m", "1Gi"), ("", "1Gi"), Some(Burstable)),
            (("100m", ""), ("", ""), Some(Burstable)),
            (("", ""), ("", "1Gi"), Some(Burstable)),
            (("abc", ""), ("", ""), None),
        ];
        for (req, lim, class) in cases {
            let q = qos(&res(req, lim));
            assert_eq!(q.class, class, "{req:?} {lim:?}: {}", q.reason);
            assert!(!q.reason.is_empty());
        }
    }

    #[test]
    fn the_reason_names_what_is_missing() {
        let q = qos(&res(("250m", "128Mi"), ("", "256Mi")));
        assert!(q.reason.contains("no CPU limit"), "{}", q.reason);
        assert!(
            q.reason
                .contains("memory request 128Mi differs from its limit 256Mi"),
            "{}",
            q.reason
        );
        let q = qos(&res(("x", ""), ("", "")));
        assert!(q.reason.contains("requests.cpu \"x\""), "{}", q.reason);
    }
}
