//! The database section, the target switch, clustering and container env with `$(VAR)`: spec ->
//! objects and commands. GIVEN / WHEN / THEN.

use kubewright::spec::*;
use kubewright::AppSpec;

use crate::util::preset;

fn documents(spec: &AppSpec) -> Vec<serde_yaml::Value> {
    crate::util::documents(&kubewright::render(spec).all)
}

fn find<'a>(docs: &'a [serde_yaml::Value], kind: &str, name: &str) -> &'a serde_yaml::Value {
    docs.iter()
        .find(|d| d["kind"] == kind && d["metadata"]["name"] == name)
        .unwrap_or_else(|| panic!("no {kind} {name}"))
}

fn b64(text: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(text)
}

#[test]
fn cloudnativepg_cluster_reads_the_basic_auth_secret_and_the_app_gets_the_rw_url() {
    let mut spec = preset("phoenix");
    spec.database.password = "pw".into();
    let docs = documents(&spec);
    let cluster = find(&docs, "Cluster", "hello-db");
    assert_eq!(cluster["apiVersion"], "postgresql.cnpg.io/v1");
    let initdb = &cluster["spec"]["bootstrap"]["initdb"];
    assert_eq!(initdb["owner"], "hello");
    assert_eq!(initdb["database"], "hello");
    assert_eq!(initdb["secret"]["name"], "hello-db-credentials");
    let secret = find(&docs, "Secret", "hello-db-credentials");
    assert_eq!(secret["type"], "kubernetes.io/basic-auth");
    assert_eq!(secret["data"]["username"], b64("hello").as_str());
    let app_secret = find(&docs, "Secret", "hello-env-secret");
    assert_eq!(
        app_secret["data"]["DATABASE_URL"],
        b64("ecto://hello:pw@hello-db-rw.hello.svc.cluster.local:5432/hello").as_str()
    );
}

#[test]
fn helm_chart_reads_its_existing_secret_and_the_password_is_never_on_a_command_line() {
    let mut spec = preset("rails");
    spec.database.password = "s3cr3t-Pa55".into();
    spec.database.admin_password = "4dm1n-Pa55".into();
    let rendered = kubewright::render(&spec);
    let text = rendered.commands_text();
    assert!(
        text.contains("helm upgrade --install shop-db oci://registry-1.docker.io/bitnamicharts/postgresql --namespace shop --set-string auth.username=shop --set-string auth.database=shop_production --set-string auth.existingSecret=shop-db-credentials --wait"),
        "{text}"
    );
    assert!(
        !text.contains("s3cr3t") && !text.contains("4dm1n"),
        "{text}"
    );
    // The Secret is applied before the chart that reads it.
    let secret_at = text.find("-f database-secret.yaml").unwrap();
    assert!(secret_at < text.find("helm upgrade").unwrap());
    let docs = documents(&spec);
    let secret = find(&docs, "Secret", "shop-db-credentials");
    assert_eq!(secret["data"]["password"], b64("s3cr3t-Pa55").as_str());
    assert_eq!(
        secret["data"]["postgres-password"],
        b64("4dm1n-Pa55").as_str()
    );
    let url = find(&docs, "Secret", "shop-env-secret")["data"]["DATABASE_URL"].clone();
    assert_eq!(
        url,
        b64("postgres://shop:s3cr3t-Pa55@shop-db-postgresql.shop.svc.cluster.local:5432/shop_production").as_str()
    );
}

#[test]
fn database_url_follows_namespace_name_and_kind() {
    // GIVEN the Rails preset WHEN the namespace, the release name and then the kind change
    let mut spec = preset("rails");
    spec.app.namespace = "prod".into();
    assert!(spec
        .database_url()
        .unwrap()
        .contains("@shop-db-postgresql.prod.svc.cluster.local:5432/"));
    spec.database.name = "main".into();
    assert!(spec
        .database_url()
        .unwrap()
        .contains("@main-postgresql.prod."));
    spec.database.kind = DatabaseKind::CloudNativePg;
    assert!(spec.database_url().unwrap().contains("@main-rw.prod."));
    // THEN without a database there is no URL, no database Secret and no Cluster
    spec.database.kind = DatabaseKind::None;
    let docs = documents(&spec);
    assert!(docs.iter().all(|d| d["kind"] != "Cluster"));
    assert!(docs
        .iter()
        .all(|d| d["metadata"]["name"] != "main-credentials"));
    let data = &find(&docs, "Secret", "shop-env-secret")["data"];
    assert!(data.get("DATABASE_URL").is_none());
}

