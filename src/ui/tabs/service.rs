//! The `service` tab: how the app is reached.

use kubewright::spec::ServiceType;
use leptos::prelude::*;

use super::fields::{
    parse_int, parse_opt_int, show_int, show_opt_int, CheckField, ParsedField, SelectField,
    TextField,
};
use crate::ui::use_ui;

#[component]
pub fn ServiceTab() -> impl IntoView {
    let spec = use_ui().spec;
    let kind = Memo::new(move |_| spec.with(|s| s.service.kind));
    view! {
        <h2>"Service"</h2>
        <p class="intro">
            "One stable name and port in front of the app's ready pods. It forwards to the container port by name."
        </p>
        <SelectField
            label="Type"
            path="service.type"
            testid="service-type"
            hint="ClusterIP: inside the cluster only. NodePort: also on a port of every node (Minikube). LoadBalancer: a cloud load balancer. Headless: DNS returns each pod (clustering)."
            options=ServiceType::ALL.to_vec()
            name=ServiceType::as_str
            get=kind
            set=move |v| spec.update(|s| s.service.kind = v)
        />
        <ParsedField
            label="Port"
            path="service.port"
            testid="service-port"
            hint="The port clients use on the Service (80 for HTTP)."
            get=Signal::derive(move || spec.with(|s| s.service.port))
            set=move |v| spec.update(|s| s.service.port = v)
            parse=parse_int
            show=show_int
        />
        {move || kind.get().has_node_port().then(|| view! {
            <ParsedField
                label="nodePort"
                path="service.node_port"
                testid="service-node-port"
                placeholder="picked by Kubernetes"
                hint="Optional fixed port on every node, 30000-32767. Empty lets Kubernetes pick a free one."
                get=Signal::derive(move || spec.with(|s| s.service.node_port))
                set=move |v| spec.update(|s| s.service.node_port = v)
                parse=parse_opt_int
                show=show_opt_int
            />
        })}
        <fieldset>
            <legend>"Clustering"</legend>
            <CheckField
                label="Pods find each other (headless Service)"
                path="clustering.enabled"
                testid="clustering-enabled"
                hint="Adds the Service <name>-headless, whose DNS name lists every pod's IP (Erlang/Elixir clustering with dns_cluster)."
                get=Signal::derive(move || spec.with(|s| s.clustering.enabled))
                set=move |v| spec.update(|s| s.clustering.enabled = v)
            />
            <TextField
                label="DNS name variable"
                path="clustering.query_env"
                testid="clustering-query-env"
                hint="Gets the headless Service's DNS name in the ConfigMap; Phoenix's dns_cluster reads DNS_CLUSTER_QUERY."
                get=Signal::derive(move || spec.with(|s| s.clustering.query_env.clone()))
                set=move |v| spec.update(|s| s.clustering.query_env = v)
            />
        </fieldset>
    }
}
