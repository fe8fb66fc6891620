//! How the app's pods stop (shown on the probes tab, beside the other lifecycle settings): the
//! preStop pause and the grace period.

use leptos::prelude::*;

use super::fields::{parse_opt_int, show_opt_int, ParsedField};
use crate::ui::use_ui;

#[component]
pub fn ShutdownSection() -> impl IntoView {
    let spec = use_ui().spec;
    view! {
        <fieldset>
            <legend>"Graceful shutdown"</legend>
            <p class="intro">
                "A terminating pod gets SIGTERM at once, but the Service stops sending it traffic a "
                "moment later: a short preStop pause lets that happen first, so no request meets a "
                "process that is shutting down."
            </p>
            <ParsedField label="preStop pause (s)" path="shutdown.pre_stop_sleep_seconds" testid="shutdown-pre-stop"
                placeholder="none" hint="5 is usual: time for the endpoints to drop the pod. Kubernetes 1.30+."
                get=Signal::derive(move || spec.with(|s| s.shutdown.pre_stop_sleep_seconds))
                set=move |v| spec.update(|s| s.shutdown.pre_stop_sleep_seconds = v)
                parse=parse_opt_int show=show_opt_int />
            <ParsedField label="terminationGracePeriodSeconds" path="shutdown.termination_grace_period_seconds" testid="shutdown-grace"
                placeholder="default (30)" hint="From the start of termination (the pause included) to SIGKILL."
                get=Signal::derive(move || spec.with(|s| s.shutdown.termination_grace_period_seconds))
                set=move |v| spec.update(|s| s.shutdown.termination_grace_period_seconds = v)
                parse=parse_opt_int show=show_opt_int />
        </fieldset>
    }
}
