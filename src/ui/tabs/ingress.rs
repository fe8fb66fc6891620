//! The `ingress` tab: how people reach the app (the Service alone, an Ingress or an HTTPRoute, see
//! `route.rs`); the Ingress's host names and paths to the app's Service, where the TLS certificate
//! comes from (cert-manager, optionally with its Let's Encrypt ClusterIssuer, or a Secret), and the
//! NetworkPolicy that lets only the controller (and what the app needs) through.

use kubewright::spec::{Exposure, IngressRule, IssuerKind, PathType, Target, TlsSource};
use leptos::prelude::*;

use super::fields::{CheckField, SelectField, TextField};
use crate::ui::teach::explain::Explain;
use crate::ui::use_ui;

#[component]
pub fn IngressTab() -> impl IntoView {
    let spec = use_ui().spec;
    let exposure = Memo::new(move |_| spec.with(|s| s.exposure()));
    let enabled = Memo::new(move |_| exposure.get() == Exposure::Ingress);
    let tls = Memo::new(move |_| spec.with(|s| s.ingress.tls));
    let minikube = Memo::new(move |_| spec.with(|s| s.target == Target::Minikube));
    view! {
        <h2>"Ingress or Gateway API"</h2>
        <p class="intro">
            "Host names and paths sent to the app's Service by an ingress controller or a Gateway in the cluster, with HTTPS. The Service stays ClusterIP behind either."
        </p>
        <SelectField
            label="How people reach it"
            path="route.enabled"
            testid="exposure"
            hint="none: the Service alone. ingress: an Ingress. httproute: a Gateway API HTTPRoute on a Gateway. One of the two, so they are never both on."
            options=Exposure::ALL.to_vec()
            name=Exposure::as_str
            get=exposure
            // Behind either the Service needs no node port or load balancer.
            set=move |v| spec.update(|s| s.set_exposure(v))
        />
        {move || (exposure.get() == Exposure::Route).then(|| view! { <super::route::RouteFields /> })}
        {move || enabled.get().then(|| view! {
            <div class="hint">"The Ingress <name> in front of the Service " <Explain path="ingress.enabled".to_string() label="the Ingress" /></div>
            {move || minikube.get().then(|| view! {
                <p class="hint" data-testid="ingress-minikube">
                    "Minikube: the commands enable the ingress addon (class nginx) and send the host name to "
                    <code>"$(minikube ip)"</code>" with curl --resolve, so no DNS is needed."
                </p>
            })}
            <TextField
                label="Ingress class"
                path="ingress.class_name"
                testid="ingress-class"
                placeholder="the cluster's default"
                hint="kubectl get ingressclass lists them: nginx, traefik, ..."
                get=Signal::derive(move || spec.with(|s| s.ingress.class_name.clone()))
                set=move |v| spec.update(|s| s.ingress.class_name = v)
            />
            <RuleList />
            <SelectField
                label="TLS certificate"
                path="ingress.tls"
                testid="ingress-tls"
                hint="none: plain HTTP. cert_manager: cert-manager gets and renews it into <name>-tls. secret: an existing kubernetes.io/tls Secret."
                options=TlsSource::ALL.to_vec()
                name=TlsSource::as_str
                get=tls
                set=move |v| spec.update(|s| s.ingress.tls = v)
            />
            {move || (tls.get() == TlsSource::Secret).then(|| view! {
                <TextField
                    label="TLS Secret"
                    path="ingress.tls_secret"
                    testid="ingress-tls-secret"
                    hint="A kubernetes.io/tls Secret in the app's namespace."
                    get=Signal::derive(move || spec.with(|s| s.ingress.tls_secret.clone()))
                    set=move |v| spec.update(|s| s.ingress.tls_secret = v)
                />
            })}
            {move || (tls.get() == TlsSource::CertManager).then(|| view! { <IssuerFields /> })}
        })}
        <NetworkPolicyFields />
    }
}

#[component]
fn NetworkPolicyFields() -> impl IntoView {
    let spec = use_ui().spec;
    let enabled = Memo::new(move |_| spec.with(|s| s.network_policy.enabled));
    let behind_ingress = Memo::new(move |_| spec.with(|s| s.fronted()));
    view! {
        <fieldset>
            <legend>"NetworkPolicy"</legend>
            <CheckField
                label="Deny the app's pods all traffic they do not need"
                path="network_policy.enabled"
                testid="network-policy-enabled"
                hint="In: the app's port, and the app's own pods with clustering. Out: DNS, the database's port, the app's own pods. Enforced only by a network plugin that supports it (Calico, Cilium; Minikube: minikube start --cni=calico)."
                get=Signal::derive(move || enabled.get())
                set=move |v| spec.update(|s| s.network_policy.enabled = v)
            />
            {move || (enabled.get() && behind_ingress.get()).then(|| view! {
                <TextField
                    label="Ingress controller's or gateway's namespace"
                    path="network_policy.controller_namespace"
                    testid="network-policy-namespace"
                    hint="Only this namespace reaches the app's port: ingress-nginx (Minikube's addon, the NGINX chart), traefik; for a Gateway, where its proxy pods run (NGINX Gateway Fabric: the Gateway's namespace; Envoy Gateway: envoy-gateway-system)."
                    get=Signal::derive(move || spec.with(|s| s.network_policy.controller_namespace.clone()))
                    set=move |v| spec.update(|s| s.network_policy.controller_namespace = v)
                />
            })}
            {move || enabled.get().then(|| view! {
                <CheckField
                    label="Let the pods connect anywhere (open egress)"
                    path="network_policy.open_egress"
                    testid="network-policy-open-egress"
                    hint="For external APIs or a managed database outside the cluster."
                    get=Signal::derive(move || spec.with(|s| s.network_policy.open_egress))
                    set=move |v| spec.update(|s| s.network_policy.open_egress = v)
                />
            })}
        </fieldset>
    }
}