#[test]
fn no_url_env_means_no_derived_secret_entry() {
    let mut spec = preset("django");
    spec.database.url_env.clear();
    spec.secrets.clear();
    let docs = documents(&spec);
    assert!(docs
        .iter()
        .all(|d| d["metadata"]["name"] != "polls-env-secret"));
    let container =
        &find(&docs, "Deployment", "polls")["spec"]["template"]["spec"]["containers"][0];
    let refs = serde_yaml::to_string(&container["envFrom"]).unwrap();
    assert!(!refs.contains("secretRef"), "{refs}");
}

#[test]
fn clustering_adds_a_headless_service_and_its_dns_name_to_the_config_map() {
    let spec = preset("phoenix");
    let docs = documents(&spec);
    let headless = find(&docs, "Service", "hello-headless");
    assert_eq!(headless["spec"]["clusterIP"], "None");
    assert_eq!(headless["spec"]["selector"]["app"], "hello");
    assert_eq!(
        find(&docs, "ConfigMap", "hello-env")["data"]["DNS_CLUSTER_QUERY"],
        "hello-headless.hello.svc.cluster.local"
    );
    let mut off = spec.clone();
    off.clustering.enabled = false;
    let off_docs = documents(&off);
    assert!(off_docs
        .iter()
        .all(|d| d["metadata"]["name"] != "hello-headless"));
    assert!(find(&off_docs, "ConfigMap", "hello-env")["data"]
        .get("DNS_CLUSTER_QUERY")
        .is_none());
}

#[test]
fn release_node_is_built_from_pod_ip_defined_before_it() {
    let spec = preset("phoenix");
    let docs = documents(&spec);
    let env =
        &find(&docs, "Deployment", "hello")["spec"]["template"]["spec"]["containers"][0]["env"];
    let names: Vec<&str> = env
        .as_sequence()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap())
        .collect();
    // Kubernetes only expands $(POD_IP) when POD_IP comes earlier in the list.
    assert_eq!(names, ["POD_IP", "RELEASE_NODE"]);
    assert_eq!(env[1]["value"], "hello@$(POD_IP)");
    assert_eq!(env[0]["valueFrom"]["fieldRef"]["fieldPath"], "status.podIP");
}

#[test]
fn phoenix_preset_is_a_modern_release() {
    let spec = preset("phoenix");
    let docs = documents(&spec);
    let config = &find(&docs, "ConfigMap", "hello-env")["data"];
    assert_eq!(config["PHX_SERVER"], "true");
    assert_eq!(config["RELEASE_DISTRIBUTION"], "name");
    for key in ["PHX_HOST", "PORT", "POOL_SIZE"] {
        assert!(config.get(key).is_some(), "{key}");
    }
    let secret = &find(&docs, "Secret", "hello-env-secret")["data"];
    for key in ["SECRET_KEY_BASE", "RELEASE_COOKIE", "DATABASE_URL"] {
        assert!(secret.get(key).is_some(), "{key}");
    }
    let job = find(&docs, "Job", "hello-migrate-0");
    assert_eq!(
        job["spec"]["template"]["spec"]["containers"][0]["args"][0],
        "/app/bin/migrate"
    );
    let pod = &find(&docs, "Deployment", "hello")["spec"]["template"]["spec"];
    assert_eq!(pod["securityContext"]["runAsUser"], 65534);
    assert_eq!(
        pod["containers"][0]["readinessProbe"]["httpGet"]["path"],
        "/health"
    );
}

#[test]
fn the_other_stacks_run_their_own_migrate_command() {
    for (id, args) in [
        ("rails", vec!["./bin/rails", "db:migrate"]),
        (
            "django",
            vec!["python", "manage.py", "migrate", "--noinput"],
        ),
    ] {
        let spec = preset(id);
        assert_eq!(spec.jobs[0].args, args, "{id}");
        assert_ne!(spec.database.kind, DatabaseKind::None, "{id}");
    }
}

#[test]
fn the_commands_follow_the_target() {
    // Reached through the Service itself (tests/expose.rs: through the Ingress).
    let mut spec = preset("phoenix");
    spec.ingress.enabled = false;
    spec.set_target(Target::Minikube);
    let text = kubewright::render(&spec).commands_text();
    assert!(text.contains("eval $(minikube docker-env)"));
    assert!(!text.contains("docker push"));
    assert!(
        text.contains("minikube service -n hello hello --url"),
        "{text}"
    );
    assert!(kubewright::render(&spec)
        .all
        .contains("imagePullPolicy: Never"));

    spec.set_target(Target::Cluster);
    spec.image.tag = "latest".into();
    let text = kubewright::render(&spec).commands_text();
    assert!(!text.contains("minikube"), "{text}");
    assert!(text.contains("docker push ghcr.io/example/hello:latest"));
    assert!(text.contains("Warning: use an immutable tag"), "{text}");
    assert!(text.contains("kubectl get service -n hello hello --watch"));
}
