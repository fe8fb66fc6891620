use serde::{Deserialize, Serialize};

/// A PodDisruptionBudget (`policy/v1`): how many of the app's pods a voluntary disruption (a node
/// drain, a cluster upgrade) may take down at once. Involuntary ones (a node crash) ignore it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DisruptionBudget {
    /// Adds the PodDisruptionBudget `<name>`. Default off.
    pub enabled: bool,
    /// Which bound `value` is. Default `min_available`.
    pub limit: BudgetLimit,
    /// A whole number of pods (0 or more) or a percentage of them (`50%`, at most 100%). Default `1`.
    pub value: String,
}

impl Default for DisruptionBudget {
    fn default() -> Self {
        DisruptionBudget {
            enabled: false,
            limit: BudgetLimit::MinAvailable,
            value: "1".into(),
        }
    }
}

/// The two ways to state a budget; the API takes exactly one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BudgetLimit {
    /// At least this many pods stay up.
    #[default]
    #[serde(rename = "min_available")]
    MinAvailable,
    /// At most this many pods may be down.
    #[serde(rename = "max_unavailable")]
    MaxUnavailable,
}

impl BudgetLimit {
    pub const ALL: [BudgetLimit; 2] = [BudgetLimit::MinAvailable, BudgetLimit::MaxUnavailable];

    /// The API field's name.
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetLimit::MinAvailable => "minAvailable",
            BudgetLimit::MaxUnavailable => "maxUnavailable",
        }
    }
}
