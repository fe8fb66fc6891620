//! The Ingress's commands: the controller and cert-manager checked first, the issuer and the
//! Ingress applied, then the address, the certificate, and a request to the host.

use super::{quote, Command, Kubectl, Role, Step};
use crate::spec::{AppSpec, Target, TlsSource};

// What must be in the cluster before the Ingress (or its issuer) means anything: a controller for
// its class and, for cert-manager TLS, cert-manager itself. Neither is installed here: both are
// once-per-cluster choices.
// They are preparation: with every document applied at once they still come first.
pub(super) fn prerequisites(spec: &AppSpec) -> Vec<Step> {
    let ingress = &spec.ingress;
    let mut out = Vec::new();
    if spec.target == Target::Minikube {
        out.push(Command::new(
            "Minikube's ingress addon: the ingress-nginx controller (class nginx) inside Minikube",
            &["minikube", "addons", "enable", "ingress"],
        ));
    } else if ingress.class_name.is_empty() {
        out.push(Command::new(
            "Check an ingress controller is installed: one IngressClass should be marked (default)",
            &["kubectl", "get", "ingressclass"],
        ));
    } else {
        out.push(Command::new(
            format!(
                "Check the ingress controller for class {} is installed (NotFound: install one, e.g. Traefik or an NGINX controller, and use its class)",
                ingress.class_name
            ),
            &["kubectl", "get", "ingressclass", &ingress.class_name],
        ));
    }
    if ingress.tls == TlsSource::CertManager {
        out.push(Command::new(
            "Check cert-manager is installed (NotFound: `helm upgrade --install cert-manager oci://quay.io/jetstack/charts/cert-manager --namespace cert-manager --create-namespace --set crds.enabled=true --wait`)",
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

// The ClusterIssuer is cluster-scoped: no namespace.
pub(super) fn issuer(spec: &AppSpec, file: &str, name: &str) -> Vec<Step> {
    let mut out = prerequisites(spec);
    let server = if spec.ingress.issuer.staging {
        "staging (untrusted certificates, for trying things out)"
    } else {
        "production"
    };
    out.push(Step {
        role: Role::Apply,
        command: Command::new(
            format!("ClusterIssuer {name}: Let's Encrypt {server}, proving each host over HTTP-01 through the ingress controller"),
            &["kubectl", "apply", "-f", file],
        ),
    });
    out
}

pub(super) fn ingress(spec: &AppSpec, file: &str, name: &str, kubectl: &Kubectl) -> Vec<Step> {
    let mut out = if spec.ingress.creates_issuer() {
        Vec::new()
    } else {
        prerequisites(spec)
    };
    out.push(Step {
        role: Role::Apply,
        command: kubectl.run(
            format!(
                "Ingress {name}: the host names and paths, sent to the Service {}",
                spec.app.name
            ),
            &["apply"],
            &["-f", file],
        ),
    });
    out.push(kubectl.run(
        "Wait until the controller gives the Ingress an address (--for=jsonpath without a value needs kubectl 1.31 or newer); point the hosts' DNS at it",
        &["wait"],
        &[
            "--for=jsonpath={.status.loadBalancer.ingress}",
            &format!("ingress/{name}"),
            "--timeout=5m",
        ],
    ).into());
    if let (TlsSource::CertManager, Some(secret)) = (spec.ingress.tls, spec.tls_secret_name()) {
        out.extend(certificate(
            kubectl,
            &secret,
            " (Let's Encrypt reaches the host over HTTP first, so its DNS must point at the address",
        ));
    }
    out
}

/// Waiting for cert-manager's certificate in Secret `secret`: first for the Certificate itself,
/// which cert-manager makes from the annotation a moment after the apply (a wait on an object
/// that is not there yet fails at once), then for it to be Ready. `why` follows the Secret's
/// name and opens the parenthesis the second comment closes.
pub(super) fn certificate(kubectl: &Kubectl, secret: &str, why: &str) -> [Step; 2] {
    let object = format!("certificate/{secret}");
    let describe = kubectl.hint(&["describe"], &[&object]);
    [
        kubectl
            .run(
                format!("Wait until cert-manager has made the Certificate {secret} from the annotation (--for=create needs kubectl 1.31 or newer)"),
                &["wait"],
                &["--for=create", &object, "--timeout=2m"],
            )
            .into(),
        kubectl
            .run(
                format!("Wait until cert-manager has the certificate in Secret {secret}{why}; if this times out, `{describe}` says why)"),
                &["wait"],
                &["--for=condition=Ready", &object, "--timeout=10m"],
            )
            .into(),
    ]
}

// A request to the first named host (a wildcard cannot be asked for), through the Ingress.
pub(super) fn reach(spec: &AppSpec) -> Command {
    let ingress = &spec.ingress;
    let host = ingress
        .hosts()
        .into_iter()
        .find(|h| !h.starts_with('*'))
        .map(str::to_string);
    let path = ingress.rules.first().map_or("/", |r| r.path.as_str());
    let tls = ingress.tls != TlsSource::None;
    let (scheme, port) = if tls { ("https", 443) } else { ("http", 80) };
    match (spec.target, host) {
        (Target::Minikube, Some(host)) => Command {
            comment:
                "Ask the app through Minikube's ingress, sending the host name without touching DNS"
                    .into(),
            line: format!(
                "curl {}--resolve {}:$(minikube ip) {}",
                if tls { "-k " } else { "" },
                quote(&format!("{host}:{port}")),
                quote(&format!("{scheme}://{host}{path}"))
            ),
        },
        (Target::Minikube, None) => Command {
            comment: "Ask the app through Minikube's ingress".into(),
            line: format!("curl {scheme}://$(minikube ip){}", quote(path)),
        },
        (Target::Cluster, Some(host)) => Command::new(
            "Ask the app at its host name (once DNS points at the Ingress's address)",
            &["curl", "-i", &format!("{scheme}://{host}{path}")],
        ),
        (Target::Cluster, None) => Command::new(
            "Ask the app at the Ingress's address (kubectl get ingress shows it)",
            &["curl", "-i", &format!("{scheme}://<address>{path}")],
        ),
    }
}
