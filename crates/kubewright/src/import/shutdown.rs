//! How the app's pods stop: the grace period and a preStop sleep (other preStop hooks, such as an
//! `exec` of `sleep`, stay in the report as dropped: the form writes the sleep action).

use super::container::{CONTAINER, POD};
use super::tree::Tree;
use crate::spec::AppSpec;

pub(super) fn take(t: &mut Tree, spec: &mut AppSpec) {
    let s = &mut spec.shutdown;
    s.termination_grace_period_seconds =
        t.take_i64(&format!("{POD}.terminationGracePeriodSeconds"));
    s.pre_stop_sleep_seconds = t.take_i64(&format!("{CONTAINER}.lifecycle.preStop.sleep.seconds"));
}
