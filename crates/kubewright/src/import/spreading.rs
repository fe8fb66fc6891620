//! Where the app's pods go: topologySpreadConstraints over nodes (and zones) selecting the app's
//! pods, or a preferred pod anti-affinity over nodes. Other shapes stay in the report as dropped.

use serde_yaml::Value;

use super::container::POD;
use super::tree::{scalar_text, Tree};
use crate::spec::{AppSpec, SpreadMode, WhenUnsatisfiable, APP_LABEL, HOSTNAME_KEY, ZONE_KEY};

pub(super) fn take(t: &mut Tree, spec: &mut AppSpec) {
    let app = spec.app.name.clone();
    let constraints = format!("{POD}.topologySpreadConstraints");
    let keys: Vec<Option<String>> = (0..t.len(&constraints))
        .map(|i| {
            t.get(&format!("{constraints}.{i}.topologyKey"))
                .and_then(scalar_text)
        })
        .collect();
    let mode = match keys.as_slice() {
        [Some(a)] if a == HOSTNAME_KEY => SpreadMode::Nodes,
        [Some(a), Some(b)] if a == HOSTNAME_KEY && b == ZONE_KEY => SpreadMode::NodesAndZones,
        [] => return take_anti_affinity(t, spec, &app),
        _ => return,
    };
    let at = |i: usize, field: &str| format!("{constraints}.{i}.{field}");
    // Every item as the renderer writes it, with the same skew and the same choice.
    let first_skew = t.get(&at(0, "maxSkew")).and_then(Value::as_i64);
    let first_when = t
        .get(&at(0, "whenUnsatisfiable"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let when = WhenUnsatisfiable::ALL
        .into_iter()
        .find(|w| Some(w.as_str()) == first_when.as_deref());
    let same = (0..keys.len()).all(|i| {
        t.get(&at(i, "maxSkew")).and_then(Value::as_i64) == first_skew
            && t.get(&at(i, "whenUnsatisfiable")).and_then(Value::as_str) == first_when.as_deref()
            && selects_only_app(t, &at(i, "labelSelector"), &app)
    });
    let (Some(skew), Some(when), true) = (first_skew, when, same) else {
        return;
    };
    for i in 0..keys.len() {
        for field in ["maxSkew", "topologyKey", "whenUnsatisfiable"] {
            t.take(&at(i, field));
        }
        t.take(&at(i, &format!("labelSelector.matchLabels.{APP_LABEL}")));
        if t.get(&at(i, "matchLabelKeys"))
            .and_then(Value::as_sequence)
            .map(Vec::len)
            == Some(1)
        {
            t.take_if(&at(i, "matchLabelKeys.0"), "pod-template-hash");
        }
    }
    spec.spreading.mode = mode;
    spec.spreading.max_skew = skew;
    spec.spreading.when_unsatisfiable = when;
}

/// The preferred anti-affinity the renderer writes: one term, over nodes, selecting the app.
fn take_anti_affinity(t: &mut Tree, spec: &mut AppSpec, app: &str) {
    let list =
        format!("{POD}.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution");
    let term = format!("{list}.0.podAffinityTerm");
    if t.len(&list) != 1
        || t.get(&format!("{term}.topologyKey"))
            .and_then(Value::as_str)
            != Some(HOSTNAME_KEY)
        || !selects_only_app(t, &format!("{term}.labelSelector"), app)
    {
        return;
    }
    t.take(&format!("{list}.0.weight"));
    t.take(&format!("{term}.topologyKey"));
    t.take(&format!("{term}.labelSelector.matchLabels.{APP_LABEL}"));
    spec.spreading.mode = SpreadMode::PreferOtherNodes;
}

/// A label selector of exactly `app: <name>`.
fn selects_only_app(t: &Tree, selector: &str, app: &str) -> bool {
    let labels = t
        .get(&format!("{selector}.matchLabels"))
        .and_then(Value::as_mapping);
    labels.is_some_and(|l| l.len() == 1)
        && t.get(selector).and_then(Value::as_mapping).map(|m| m.len()) == Some(1)
        && t.get(&format!("{selector}.matchLabels.{APP_LABEL}"))
            .and_then(Value::as_str)
            == Some(app)
}
