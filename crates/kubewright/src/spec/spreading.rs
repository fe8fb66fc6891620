use serde::{Deserialize, Serialize};

/// Where the scheduler puts the app's pods relative to each other: spread over nodes (and zones),
/// so one node or zone going down does not take every replica with it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Spreading {
    /// How. Default `off` (the scheduler may put every pod on one node).
    pub mode: SpreadMode,
    /// With topology spread: the largest allowed difference in the app's pod count between any two
    /// nodes (or zones). Default 1; 1 or more.
    pub max_skew: i64,
    /// With topology spread: what the scheduler does when no node keeps the skew. Default
    /// `ScheduleAnyway` (spread as well as it can, never leave a pod pending).
    pub when_unsatisfiable: WhenUnsatisfiable,
}

impl Default for Spreading {
    fn default() -> Self {
        Spreading {
            mode: SpreadMode::Off,
            max_skew: 1,
            when_unsatisfiable: WhenUnsatisfiable::ScheduleAnyway,
        }
    }
}

/// The ways to spread.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpreadMode {
    #[default]
    #[serde(rename = "off")]
    Off,
    /// topologySpreadConstraints over nodes (`kubernetes.io/hostname`).
    #[serde(rename = "nodes")]
    Nodes,
    /// topologySpreadConstraints over nodes and over zones (`topology.kubernetes.io/zone`).
    #[serde(rename = "nodes_and_zones")]
    NodesAndZones,
    /// Preferred pod anti-affinity: other nodes preferred, never required.
    #[serde(rename = "prefer_other_nodes")]
    PreferOtherNodes,
}

impl SpreadMode {
    pub const ALL: [SpreadMode; 4] = [
        SpreadMode::Off,
        SpreadMode::Nodes,
        SpreadMode::NodesAndZones,
        SpreadMode::PreferOtherNodes,
    ];

    /// The name in spec files and the form.
    pub fn name(self) -> &'static str {
        match self {
            SpreadMode::Off => "off",
            SpreadMode::Nodes => "nodes",
            SpreadMode::NodesAndZones => "nodes_and_zones",
            SpreadMode::PreferOtherNodes => "prefer_other_nodes",
        }
    }
}

/// `whenUnsatisfiable`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum WhenUnsatisfiable {
    /// Place the pod where it adds the least skew.
    #[default]
    ScheduleAnyway,
    /// Leave the pod Pending until a node keeps the skew.
    DoNotSchedule,
}

impl WhenUnsatisfiable {
    pub const ALL: [WhenUnsatisfiable; 2] = [
        WhenUnsatisfiable::ScheduleAnyway,
        WhenUnsatisfiable::DoNotSchedule,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WhenUnsatisfiable::ScheduleAnyway => "ScheduleAnyway",
            WhenUnsatisfiable::DoNotSchedule => "DoNotSchedule",
        }
    }
}

/// The node label every node has.
pub const HOSTNAME_KEY: &str = "kubernetes.io/hostname";
/// The zone label cloud nodes have.
pub const ZONE_KEY: &str = "topology.kubernetes.io/zone";
