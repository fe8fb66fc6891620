//! How the app is reached and what it runs as: the ServiceAccount, and the article's database
//! installed the way the article did, end to end (spec -> YAML -> commands -> import).

use kubewright::import::{import, SplitRule};
use kubewright::spec::{PathType, ServiceType, Target, TlsSource};
use kubewright::validate;

use crate::util::preset;

#[test]
fn the_service_account_runs_pods_and_jobs_without_a_token_and_imports_back() {
    // GIVEN a pasted ServiceAccount and Deployment in a List, the pods running as that account
    let text = "apiVersion: v1\nkind: List\nitems:\n\
        - apiVersion: v1\n  kind: ServiceAccount\n  metadata: {name: shop}\n  automountServiceAccountToken: false\n\
        - apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: shop}\n  spec:\n    selector: {matchLabels: {app: shop}}\n    template:\n      metadata: {labels: {app: shop}}\n      spec:\n        serviceAccountName: shop\n        automountServiceAccountToken: false\n        containers: [{name: shop, image: 'shop:1'}]\n";
    // WHEN imported
    let imported = import(text, &SplitRule::default()).unwrap();
    // THEN the form's account is on, nothing is kept or dropped
    assert!(imported.spec.service_account.enabled);
    assert!(imported.spec.extra.is_empty());
    assert!(
        imported.report.is_empty(),
        "{:?}",
        imported.report.iter().map(|r| &r.path).collect::<Vec<_>>()
    );
    // AND rendered, the account comes before the pods and every pod runs as it without a token
    let yaml = kubewright::render(&imported.spec).all;
    let sa = yaml.find("kind: ServiceAccount").unwrap();
    assert!(sa < yaml.find("kind: Deployment").unwrap());
    assert!(yaml.contains("automountServiceAccountToken: false\n---"));
    assert!(yaml
        .contains("      serviceAccountName: shop\n      automountServiceAccountToken: false\n"));
}

#[test]
fn pods_on_another_account_say_so_and_the_default_one_gets_a_warning_with_a_fix() {
    let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec:\n  template:\n    spec:\n      serviceAccountName: robot\n      containers: [{name: shop, image: 'shop:1'}]\n";
    let imported = import(text, &SplitRule::default()).unwrap();
    assert!(!imported.spec.service_account.enabled);
    assert!(imported
        .report
        .iter()
        .any(|r| r.path.contains("serviceAccountName") && r.note.contains("robot")));
    let mut spec = imported.spec;
    let issue = validate::validate(&spec)
        .into_iter()
        .find(|i| i.rule == "automountServiceAccountToken")
        .unwrap();
    issue.fix.unwrap().apply(&mut spec);
    assert!(spec.service_account.enabled);
}

#[test]
fn the_article_installs_its_postgresql_and_derives_the_articles_url() {
    // The URL the 2018 article typed by hand (its seed text, part 3).
    const ARTICLE_URL: &str = "ecto://kube_native:kube_native@kube-native-postgresql.kube-native.svc.cluster.local/kube_native";
    let spec = preset("phoenix-article");
    assert_eq!(spec.database_url().as_deref(), Some(ARTICLE_URL));
    assert!(spec.secrets.iter().all(|e| e.name != "DATABASE_URL"));
    // The commands install PostgreSQL (release kube-native) before the migration Job runs.
    let commands = kubewright::render(&spec).commands_text();
    let helm = commands
        .find("helm upgrade --install kube-native oci://registry-1.docker.io/bitnamicharts/postgresql --namespace kube-native")
        .expect("installs PostgreSQL");
    assert!(helm < commands.find("job-migration.yaml").unwrap());
    assert!(commands.contains("--set image.repository=bitnamilegacy/postgresql"));
    // No URL host warning: the set itself creates kube-native-postgresql.
    assert!(validate::validate(&spec)
        .iter()
        .all(|i| i.rule != "database-url-host"));
}

#[test]
fn a_url_to_a_service_nothing_creates_is_warned_about_beside_its_value() {
    let mut spec = crate::util::article_with_typed_url();
    let issues = validate::validate(&spec);
    let issue = issues
        .iter()
        .find(|i| i.rule == "database-url-host")
        .expect("the typed URL points at kube-native-postgresql, which nothing creates now");
    assert_eq!(issue.path, "secrets[0].value");
    // An external host is the user's business.
    spec.secrets[0].value = "ecto://u:p@db.example.com/app".into();
    assert!(validate::validate(&spec)
        .iter()
        .all(|i| i.rule != "database-url-host"));
}

