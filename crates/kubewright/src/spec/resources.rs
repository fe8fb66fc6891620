use serde::{Deserialize, Serialize};

/// CPU and memory for the app's container (Jobs get the same).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Resources {
    /// What the scheduler reserves for the container.
    pub requests: CpuMemory,
    /// The most the container may use (CPU is throttled, memory over the limit kills the container).
    pub limits: CpuMemory,
}

/// A CPU and a memory quantity, as typed. Empty means not set (not emitted).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CpuMemory {
    /// CPU, in cores (`1`, `0.5`) or millicores (`250m`). Default empty.
    pub cpu: String,
    /// Memory in bytes with a suffix (`128Mi`, `1Gi`, `500M`). Default empty.
    pub memory: String,
}

impl CpuMemory {
    pub fn new(cpu: &str, memory: &str) -> Self {
        CpuMemory {
            cpu: cpu.into(),
            memory: memory.into(),
        }
    }
}

/// The request the pod really gets: one left out defaults to its limit (the API server fills it in
/// when it creates the pod), so only with neither set is nothing reserved.
pub fn effective_request<'a>(request: &'a str, limit: &'a str) -> &'a str {
    if request.is_empty() {
        limit
    } else {
        request
    }
}
