//! HTTPRoutes the Gateway API CRDs accept: attached to an existing Gateway here or elsewhere, or
//! with a written Gateway and each certificate source.

use proptest::collection::vec;
use proptest::prelude::*;

use crate::spec::*;

/// A route with host names (wildcards too, or none), path matches, and a Gateway that exists or is
/// written (in the app's namespace or another, plain or with TLS from cert-manager or a Secret).
pub fn valid_route() -> impl Strategy<Value = Route> {
    let host = prop::sample::select(vec![
        "app.example.com",
        "www.example.com",
        "*.example.org",
        "a-b.c",
    ]);
    let path = (
        prop::sample::select(vec!["/", "/api", "/a/b.c", "/x-y_z/"]),
        prop::sample::select(PathType::ALL.to_vec()),
    )
        .prop_map(|(path, path_type)| RoutePath {
            path: path.into(),
            path_type,
        });
    (
        any::<bool>(),
        (
            prop::sample::select(vec!["gateway", "public.gw"]),
            prop::sample::select(vec!["", "gateway-system"]),
            prop::sample::select(vec!["", "http"]),
        ),
        vec(host, 0..3),
        vec(path, 0..3),
        (any::<bool>(), prop::sample::select(vec!["nginx", "eg"])),
        prop::sample::select(TlsSource::ALL.to_vec()),
        (
            prop::sample::select(IssuerKind::ALL.to_vec()),
            any::<bool>(),
            any::<bool>(),
            prop::sample::select(vec!["", "ops@example.com"]),
        ),
    )
        .prop_map(
            |(enabled, (gateway, ns, section), hostnames, paths, (create, class), tls, issuer)| {
                let (kind, create_issuer, staging, email) = issuer;
                let mut route = Route {
                    enabled,
                    gateway: gateway.into(),
                    gateway_namespace: ns.into(),
                    section_name: section.into(),
                    hostnames: dedup(hostnames),
                    paths,
                    create_gateway: create,
                    class_name: class.into(),
                    tls,
                    tls_secret: "web-cert".into(),
                    ..Route::default()
                };
                route.issuer.kind = kind;
                route.issuer.create = create_issuer;
                route.issuer.staging = staging;
                route.issuer.email = email.into();
                // cert-manager names the hosts its certificate is for: give it one.
                if tls == TlsSource::CertManager && route.hosts().is_empty() {
                    route.hostnames.push("app.example.com".into());
                }
                route
            },
        )
}

fn dedup(mut hosts: Vec<&str>) -> Vec<String> {
    hosts.dedup();
    let mut out: Vec<String> = Vec::new();
    for h in hosts {
        if !out.iter().any(|o| o == h) {
            out.push(h.into());
        }
    }
    out
}

/// The route in place of the Ingress when it is on (one way in); a Gateway elsewhere needs the
/// app's namespace named.
pub(super) fn front(spec: &mut AppSpec, route: Route) {
    if !route.enabled {
        return;
    }
    spec.ingress.enabled = false;
    if route.create_gateway && !route.gateway_namespace.is_empty() && spec.app.namespace.is_empty()
    {
        spec.app.namespace = "web".into();
    }
    spec.route = route;
}