#[test]
fn a_pasted_ingress_comes_back_into_the_form_with_its_hosts_paths_and_tls() {
    // GIVEN someone's Service and Ingress (two hosts, an existing TLS Secret), in a List
    let text = "apiVersion: v1\nkind: List\nitems:\n\
        - apiVersion: v1\n  kind: Service\n  metadata: {name: shop}\n  spec:\n    selector: {app: shop}\n    ports: [{name: http, port: 80, targetPort: http}]\n\
        - apiVersion: networking.k8s.io/v1\n  kind: Ingress\n  metadata: {name: shop}\n  spec:\n    ingressClassName: traefik\n    tls: [{hosts: [shop.example.com, www.shop.example.com], secretName: shop-cert}]\n    rules:\n    - host: shop.example.com\n      http:\n        paths:\n        - {path: /, pathType: Prefix, backend: {service: {name: shop, port: {name: http}}}}\n        - {path: /api, pathType: Exact, backend: {service: {name: shop, port: {name: http}}}}\n    - host: www.shop.example.com\n      http:\n        paths:\n        - {path: /, pathType: ImplementationSpecific, backend: {service: {name: shop, port: {name: http}}}}\n";
    let imported = import(text, &SplitRule::default()).unwrap();
    let ingress = &imported.spec.ingress;
    // THEN it is the form's Ingress, not a kept object
    assert!(imported.spec.extra.is_empty());
    assert!(ingress.enabled);
    assert_eq!(ingress.class_name, "traefik");
    assert_eq!(ingress.tls, TlsSource::Secret);
    assert_eq!(ingress.tls_secret, "shop-cert");
    let rows: Vec<(&str, &str, PathType)> = ingress
        .rules
        .iter()
        .map(|r| (r.host.as_str(), r.path.as_str(), r.path_type))
        .collect();
    assert_eq!(
        rows,
        [
            ("shop.example.com", "/", PathType::Prefix),
            ("shop.example.com", "/api", PathType::Exact),
            ("www.shop.example.com", "/", PathType::Prefix),
        ]
    );
    // AND of the Ingress only the path type it cannot keep is reported
    let paths: Vec<&str> = imported
        .report
        .iter()
        .map(|r| r.path.as_str())
        .filter(|p| p.starts_with("Ingress/"))
        .collect();
    assert_eq!(paths.len(), 1, "{paths:?}");
    assert!(paths[0].contains("pathType"), "{paths:?}");
    // AND rendered again, the rules are grouped by host as they came
    let yaml = kubewright::render(&imported.spec).all;
    assert_eq!(yaml.matches("- host:").count(), 2, "{yaml}");
}

#[test]
fn an_ingress_for_another_service_and_a_foreign_issuer_stay_held_for_review() {
    let text = "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: other}\nspec:\n  rules:\n  - http:\n      paths:\n      - {path: /, pathType: Prefix, backend: {service: {name: other, port: {number: 80}}}}\n---\napiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata: {name: letsencrypt-prod}\nspec:\n  acme:\n    server: https://acme-v02.api.letsencrypt.org/directory\n    privateKeySecretRef: {name: k}\n    solvers: [{dns01: {cloudflare: {}}}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop}\nspec:\n  template:\n    spec:\n      containers: [{name: shop, image: 'shop:1'}]\n";
    let imported = import(text, &SplitRule::default()).unwrap();
    assert!(!imported.spec.ingress.enabled);
    assert_eq!(imported.spec.extra.len(), 2);
}

