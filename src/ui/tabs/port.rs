//! The `port` tab: the port the app listens on.

use kubewright::spec::Protocol;
use leptos::prelude::*;

use super::fields::{parse_int, show_int, ParsedField, SelectField, TextField};
use crate::ui::use_ui;

#[component]
pub fn PortTab() -> impl IntoView {
    let spec = use_ui().spec;
    view! {
        <h2>"Port"</h2>
        <TextField
            label="Name"
            path="port.name"
            testid="port-name"
            hint="The Service and the probes refer to the port by this name, so the number can change in one place."
            get=Signal::derive(move || spec.with(|s| s.port.name.clone()))
            // Probes that named the old port follow the rename (the core does it).
            set=move |v| spec.update(|s| s.rename_port(v))
        />
        <ParsedField
            label="Container port"
            path="port.number"
            testid="port-number"
            hint="The port the app listens on inside the container (Phoenix: 4000). PORT / HTTP_PORT in env follows it when it said the same."
            get=Signal::derive(move || spec.with(|s| s.port.number))
            // The app's port variable moves with it (the core does it).
            set=move |v| spec.update(|s| s.set_port_number(v))
            parse=parse_int
            show=show_int
        />
        <SelectField
            label="Protocol"
            path="port.protocol"
            testid="port-protocol"
            options=Protocol::ALL.to_vec()
            name=Protocol::as_str
            get=Signal::derive(move || spec.with(|s| s.port.protocol))
            set=move |v| spec.update(|s| s.port.protocol = v)
        />
    }
}
