//! The teaching aids: the explanation beside each field, form <-> YAML links and the annotated view,
//! and the pictures (QoS class, rolling update, object diagram). Every fact comes from the core.

pub mod explain;
pub mod graph;
pub mod learn;
pub mod qos;
pub mod rollout;
