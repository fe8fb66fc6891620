//! The Gateway API's commands: the CRDs, the controller (or the Gateway) and cert-manager checked
//! first, then the grant, the Gateway (Programmed), the route (Accepted), the certificate, the
//! Gateway's address and a request to the host.

use super::{quote, Command, Kubectl, Role, Step};
use crate::k8s::Object;
use crate::spec::{AppSpec, Target, TlsSource};

/// The Gateway API CRDs' standard channel, which the controllers' charts expect to find.
const GATEWAY_API_CRDS: &str =
    "https://github.com/kubernetes-sigs/gateway-api/releases/download/v1.4.0/standard-install.yaml";

// The Gateway's namespace as kubectl takes it.
fn gateway_kubectl(spec: &AppSpec) -> Kubectl<'_> {
    Kubectl {
        namespace: spec.route.gateway_elsewhere(spec).or(spec.namespace()),
    }
}

// What must be in the cluster before the route means anything: the Gateway API CRDs, a controller
// (or the Gateway itself) and, for cert-manager TLS, cert-manager with its Gateway support. Nothing
// is installed on a real cluster: those are once-per-cluster choices.
fn prerequisites(spec: &AppSpec) -> Vec<Step> {
    let route = &spec.route;
    let mut out = vec![Command::new(
        format!("Check the Gateway API CRDs are installed (NotFound: `kubectl apply --server-side -f {GATEWAY_API_CRDS}`)"),
        &["kubectl", "get", "crd", "httproutes.gateway.networking.k8s.io"],
    )];
    if spec.target == Target::Minikube && route.class_name == "nginx" {
        out.push(Command::new(
            "Minikube has no Gateway API addon: NGINX Gateway Fabric is a controller for the class nginx (after the CRDs above)",
            &["helm", "upgrade", "--install", "ngf", "oci://ghcr.io/nginx/charts/nginx-gateway-fabric", "--namespace", "nginx-gateway", "--create-namespace", "--wait"],
        ));
    }
    if let (true, Some(ns)) = (route.create_gateway, route.gateway_elsewhere(spec)) {
        out.push(Command::new(
            format!(
                "Check the Gateway's namespace exists (NotFound: `kubectl create namespace {ns}`)"
            ),
            &["kubectl", "get", "namespace", ns],
        ));
    }
    if route.create_gateway {
        out.push(Command::new(
            format!(
                "Check the GatewayClass {} exists and is Accepted (NotFound: install a Gateway API controller, e.g. NGINX Gateway Fabric, Envoy Gateway, Cilium or Istio, and use its class)",
                route.class_name
            ),
            &["kubectl", "get", "gatewayclass", &route.class_name],
        ));
    } else {
        let note = if route.gateway_elsewhere(spec).is_some() {
            "; it is in another namespace, so its listeners' allowedRoutes must admit this one"
        } else {
            ""
        };
        out.push(gateway_kubectl(spec).run(
            format!(
                "Check the Gateway {} exists and is Programmed{note}",
                route.gateway
            ),
            &["get", "gateway"],
            &[&route.gateway],
        ));
    }
    if route.has_tls() && route.tls == TlsSource::CertManager {
        out.push(Command::new(
            "Check cert-manager is installed with its Gateway API support (install or upgrade: `helm upgrade --install cert-manager oci://quay.io/jetstack/charts/cert-manager --namespace cert-manager --create-namespace --set crds.enabled=true --set config.apiVersion=controller.config.cert-manager.io/v1alpha1 --set config.kind=ControllerConfiguration --set config.enableGatewayAPI=true --wait`)",
            &["kubectl", "get", "crd", "certificates.cert-manager.io"],
        ));
    }
    out.into_iter()
        .map(|command| Step {
            role: Role::Prepare,
            command,
        })
        .collect()
}

// The first of the route's objects carries the checks.
fn is_first(spec: &AppSpec, object: &Object) -> bool {
    let first = if spec.route.creates_issuer() {
        "ClusterIssuer"
    } else if spec.reference_grant_name().is_some() {
        "ReferenceGrant"
    } else if spec.route.writes_gateway() {
        "Gateway"
    } else {
        "HTTPRoute"
    };
    object.kind() == first
}

/// The ClusterIssuer for the Gateway: cluster-scoped, no namespace.
pub(super) fn issuer(spec: &AppSpec, file: &str, name: &str) -> Vec<Step> {
    let mut out = prerequisites(spec);
    out.push(Step {
        role: Role::Apply,
        command: Command::new(
            format!("ClusterIssuer {name}: Let's Encrypt, proving each host over HTTP-01 through the Gateway's HTTP listener"),
            &["kubectl", "apply", "-f", file],
        ),
    });
    out
}

