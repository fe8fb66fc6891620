//! The QoS class badge: Guaranteed / Burstable / BestEffort from the requests and limits, with why.

use kubewright::qos;
use leptos::prelude::*;

use crate::ui::use_ui;

#[component]
pub fn QosBadge() -> impl IntoView {
    let spec = use_ui().spec;
    let q = Memo::new(move |_| spec.with(|s| qos::qos(&s.resources)));
    view! {
        <div class="qos" data-testid="qos" role="status" aria-live="polite">
            {move || q.with(|q| {
                let class = q.class.map(|c| c.as_str()).unwrap_or("unknown");
                view! {
                    <span class=format!("badge qos-{}", class.to_ascii_lowercase()) data-testid="qos-class">{class}</span>
                    " "<span class="qos-reason">{q.reason.clone()}</span>
                }
            })}
            " "<a href="https://kubernetes.io/docs/concepts/workloads/pods/pod-qos/" target="_blank" rel="noopener noreferrer">"QoS classes"</a>
        </div>
    }
}
