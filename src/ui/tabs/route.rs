//! The HTTPRoute's fields (Gateway API): the Gateway it attaches to, host names and paths, and
//! optionally the Gateway itself with its certificate (cert-manager or a Secret).

use kubewright::spec::{IssuerKind, PathType, RoutePath, Target, TlsSource};
use leptos::prelude::*;

use super::fields::{parse_int, show_int, CheckField, ParsedField, SelectField, TextField};
use crate::ui::use_ui;

#[component]
pub fn RouteFields() -> impl IntoView {
    let spec = use_ui().spec;
    let create = Memo::new(move |_| spec.with(|s| s.route.create_gateway));
    let minikube = Memo::new(move |_| spec.with(|s| s.target == Target::Minikube));
    view! {
        {move || minikube.get().then(|| view! {
            <p class="hint" data-testid="route-minikube">
                "Minikube has no Gateway API addon: the commands check for the Gateway API CRDs and install NGINX Gateway Fabric (class nginx); the Gateway's address answers while "
                <code>"minikube tunnel"</code>" runs."
            </p>
        })}
        <fieldset>
            <legend>"Gateway"</legend>
            <TextField label="Gateway name" path="route.gateway" testid="route-gateway"
                hint="kubectl get gateway -A lists them."
                get=Signal::derive(move || spec.with(|s| s.route.gateway.clone()))
                set=move |v| spec.update(|s| s.route.gateway = v) />
            <TextField label="Gateway namespace" path="route.gateway_namespace" testid="route-gateway-namespace"
                placeholder="the app's"
                hint="Elsewhere, the Gateway's allowedRoutes must admit the app's namespace."
                get=Signal::derive(move || spec.with(|s| s.route.gateway_namespace.clone()))
                set=move |v| spec.update(|s| s.route.gateway_namespace = v) />
            <TextField label="Listener (sectionName)" path="route.section_name" testid="route-section"
                placeholder="every listener"
                hint="e.g. https, to answer only over HTTPS."
                get=Signal::derive(move || spec.with(|s| s.route.section_name.clone()))
                set=move |v| spec.update(|s| s.route.section_name = v) />
            <CheckField label="Also write this Gateway" path="route.create_gateway" testid="route-create-gateway"
                hint="An HTTP listener and, with TLS, one HTTPS listener per host name."
                get=Signal::derive(move || create.get())
                set=move |v| spec.update(|s| s.route.create_gateway = v) />
            {move || create.get().then(|| view! { <GatewayFields /> })}
        </fieldset>
        <HostList />
        <PathList />
    }
}

#[component]
fn HostList() -> impl IntoView {
    let spec = use_ui().spec;
    let len = Memo::new(move |_| spec.with(|s| s.route.hostnames.len()));
    view! {
        <fieldset>
            <legend>"Host names"</legend>
            <div class="rows">
                {move || (0..len.get()).map(|i| view! {
                    <div class="row" data-testid="route-host-row">
                        <TextField label="Host" path=format!("route.hostnames[{i}]") testid="route-host"
                            get=Signal::derive(move || spec.with(|s| s.route.hostnames.get(i).cloned().unwrap_or_default()))
                            set=move |v| spec.update(|s| if let Some(h) = s.route.hostnames.get_mut(i) { *h = v }) />
                        <button type="button" class="small remove" data-testid="route-host-remove" aria-label="remove this host name"
                            on:click=move |_| spec.update(|s| { if i < s.route.hostnames.len() { s.route.hostnames.remove(i); } })>"remove"</button>
                    </div>
                }).collect_view()}
                <button type="button" data-testid="route-host-add"
                    on:click=move |_| spec.update(|s| s.route.hostnames.push(String::new()))>"+ add host name"</button>
            </div>
        </fieldset>
    }
}

#[component]
fn PathList() -> impl IntoView {
    let spec = use_ui().spec;
    let len = Memo::new(move |_| spec.with(|s| s.route.paths.len()));
    view! {
        <fieldset>
            <legend>"Paths"</legend>
            <div class="rows">
                {move || (0..len.get()).map(|i| view! {
                    <div class="row" data-testid="route-path-row">
                        <TextField label="Path" path=format!("route.paths[{i}].path") testid="route-path"
                            get=Signal::derive(move || spec.with(|s| s.route.paths.get(i).map(|p| p.path.clone()).unwrap_or_default()))
                            set=move |v| spec.update(|s| if let Some(p) = s.route.paths.get_mut(i) { p.path = v }) />
                        <SelectField label="Match" path=format!("route.paths[{i}].path_type") testid="route-path-type"
                            options=PathType::ALL.to_vec() name=PathType::as_str
                            get=Signal::derive(move || spec.with(|s| s.route.paths.get(i).map(|p| p.path_type).unwrap_or_default()))
                            set=move |v| spec.update(|s| if let Some(p) = s.route.paths.get_mut(i) { p.path_type = v }) />
                        <button type="button" class="small remove" data-testid="route-path-remove" aria-label="remove this path"
                            on:click=move |_| spec.update(|s| { if i < s.route.paths.len() { s.route.paths.remove(i); } })>"remove"</button>
                    </div>
                }).collect_view()}
                <button type="button" data-testid="route-path-add"
                    on:click=move |_| spec.update(|s| s.route.paths.push(RoutePath::default()))>"+ add path"</button>
            </div>
        </fieldset>
    }
}

