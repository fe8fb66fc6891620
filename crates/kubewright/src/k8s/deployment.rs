use serde::Serialize;

use super::{Container, IntOrString, ObjectMeta, Pairs, PodTemplate};
use crate::spec::{AppSpec, DeployStrategy};

/// `apps/v1 Deployment` running the app.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Deployment {
    pub api_version: &'static str,
    pub kind: &'static str,
    pub metadata: ObjectMeta,
    pub spec: DeploymentSpec,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeploymentSpec {
    /// Left out with an autoscaler: it owns the count, and each apply of a fixed one would reset it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replicas: Option<i64>,
    pub revision_history_limit: i64,
    pub selector: LabelSelector,
    pub strategy: Strategy,
    pub template: PodTemplate,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LabelSelector {
    pub match_labels: Pairs,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Strategy {
    #[serde(rename = "type")]
    pub type_: &'static str,
    /// Only with RollingUpdate: the API server refuses it beside Recreate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rolling_update: Option<RollingUpdate>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RollingUpdate {
    pub max_surge: IntOrString,
    pub max_unavailable: IntOrString,
}

impl Deployment {
    /// The object's `kind`.
    pub const KIND: &str = "Deployment";

    pub fn from_spec(spec: &AppSpec) -> Self {
        let mut template = PodTemplate::new(spec, spec.labels(), None, Container::app(spec));
        template.spec.termination_grace_period_seconds =
            spec.shutdown.termination_grace_period_seconds;
        (
            template.spec.affinity,
            template.spec.topology_spread_constraints,
        ) = super::spreading::placement(spec);
        // A changed ConfigMap or Secret changes the template, so applying it rolls the pods.
        template.metadata.annotations = Pairs(super::checksum::annotations(spec));
        Deployment {
            api_version: "apps/v1",
            kind: Self::KIND,
            metadata: ObjectMeta::namespaced(spec, spec.app.name.clone()),
            spec: DeploymentSpec {
                replicas: (!spec.autoscaling.enabled).then_some(spec.app.replicas),
                revision_history_limit: spec.app.revision_history_limit,
                // The selector is immutable after creation and must match the template's labels: use
                // only the stable `app` label, never something that changes per release.
                selector: LabelSelector {
                    match_labels: Pairs(spec.selector_labels()),
                },
                strategy: Strategy {
                    type_: spec.app.strategy.as_str(),
                    rolling_update: (spec.app.strategy == DeployStrategy::RollingUpdate).then(
                        || RollingUpdate {
                            max_surge: IntOrString::parse(&spec.app.max_surge),
                            max_unavailable: IntOrString::parse(&spec.app.max_unavailable),
                        },
                    ),
                },
                template,
            },
        }
    }
}
