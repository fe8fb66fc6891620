//! Teaching aids: what the page shows beside the form and the YAML so a newcomer learns what each
//! line does. None of it is needed to make the YAML or the commands; all of it is read from the same
//! spec and objects, so it cannot disagree with them.
//!
//! - [`explain`]: for every form field, what it does, its default and its `kubectl explain` path.
//! - [`lines`] and [`sources`]: the path of every YAML line, and the form field that produced it
//!   (form <-> YAML highlighting, lines changed by the last edit).
//! - [`annotate`]: the annotated view's `#` comments, attached by path.
//! - [`graph`]: the diagram of the objects and their references.
//! - [`qos`] and [`rollout`]: the QoS class, and a rolling update step by step.

pub mod annotate;
pub mod explain;
pub mod graph;
pub mod lines;
pub mod qos;
pub mod rollout;
pub mod sources;
