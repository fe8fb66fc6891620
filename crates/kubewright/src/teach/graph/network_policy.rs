//! The NetworkPolicy: which pods it selects (everything else denied) and from where it lets requests
//! in.

use super::Graph;
use crate::k8s::{self, Object, PodTemplate};

pub(super) fn network_policy(objects: &[Object], pods: &[(String, &PodTemplate)], g: &mut Graph) {
    for object in objects {
        let Object::NetworkPolicy(policy) = object else {
            continue;
        };
        let id = g.node(
            k8s::NetworkPolicy::KIND,
            &policy.metadata.name,
            Some(object.file_name()),
            1,
        );
        let selector = &policy.spec.pod_selector;
        for (p, template) in pods {
            let labels = &template.metadata.labels.0;
            let by_labels = selector
                .match_labels
                .as_ref()
                .is_some_and(|m| !m.0.is_empty() && m.0.iter().all(|pair| labels.contains(pair)));
            let by_expressions = !selector.match_expressions.is_empty()
                && selector.match_expressions.iter().all(|r| {
                    r.operator == "In"
                        && labels
                            .iter()
                            .any(|(k, v)| k == r.key && r.values.contains(v))
                });
            if by_labels || by_expressions {
                g.edge(&id, p, "guards: only what it allows gets in or out");
            }
        }
        for rule in &policy.spec.ingress {
            for peer in &rule.from {
                if let Some(ns) = &peer.namespace_selector {
                    let names: Vec<&str> =
                        ns.match_labels.0.iter().map(|(_, v)| v.as_str()).collect();
                    let from = g.node("Namespace", &names.join(","), None, 0);
                    g.edge(&from, &id, "allowed in on the app's port");
                }
            }
        }
    }
}