pub(super) fn apply(spec: &AppSpec, object: &Object, file: &str, kubectl: &Kubectl) -> Vec<Step> {
    let mut out = if is_first(spec, object) {
        prerequisites(spec)
    } else {
        Vec::new()
    };
    let name = object.name();
    let applied = |comment: String, kubectl: &Kubectl| Step {
        role: Role::Apply,
        command: kubectl.run(comment, &["apply"], &["-f", file]),
    };
    match object {
        Object::ReferenceGrant(_) => out.push(applied(
            format!(
                "ReferenceGrant {name}: lets the Gateway in {} use the TLS Secret {} here",
                spec.route.gateway_namespace, spec.route.tls_secret
            ),
            kubectl,
        )),
        Object::Gateway(_) => gateway(spec, name, applied, &mut out),
        _ => route(
            spec,
            name,
            applied(
                format!(
                    "HTTPRoute {name}: the host names and paths, sent to the Service {} on port {}",
                    spec.app.name, spec.service.port
                ),
                kubectl,
            ),
            kubectl,
            &mut out,
        ),
    }
    out
}

fn gateway(
    spec: &AppSpec,
    name: &str,
    applied: impl Fn(String, &Kubectl) -> Step,
    out: &mut Vec<Step>,
) {
    let at = gateway_kubectl(spec);
    // The file names its own namespace; `-n` must agree with it.
    let kubectl = if spec.route.gateway_elsewhere(spec).is_some() {
        Kubectl { namespace: None }
    } else {
        Kubectl {
            namespace: at.namespace,
        }
    };
    out.push(applied(
        format!(
            "Gateway {name}: the controller for class {} listens on port {} (HTTP){}",
            spec.route.class_name,
            spec.route.http_port,
            if spec.route.has_tls() {
                format!(" and {} (HTTPS)", spec.route.https_port)
            } else {
                String::new()
            }
        ),
        &kubectl,
    ));
    out.push(
        at.run(
            "Wait until the controller has programmed the Gateway (a proxy and its address)",
            &["wait"],
            &[
                "--for=condition=Programmed",
                &format!("gateway/{name}"),
                "--timeout=5m",
            ],
        )
        .into(),
    );
}

/// The HTTP-to-HTTPS redirect route: applied, then accepted like the app's.
pub(super) fn redirect(name: &str, apply: impl Fn(String) -> Step, kubectl: &Kubectl) -> Vec<Step> {
    vec![
        apply(format!(
            "HTTPRoute {name}: plain HTTP for the same hosts gets a 301 to HTTPS (cert-manager's challenge path still reaches its solver)"
        )),
        accepted(name, kubectl),
    ]
}

fn accepted(name: &str, kubectl: &Kubectl) -> Step {
    let describe = kubectl.hint(&["describe"], &[&format!("httproute/{name}")]);
    kubectl.run(
        format!("Wait until the Gateway accepts the route (if this times out, `{describe}` says why: NotAllowedByListeners means the Gateway's allowedRoutes leave this namespace out)"),
        &["wait"],
        &[
            "--for=jsonpath={.status.parents[0].conditions[?(@.type==\"Accepted\")].status}=True",
            &format!("httproute/{name}"),
            "--timeout=2m",
        ],
    ).into()
}

fn route(spec: &AppSpec, name: &str, apply: Step, kubectl: &Kubectl, out: &mut Vec<Step>) {
    out.push(apply);
    out.push(accepted(name, kubectl));
    let at = gateway_kubectl(spec);
    out.push(
        at.run(
            "The Gateway's address: point the hosts' DNS at it",
            &["get", "gateway"],
            &[
                &spec.route.gateway,
                "-o",
                "jsonpath={.status.addresses[0].value}",
            ],
        )
        .into(),
    );
    if let (true, TlsSource::CertManager, Some(secret)) = (
        spec.route.has_tls(),
        spec.route.tls,
        spec.gateway_tls_secret(),
    ) {
        out.extend(super::ingress::certificate(
            &at,
            &secret,
            ", next to the Gateway (Let's Encrypt reaches the hosts over HTTP first, so their DNS must point at the Gateway's address",
        ));
    }
}

/// A request to the first named host (a wildcard cannot be asked for), through the Gateway.
pub(super) fn reach(spec: &AppSpec) -> Command {
    let route = &spec.route;
    let host = route.hosts().into_iter().find(|h| !h.starts_with('*'));
    let path = route.paths.first().map_or("/", |p| p.path.as_str());
    let tls = route.has_tls();
    let (scheme, port) = if tls {
        ("https", route.https_port)
    } else {
        ("http", route.http_port)
    };
    let at = gateway_kubectl(spec);
    let address = at
        .run(
            "",
            &["get", "gateway"],
            &[
                &route.gateway,
                "-o",
                "jsonpath={.status.addresses[0].value}",
            ],
        )
        .line;
    let shown_port = if (tls && port == 443) || (!tls && port == 80) {
        String::new()
    } else {
        format!(":{port}")
    };
    let tunnel = if spec.target == Target::Minikube {
        "; on Minikube the address only answers while `minikube tunnel` runs in another terminal"
    } else {
        ""
    };
    match host {
        Some(host) => Command {
            comment: format!("Ask the app at its host name through the Gateway, sending the host name without touching DNS{tunnel}"),
            line: format!(
                "curl -i {}--resolve {}:$({address}) {}",
                if tls && spec.target == Target::Minikube { "-k " } else { "" },
                quote(&format!("{host}:{port}")),
                quote(&format!("{scheme}://{host}{shown_port}{path}"))
            ),
        },
        None => Command {
            comment: format!("Ask the app at the Gateway's address{tunnel}"),
            line: format!("curl -i {scheme}://$({address}){shown_port}{}", quote(path)),
        },
    }
}
