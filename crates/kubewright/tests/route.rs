//! The Gateway API end to end: one way in (Ingress or HTTPRoute), old spec files, the route and its
//! Gateway, grant and issuer imported back from a pasted List, the commands in order, the diagram
//! and the Helm chart.

use kubewright::export::helm;
use kubewright::import::{import, SplitRule};
use kubewright::spec::{Exposure, ServiceType, Target, TlsSource};
use kubewright::AppSpec;

use crate::util::preset;

/// A route on a Gateway written into another namespace, its certificate an existing Secret in the
/// app's (so a ReferenceGrant too).
fn elsewhere() -> AppSpec {
    let mut spec = preset("web-app");
    spec.set_exposure(Exposure::Route);
    let route = &mut spec.route;
    route.gateway = "public".into();
    route.gateway_namespace = "gateway".into();
    route.hostnames = vec!["shop.example.com".into(), "www.example.com".into()];
    route.create_gateway = true;
    route.tls = TlsSource::Secret;
    route.tls_secret = "shop-cert".into();
    spec
}

#[test]
fn one_way_in_and_old_spec_files_still_load() {
    // GIVEN a spec file written before the route existed, with its Ingress on
    let old = r#"{"app": {"name": "shop"}, "ingress": {"enabled": true}}"#;
    let mut spec: AppSpec = serde_json::from_str(old).unwrap();
    assert_eq!(spec.exposure(), Exposure::Ingress);
    assert!(!spec.route.enabled);
    // WHEN the user picks the HTTPRoute
    spec.set_exposure(Exposure::Route);
    // THEN the Ingress is off, the Service stays inside the cluster, and only the route renders
    assert!(!spec.ingress.enabled && spec.route.enabled);
    assert_eq!(spec.service.kind, ServiceType::ClusterIp);
    let yaml = kubewright::render(&spec).all;
    assert!(yaml.contains("kind: HTTPRoute") && !yaml.contains("kind: Ingress"));
    // AND the Service alone again follows the target
    spec.set_exposure(Exposure::None);
    spec.set_target(Target::Minikube);
    assert_eq!(spec.service.kind, ServiceType::NodePort);
    assert!(!kubewright::render(&spec).all.contains("kind: HTTPRoute"));
}

#[test]
fn a_gateway_elsewhere_admits_the_app_and_a_grant_shares_the_secret() {
    let spec = elsewhere();
    let yaml = kubewright::render(&spec).all;
    // The grant sits in the app's namespace, before the Gateway that uses it.
    let grant = yaml.find("kind: ReferenceGrant").unwrap();
    let gateway = yaml.find("kind: Gateway").unwrap();
    let route = yaml.find("kind: HTTPRoute").unwrap();
    assert!(grant < gateway && gateway < route);
    assert!(yaml.contains("  to:\n  - group: ''\n    kind: Secret\n    name: shop-cert\n"));
    // One HTTPS listener per host, the Secret named with its namespace; allowedRoutes admits the app.
    assert!(yaml.contains("  - name: https\n    hostname: shop.example.com\n"));
    assert!(yaml.contains("  - name: https-1\n    hostname: www.example.com\n"));
    assert!(yaml.contains("      - name: shop-cert\n        namespace: web\n"));
    assert!(yaml.contains("            values:\n            - web\n            - gateway\n"));
    // The route names the Gateway's namespace; its backend is the Service's port by number.
    assert!(yaml.contains("  parentRefs:\n  - name: public\n    namespace: gateway\n"));
    assert!(yaml.contains("    backendRefs:\n    - name: web\n      port: 80\n"));
}

#[test]
fn a_pasted_list_with_the_route_gateway_grant_and_issuer_comes_back_into_the_form() {
    for mut spec in [elsewhere(), preset("django")] {
        if spec.route.tls == TlsSource::CertManager {
            spec.route.issuer.staging = true;
        }
        // GIVEN the rendered objects pasted as one List
        let yaml = kubewright::render(&spec).all;
        let docs: Vec<serde_yaml::Value> = yaml
            .split("\n---\n")
            .map(|d| serde_yaml::from_str(d).unwrap())
            .collect();
        let list = serde_yaml::to_string(&serde_yaml::Value::Mapping(
            [
                ("apiVersion".into(), "v1".into()),
                ("kind".into(), "List".into()),
                ("items".into(), serde_yaml::Value::Sequence(docs)),
            ]
            .into_iter()
            .collect(),
        ))
        .unwrap();
        // WHEN imported
        let imported = import(&list, &SplitRule::default()).unwrap();
        // THEN the route's fields come back and nothing of it is held as kept
        assert_eq!(imported.spec.route, spec.route, "{}", spec.app.name);
        let kept: Vec<String> = imported
            .spec
            .extra
            .iter()
            .map(|k| k.kind().to_string())
            .collect();
        assert!(kept.is_empty(), "kept {kept:?}");
        // AND it renders the same route, Gateway, grant and issuer again
        let again = kubewright::render(&imported.spec).all;
        for kind in ["HTTPRoute", "Gateway", "ReferenceGrant", "ClusterIssuer"] {
            let count = |y: &str| y.matches(&format!("kind: {kind}\n")).count();
            assert_eq!(count(&again), count(&yaml), "{kind}");
        }
    }
}

