//! Where the app's pods go relative to each other: `topologySpreadConstraints` or a preferred pod
//! anti-affinity in the Deployment's pod template.

use serde::Serialize;

use super::deployment::LabelSelector;
use super::Pairs;
use crate::spec::{AppSpec, SpreadMode, HOSTNAME_KEY, ZONE_KEY};

/// One `topologySpreadConstraints` item.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TopologySpreadConstraint {
    pub max_skew: i64,
    pub topology_key: &'static str,
    pub when_unsatisfiable: &'static str,
    pub label_selector: LabelSelector,
    /// Counts only the pods of the same ReplicaSet: during a rollout the old pods, about to go,
    /// do not push the new ones into a worse spread.
    pub match_label_keys: Vec<&'static str>,
}

/// `affinity`: only the preferred pod anti-affinity.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Affinity {
    pub pod_anti_affinity: PodAntiAffinity,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodAntiAffinity {
    pub preferred_during_scheduling_ignored_during_execution: Vec<WeightedPodAffinityTerm>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WeightedPodAffinityTerm {
    pub weight: i64,
    pub pod_affinity_term: PodAffinityTerm,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PodAffinityTerm {
    pub label_selector: LabelSelector,
    pub topology_key: &'static str,
}

/// The Deployment pods' placement: an anti-affinity, or spread constraints, or neither.
pub fn placement(spec: &AppSpec) -> (Option<Affinity>, Vec<TopologySpreadConstraint>) {
    let s = &spec.spreading;
    let selector = || LabelSelector {
        match_labels: Pairs(spec.selector_labels()),
    };
    let constraint = |key| TopologySpreadConstraint {
        max_skew: s.max_skew,
        topology_key: key,
        when_unsatisfiable: s.when_unsatisfiable.as_str(),
        label_selector: selector(),
        match_label_keys: vec!["pod-template-hash"],
    };
    match s.mode {
        SpreadMode::Off => (None, Vec::new()),
        SpreadMode::Nodes => (None, vec![constraint(HOSTNAME_KEY)]),
        SpreadMode::NodesAndZones => (None, vec![constraint(HOSTNAME_KEY), constraint(ZONE_KEY)]),
        SpreadMode::PreferOtherNodes => (
            Some(Affinity {
                pod_anti_affinity: PodAntiAffinity {
                    preferred_during_scheduling_ignored_during_execution: vec![
                        WeightedPodAffinityTerm {
                            weight: 100,
                            pod_affinity_term: PodAffinityTerm {
                                label_selector: selector(),
                                topology_key: HOSTNAME_KEY,
                            },
                        },
                    ],
                },
            }),
            Vec::new(),
        ),
    }
}