#[component]
fn RuleList() -> impl IntoView {
    let spec = use_ui().spec;
    let len = Memo::new(move |_| spec.with(|s| s.ingress.rules.len()));
    let text = move |i: usize, part: fn(&IngressRule) -> &String| {
        Signal::derive(move || {
            spec.with(|s| {
                s.ingress
                    .rules
                    .get(i)
                    .map(|r| part(r).clone())
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <fieldset>
            <legend>"Hosts and paths"</legend>
            <div class="rows">
                {move || (0..len.get()).map(|i| view! {
                    <div class="row" data-testid="ingress-rule">
                        <TextField label="Host" path=format!("ingress.rules[{i}].host") testid="ingress-host"
                            placeholder="any host"
                            get=text(i, |r| &r.host)
                            set=move |v| spec.update(|s| if let Some(r) = s.ingress.rules.get_mut(i) { r.host = v }) />
                        <TextField label="Path" path=format!("ingress.rules[{i}].path") testid="ingress-path"
                            get=text(i, |r| &r.path)
                            set=move |v| spec.update(|s| if let Some(r) = s.ingress.rules.get_mut(i) { r.path = v }) />
                        <SelectField label="Match" path=format!("ingress.rules[{i}].path_type") testid="ingress-path-type"
                            options=PathType::ALL.to_vec() name=PathType::as_str
                            get=Signal::derive(move || spec.with(|s| s.ingress.rules.get(i).map(|r| r.path_type).unwrap_or_default()))
                            set=move |v| spec.update(|s| if let Some(r) = s.ingress.rules.get_mut(i) { r.path_type = v }) />
                        <button type="button" class="small remove" data-testid="ingress-rule-remove" aria-label="remove this host and path"
                            on:click=move |_| spec.update(|s| { if i < s.ingress.rules.len() { s.ingress.rules.remove(i); } })>"remove"</button>
                    </div>
                }).collect_view()}
                <button type="button" data-testid="ingress-rule-add"
                    on:click=move |_| spec.update(|s| s.ingress.rules.push(IngressRule::default()))>"+ add host or path"</button>
            </div>
        </fieldset>
    }
}

#[component]
fn IssuerFields() -> impl IntoView {
    let spec = use_ui().spec;
    let kind = Memo::new(move |_| spec.with(|s| s.ingress.issuer.kind));
    let create = Memo::new(move |_| spec.with(|s| s.ingress.issuer.create));
    view! {
        <fieldset>
            <legend>"cert-manager"</legend>
            <SelectField
                label="Issuer kind"
                path="ingress.issuer.kind"
                testid="ingress-issuer-kind"
                hint="ClusterIssuer: for every namespace. Issuer: in the app's namespace only."
                options=IssuerKind::ALL.to_vec()
                name=IssuerKind::as_str
                get=kind
                set=move |v| spec.update(|s| s.ingress.issuer.kind = v)
            />
            <TextField
                label="Issuer name"
                path="ingress.issuer.name"
                testid="ingress-issuer-name"
                hint="kubectl get clusterissuer lists the ones there."
                get=Signal::derive(move || spec.with(|s| s.ingress.issuer.name.clone()))
                set=move |v| spec.update(|s| s.ingress.issuer.name = v)
            />
            {move || (kind.get() == IssuerKind::ClusterIssuer).then(|| view! {
                <CheckField
                    label="Also write this ClusterIssuer (Let's Encrypt, HTTP-01)"
                    path="ingress.issuer.create"
                    testid="ingress-issuer-create"
                    hint="Let's Encrypt proves each host by fetching a token through the Ingress's class."
                    get=Signal::derive(move || create.get())
                    set=move |v| spec.update(|s| s.ingress.issuer.create = v)
                />
                {move || create.get().then(|| view! {
                    <CheckField
                        label="Let's Encrypt staging"
                        path="ingress.issuer.staging"
                        testid="ingress-issuer-staging"
                        hint="Untrusted certificates, generous rate limits: for trying the setup out."
                        get=Signal::derive(move || spec.with(|s| s.ingress.issuer.staging))
                        set=move |v| spec.update(|s| s.ingress.issuer.staging = v)
                    />
                    <TextField
                        label="E-mail"
                        path="ingress.issuer.email"
                        testid="ingress-issuer-email"
                        placeholder="ops@example.com"
                        hint="Where Let's Encrypt sends notices about the certificates."
                        get=Signal::derive(move || spec.with(|s| s.ingress.issuer.email.clone()))
                        set=move |v| spec.update(|s| s.ingress.issuer.email = v)
                    />
                })}
            })}
        </fieldset>
    }
}