#[test]
fn a_route_to_another_service_is_held_for_review() {
    let text = "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute\nmetadata: {name: other}\nspec:\n  parentRefs: [{name: gw}]\n  rules: [{backendRefs: [{name: other, port: 80}]}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec:\n  template:\n    spec:\n      containers: [{name: shop, image: 'shop:1'}]\n";
    let imported = import(text, &SplitRule::default()).unwrap();
    assert!(!imported.spec.route.enabled);
    assert_eq!(imported.spec.extra.len(), 1);
    assert_eq!(imported.spec.extra[0].kind(), "HTTPRoute");
}

#[test]
fn the_commands_check_the_crds_then_wait_for_the_gateway_the_route_and_the_certificate() {
    let rendered = kubewright::render(&preset("django"));
    let lines: Vec<&str> = rendered.commands.iter().map(|c| c.line.as_str()).collect();
    let at = |needle: &str| {
        lines
            .iter()
            .position(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no {needle} in {lines:#?}"))
    };
    let order = [
        at("kubectl get crd httproutes.gateway.networking.k8s.io"),
        at("kubectl get gatewayclass nginx"),
        at("kubectl get crd certificates.cert-manager.io"),
        at("kubectl apply -f clusterissuer.yaml"),
        at("kubectl apply -f gateway.yaml"),
        at("--for=condition=Programmed gateway/public"),
        at("kubectl apply -n polls -f httproute.yaml"),
        at("Accepted"),
        at("jsonpath={.status.addresses[0].value}"),
        at("certificate/polls-tls"),
        at("curl -i --resolve polls.example.com:443:"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // Minikube: a controller the commands install, and the tunnel the address needs.
    let mut spec = preset("django");
    spec.set_target(Target::Minikube);
    let commands = kubewright::render(&spec).commands;
    assert!(commands.iter().any(|c| c
        .line
        .contains("oci://ghcr.io/nginx/charts/nginx-gateway-fabric")));
    assert!(commands.last().unwrap().comment.contains("minikube tunnel"));
}

#[test]
fn the_diagram_puts_the_route_and_gateway_in_front_and_draws_the_network_policy() {
    let g = kubewright::graph::graph(&preset("django"));
    let has = |from: &str, to: &str| g.edges.iter().any(|e| e.from == from && e.to == to);
    assert!(has("HTTPRoute/polls", "Service/polls"));
    assert!(has("Gateway/public", "HTTPRoute/polls"));
    assert!(has("ClusterIssuer/letsencrypt-gateway", "Gateway/public"));
    assert!(has("NetworkPolicy/polls", "Pods/polls"));
    assert!(has("Namespace/gateway", "NetworkPolicy/polls"));
}

#[test]
fn the_chart_keeps_a_gateway_elsewhere_in_its_namespace_admitting_the_release() {
    let files = helm::chart(&elsewhere());
    let template = |name: &str| {
        files
            .iter()
            .find(|f| f.path.ends_with(&format!("templates/{name}")))
            .unwrap_or_else(|| panic!("no {name}"))
            .contents
            .clone()
    };
    let gateway = template("gateway.yaml");
    assert!(gateway.contains("namespace: gateway\n"));
    // Where it names the app's namespace, the release's: it admits the release and uses its Secret.
    assert!(gateway.contains("            values:\n            - {{ .Release.Namespace | quote }}\n            - gateway\n"));
    assert!(gateway.contains(
        "      - name: shop-cert\n        namespace: {{ .Release.Namespace | quote }}\n"
    ));
    assert!(template("httproute.yaml").contains("namespace: {{ .Release.Namespace | quote }}"));
    assert!(template("referencegrant.yaml").contains("kind: ReferenceGrant"));
}
