//! The rules, one file per subject. Each rule names the upstream check it mirrors; paths in
//! `upstream` are kubernetes/kubernetes `pkg/apis/*/validation` unless said otherwise. Errors are
//! what the API server (or, where said, the kubelet or container runtime) refuses; warnings are
//! what it accepts but is known to hurt.

pub(super) mod checksum;
pub(super) mod cron_job;
pub(super) mod database;
pub(super) mod disruption;
pub(super) mod env;
pub(super) mod expose;
pub(super) mod image;
pub(super) mod init;
pub(super) mod kept;
pub(super) mod naming;
pub(super) mod port_env;
pub(super) mod ports;
pub(super) mod required;
pub(super) mod resources;
pub(super) mod route;
pub(super) mod scaling;
pub(super) mod seal;
pub(super) mod security;
pub(super) mod shutdown;
pub(super) mod spreading;
pub(super) mod url_host;
pub(super) mod workload;

/// Kubernetes' int32 fields (replicas, seconds, uids) reject anything wider.
const INT32_MAX: i64 = i32::MAX as i64;