#[component]
fn GatewayFields() -> impl IntoView {
    let spec = use_ui().spec;
    let tls = Memo::new(move |_| spec.with(|s| s.route.tls));
    view! {
        <TextField label="Gateway class" path="route.class_name" testid="route-class"
            hint="kubectl get gatewayclass lists them: nginx, eg, cilium, istio, ..."
            get=Signal::derive(move || spec.with(|s| s.route.class_name.clone()))
            set=move |v| spec.update(|s| s.route.class_name = v) />
        <ParsedField label="HTTP port" path="route.http_port" testid="route-http-port"
            hint="The HTTP listener's port (80)."
            get=Signal::derive(move || spec.with(|s| s.route.http_port))
            set=move |v| spec.update(|s| s.route.http_port = v)
            parse=parse_int show=show_int />
        <SelectField label="TLS certificate" path="route.tls" testid="route-tls"
            hint="none: HTTP only. cert_manager: cert-manager keeps <name>-tls next to the Gateway. secret: an existing kubernetes.io/tls Secret in the app's namespace."
            options=TlsSource::ALL.to_vec() name=TlsSource::as_str
            get=tls
            set=move |v| spec.update(|s| s.route.tls = v) />
        {move || (tls.get() != TlsSource::None).then(|| view! {
            <ParsedField label="HTTPS port" path="route.https_port" testid="route-https-port"
                hint="The HTTPS listeners' port (443)."
                get=Signal::derive(move || spec.with(|s| s.route.https_port))
                set=move |v| spec.update(|s| s.route.https_port = v)
                parse=parse_int show=show_int />
        })}
        {move || (tls.get() == TlsSource::Secret).then(|| view! {
            <TextField label="TLS Secret" path="route.tls_secret" testid="route-tls-secret"
                hint="In the app's namespace; a Gateway elsewhere gets a ReferenceGrant for it."
                get=Signal::derive(move || spec.with(|s| s.route.tls_secret.clone()))
                set=move |v| spec.update(|s| s.route.tls_secret = v) />
        })}
        {move || (tls.get() == TlsSource::CertManager).then(|| view! { <IssuerFields /> })}
    }
}

#[component]
fn IssuerFields() -> impl IntoView {
    let spec = use_ui().spec;
    let kind = Memo::new(move |_| spec.with(|s| s.route.issuer.kind));
    let create = Memo::new(move |_| spec.with(|s| s.route.issuer.create));
    view! {
        <fieldset>
            <legend>"cert-manager"</legend>
            <SelectField label="Issuer kind" path="route.issuer.kind" testid="route-issuer-kind"
                hint="ClusterIssuer: for every namespace. Issuer: in the Gateway's namespace only."
                options=IssuerKind::ALL.to_vec() name=IssuerKind::as_str
                get=kind
                set=move |v| spec.update(|s| s.route.issuer.kind = v) />
            <TextField label="Issuer name" path="route.issuer.name" testid="route-issuer-name"
                hint="cert-manager's Gateway support (enableGatewayAPI) reads it from the Gateway."
                get=Signal::derive(move || spec.with(|s| s.route.issuer.name.clone()))
                set=move |v| spec.update(|s| s.route.issuer.name = v) />
            {move || (kind.get() == IssuerKind::ClusterIssuer).then(|| view! {
                <CheckField label="Also write this ClusterIssuer (Let's Encrypt, HTTP-01)" path="route.issuer.create" testid="route-issuer-create"
                    hint="Let's Encrypt fetches a token through the Gateway's HTTP listener."
                    get=Signal::derive(move || create.get())
                    set=move |v| spec.update(|s| s.route.issuer.create = v) />
                {move || create.get().then(|| view! {
                    <CheckField label="Let's Encrypt staging" path="route.issuer.staging" testid="route-issuer-staging"
                        hint="Untrusted certificates, generous rate limits: for trying the setup out."
                        get=Signal::derive(move || spec.with(|s| s.route.issuer.staging))
                        set=move |v| spec.update(|s| s.route.issuer.staging = v) />
                    <TextField label="E-mail" path="route.issuer.email" testid="route-issuer-email"
                        placeholder="ops@example.com"
                        hint="Where Let's Encrypt sends notices about the certificates."
                        get=Signal::derive(move || spec.with(|s| s.route.issuer.email.clone()))
                        set=move |v| spec.update(|s| s.route.issuer.email = v) />
                })}
            })}
        </fieldset>
    }
}