#[test]
fn the_ingress_commands_check_wait_and_ask_the_host_in_order() {
    let spec = preset("phoenix");
    let commands = kubewright::render(&spec).commands;
    let at = |needle: &str| {
        commands
            .iter()
            .position(|c| c.line.contains(needle))
            .unwrap_or_else(|| panic!("no command with {needle}"))
    };
    let order = [
        at("kubectl get ingressclass nginx"),
        at("kubectl get crd certificates.cert-manager.io"),
        at("apply -f clusterissuer.yaml"),
        at("-f ingress.yaml"),
        at("--for=jsonpath={.status.loadBalancer.ingress}"),
        // A wait on a Certificate cert-manager has not made yet would fail at once.
        at("--for=create certificate/hello-tls"),
        at("--for=condition=Ready certificate/hello-tls"),
        at("curl -i https://hello.example.com/"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    assert_eq!(order[7], commands.len() - 1, "the request is the last step");
    // On Minikube: the addon, and the host sent straight to Minikube's IP.
    let mut mini = spec.clone();
    mini.set_target(Target::Minikube);
    assert_eq!(
        mini.service.kind,
        ServiceType::ClusterIp,
        "behind the Ingress"
    );
    let text = kubewright::render(&mini).commands_text();
    assert!(text.contains("minikube addons enable ingress"), "{text}");
    assert!(
        text.contains(
            "curl -k --resolve hello.example.com:443:$(minikube ip) https://hello.example.com/"
        ),
        "{text}"
    );
}

#[test]
fn the_ingress_warns_about_plain_http_and_a_node_port_with_a_fix() {
    let mut spec = preset("phoenix");
    spec.ingress.tls = TlsSource::None;
    spec.service.kind = ServiceType::NodePort;
    let issues = validate::validate(&spec);
    assert!(issues
        .iter()
        .any(|i| i.rule == "ingress-tls" && i.path == "ingress.tls"));
    let fix = issues
        .iter()
        .find(|i| i.rule == "service-type-behind-ingress")
        .and_then(|i| i.fix.clone())
        .unwrap();
    fix.apply(&mut spec);
    assert_eq!(spec.service.kind, ServiceType::ClusterIp);
}

#[test]
fn the_network_policy_allows_what_the_app_needs_and_comes_back_from_manifests() {
    // GIVEN the phoenix preset (Ingress, CloudNativePG, clustering) with its NetworkPolicy
    let spec = preset("phoenix");
    assert!(spec.network_policy.enabled && spec.clustering.enabled);
    let yaml = kubewright::render(&spec).all;
    let policy = yaml
        .split("---")
        .find(|d| d.contains("kind: NetworkPolicy"))
        .unwrap();
    // THEN in: the app's port from the controller's namespace, and its own pods; out: DNS, the
    // database's port, its own pods
    for needle in [
        "kubernetes.io/metadata.name: ingress-nginx",
        "port: http",
        "k8s-app: kube-dns",
        "port: 53",
        "cnpg.io/cluster: hello-db",
        "port: 5432",
        "- Egress",
    ] {
        assert!(policy.contains(needle), "{needle} in\n{policy}");
    }
    // AND it comes before the pods, and is said to need an enforcing network plugin
    assert!(yaml.find("kind: NetworkPolicy").unwrap() < yaml.find("kind: Deployment").unwrap());
    assert!(kubewright::render(&spec).commands_text().contains("Calico"));
    // AND open egress is one rule that allows everything
    let mut open = spec.clone();
    open.network_policy.open_egress = true;
    let yaml = kubewright::render(&open).all;
    assert!(yaml.contains("  egress:\n  - {}\n"), "{yaml}");
    // AND both come back from their manifests into the form
    for s in [spec, open] {
        let back = import(&kubewright::render(&s).all, &SplitRule::default()).unwrap();
        assert_eq!(back.spec.network_policy, s.network_policy);
        assert!(back.spec.extra.is_empty());
    }
}

#[test]
fn a_network_policy_the_form_does_not_write_is_held_for_review() {
    let mut spec = preset("web-app");
    let mut yaml = kubewright::render(&spec).all;
    yaml = yaml.replace("k8s-app: kube-dns", "k8s-app: coredns");
    let back = import(&yaml, &SplitRule::default()).unwrap();
    assert!(!back.spec.network_policy.enabled);
    assert_eq!(back.spec.extra.len(), 1);
    spec.network_policy.enabled = false;
    assert!(validate::validate(&spec)
        .iter()
        .any(|i| i.rule == "pod-networkpolicy" && i.fix.is_some()));
}

#[test]
fn the_registry_login_is_a_docker_config_secret_pulled_with_and_never_in_a_command() {
    let mut spec = preset("web-app");
    spec.registry = kubewright::spec::Registry {
        enabled: true,
        server: "ghcr.io".into(),
        username: "robot".into(),
        password: "s3cr<t&".into(),
    };
    let rendered = kubewright::render(&spec);
    // THEN the Secret holds the JSON kubectl writes (Go's escapes), base64-encoded
    let json = kubewright::k8s::docker_config(&spec).unwrap();
    assert_eq!(
        json,
        r#"{"auths":{"ghcr.io":{"username":"robot","password":"s3cr\u003ct\u0026","auth":"cm9ib3Q6czNjcjx0Jg=="}}}"#
    );
    assert!(rendered
        .all
        .contains("type: kubernetes.io/dockerconfigjson"));
    // AND the pods and the Job pull with it
    assert_eq!(
        rendered
            .all
            .matches("imagePullSecrets:\n      - name: web-registry")
            .count(),
        2
    );
    // AND the password is in no command and no share link
    let commands = rendered.commands_text();
    assert!(commands.contains("-f registry-secret.yaml"));
    assert!(!commands.contains("s3cr"));
    let link = kubewright::share::encode(&spec);
    let back = kubewright::share::decode(&format!("#s={link}")).unwrap();
    assert!(back.registry.password.is_empty());
    assert_eq!(
        kubewright::share::missing_secret_values(&back),
        ["DATABASE_URL", "the registry password"]
    );
    // AND it comes back from the manifests, values and all
    let imported = import(&rendered.all, &SplitRule::default()).unwrap();
    assert_eq!(imported.spec.registry, spec.registry);
    // AND sealed, its values are sealed too and only the server must be typed again
    spec.secret_options.seal.cert = include_str!("fixtures/seal/cert.pem").into();
    let sealed = kubewright::render(&spec);
    assert!(sealed
        .files
        .iter()
        .any(|f| f.name == "registry-sealedsecret.yaml"));
    assert!(!sealed.all.contains("kubernetes.io/dockerconfigjson\ndata"));
}
