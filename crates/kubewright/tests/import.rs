//! The importers: the article's manifests, the series' compose file, malformed and hostile input,
//! and the round trip import(render(spec)) == spec's YAML for every preset and generated specs.

use std::time::{Duration, Instant};

use kubewright::import::{import, Format, ImportError, SplitRule, Status};
use kubewright::presets::PRESETS;
use kubewright::render::render_yaml;
use kubewright::spec::*;
use proptest::prelude::*;

fn run(text: &str) -> Result<kubewright::import::Imported, ImportError> {
    import(text, &SplitRule::default())
}

fn report_text(imported: &kubewright::import::Imported) -> String {
    imported
        .report
        .iter()
        .map(|r| format!("{}: {} ({})\n", r.status.as_str(), r.path, r.note))
        .collect()
}

#[test]
fn every_preset_round_trips() {
    for preset in PRESETS {
        let spec = preset.spec().unwrap();
        let yaml = render_yaml(&spec);
        let imported = run(&yaml).unwrap();
        assert_eq!(imported.format, Format::Manifests);
        assert_eq!(render_yaml(&imported.spec), yaml, "preset {}", preset.id);
        assert!(
            imported.report.is_empty(),
            "preset {}: {}",
            preset.id,
            report_text(&imported)
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn generated_specs_round_trip(spec in kubewright::testgen::valid_spec()) {
        let yaml = render_yaml(&spec);
        let imported = run(&yaml).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(render_yaml(&imported.spec), yaml);
        prop_assert!(imported.report.is_empty(), "{}", report_text(&imported));
        // And once more: the imported spec is a fixed point.
        let again = run(&render_yaml(&imported.spec)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(again.spec, imported.spec);
    }
}

#[test]
fn objects_the_form_does_not_model_are_kept_and_rendered_unchanged() {
    let mut spec = kubewright::presets::Preset::find("phoenix-article")
        .unwrap()
        .spec()
        .unwrap();
    let ingress: serde_yaml::Value = serde_yaml::from_str(
        "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: web\n  namespace: other\nspec:\n  rules:\n  - host: example.com\n",
    )
    .unwrap();
    let pvc: serde_yaml::Value = serde_yaml::from_str(
        "apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  accessModes: [ReadWriteOnce]\n  resources:\n    requests:\n      storage: 1Gi\n",
    )
    .unwrap();
    spec.extra = vec![ingress, pvc];
    let rendered = kubewright::render(&spec);
    assert!(rendered
        .all
        .ends_with("  resources:\n    requests:\n      storage: 1Gi\n"));
    let names: Vec<_> = rendered.files.iter().map(|f| f.name.as_str()).collect();
    assert!(names.contains(&"extra-ingress-web.yaml"), "{names:?}");
    assert!(names.contains(&"extra-persistentvolumeclaim-data.yaml"));
    let commands = rendered.commands_text();
    assert!(
        commands.contains("kubectl apply -f extra-ingress-web.yaml\n"),
        "own namespace: no -n"
    );
    assert!(commands
        .contains("kubectl apply -n kube-native -f extra-persistentvolumeclaim-data.yaml\n"));

    let imported = run(&rendered.all).unwrap();
    assert_eq!(imported.spec, spec);
    let kept: Vec<_> = imported
        .report
        .iter()
        .filter(|r| r.status == Status::Kept)
        .map(|r| r.path.as_str())
        .collect();
    assert_eq!(kept, ["Ingress/web", "PersistentVolumeClaim/data"]);
}

#[test]
fn the_articles_manifests_fill_the_form_like_the_preset() {
    let text = include_str!("fixtures/article-manifests.yaml");
    let imported = run(text).unwrap();
    let report = report_text(&imported);
    let preset = kubewright::presets::Preset::find("phoenix-article")
        .unwrap()
        .spec()
        .unwrap();
    let spec = &imported.spec;
    // The article applied everything with `-n kube-native` and its manifests name no namespace.
    assert_eq!(spec.app.namespace, "");
    assert_eq!(spec.app.name, preset.app.name);
    assert_eq!(spec.image, preset.image);
    assert_eq!(
        spec.env, preset.env,
        "ConfigMap data under labels is read as data"
    );
    assert_eq!(
        spec.secrets, preset.secrets,
        "Secret data decoded from base64"
    );
    assert_eq!(spec.downward, preset.downward);
    assert_eq!(spec.port, preset.port);
    assert_eq!(spec.probes, preset.probes);
    assert_eq!(spec.resources, preset.resources);
    assert_eq!(spec.service, preset.service);
    assert_eq!(spec.jobs, preset.jobs);
    assert_eq!((spec.app.replicas, &spec.app.max_surge[..]), (1, "10%"));
    for expected in [
        "adjusted: Deployment/kube-native apiVersion (apps/v1beta2 is no longer served",
        "adjusted: ConfigMap/kube-native-env metadata.labels.data (data was indented under labels",
        "adjusted: Secret/kube-native-env-secret metadata.labels.data",
        "adjusted: Job/kube-native-migration-0 spec.template.metadata.labels.app",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in\n{report}"
        );
    }
    assert_eq!(imported.report.len(), 4, "{report}");
    // With the namespace filled in, it renders exactly the preset.
    let mut fixed = imported.spec.clone();
    fixed.app.namespace = "kube-native".into();
    assert_eq!(render_yaml(&fixed), render_yaml(&preset));
}

#[test]
fn unknown_fields_are_reported_with_their_paths() {
    let text = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
  annotations:
    kubernetes.io/change-cause: deploy 42
  uid: 1234
spec:
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      volumes:
      - name: tmp
        emptyDir: {}
      containers:
      - name: shop
        image: registry.example.com:5000/shop/web:1.2
        args: [serve]
        env:
        - name: MODE
          value: production
        - name: API_TOKEN
          valueFrom:
            secretKeyRef: {name: other, key: token}
        ports:
        - containerPort: 8080
        readinessProbe:
          httpGet: {path: /health, port: 8080, scheme: HTTPS}
      - name: sidecar
        image: envoy
status:
  replicas: 1
---
apiVersion: v1
kind: Secret
metadata: {name: other}
data:
  token: c2VjcmV0LXRva2Vu
  cert: //79/A==
";
    let imported = run(text).unwrap();
    let report = report_text(&imported);
    let spec = &imported.spec;
    assert_eq!(spec.image.repository, "registry.example.com:5000/shop/web");
    assert_eq!(spec.image.tag, "1.2");
    assert_eq!(
        spec.image.pull_policy,
        PullPolicy::IfNotPresent,
        "Kubernetes' default for a tag"
    );
    assert_eq!(
        (spec.app.replicas, &spec.app.max_unavailable[..]),
        (1, "25%")
    );
    // A literal value is the container's own env (pod_env), where $(VAR) references work.
    assert_eq!(spec.pod_env, [EnvEntry::new("MODE", "production")]);
    assert_eq!(spec.secrets, [EnvEntry::new("API_TOKEN", "secret-token")]);
    assert_eq!(spec.port.number, 8080);
    assert_eq!(spec.port.name, "");
    assert_eq!(
        spec.probes.readiness.action,
        ProbeAction::HttpGet {
            path: "/health".into(),
            port: "8080".into()
        }
    );
    for expected in [
        "dropped: Deployment/shop status, metadata.uid (set by the cluster",
        "dropped: Deployment/shop metadata.annotations[\"kubernetes.io/change-cause\"]",
        "dropped: Deployment/shop spec.template.spec.volumes (",
        "dropped: Deployment/shop spec.template.spec.containers[0].args (",
        "dropped: Deployment/shop spec.template.spec.containers[0].readinessProbe.httpGet.scheme (",
        "dropped: Deployment/shop spec.template.spec.containers[1] (",
        "dropped: Secret/other (a Secret the app does not read",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in\n{report}"
        );
    }
    assert!(
        !report.contains("c2VjcmV0"),
        "no secret value in the report"
    );
}

#[test]
fn the_series_compose_file_becomes_the_app() {
    let imported = run(include_str!("fixtures/compose.yml")).unwrap();
    assert_eq!(imported.format, Format::Compose);
    let spec = &imported.spec;
    assert_eq!(spec.app.name, "kube-native");
    assert_eq!(spec.app.namespace, "kube-native");
    assert_eq!(spec.app.replicas, 1);
    assert_eq!(
        (spec.image.reference(), spec.image.pull_policy),
        ("kube-native:latest".to_string(), PullPolicy::Never)
    );
    assert_eq!((spec.port.number, spec.service.port), (4000, 4000));
    assert!(spec.env.is_empty());
    assert_eq!(spec.target, kubewright::spec::Target::Minikube);
    // The postgres service became the database; DATABASE_URL is derived from it and points at the
    // chart's Service instead of compose's host name.
    assert!(spec.secrets.is_empty(), "{:?}", spec.secrets);
    let db = &spec.database;
    assert_eq!(db.kind, kubewright::spec::DatabaseKind::Helm);
    assert_eq!(
        (
            &db.name[..],
            &db.user[..],
            &db.database[..],
            &db.password[..]
        ),
        ("postgres", "kube_native", "kube_native", "kube_native")
    );
    assert_eq!(
        (&db.url_env[..], &db.url_scheme[..]),
        ("DATABASE_URL", "ecto")
    );
    assert_eq!(
        spec.database_url().unwrap(),
        "ecto://kube_native:kube_native@postgres-postgresql.kube-native.svc.cluster.local:5432/kube_native"
    );
    assert!(kubewright::render(spec)
        .all
        .contains("kind: Secret\nmetadata:\n  name: postgres-credentials\n"));
    let report = report_text(&imported);
    for expected in [
        "adjusted: services.kube_native (named kube-native",
        "adjusted: services.kube_native.build (built as image kube-native:latest",
        "dropped: services.kube_native depends_on (",
        "adjusted: services.postgres (became the database: Bitnami's PostgreSQL chart, release postgres",
        "dropped: services.postgres ports (the chart decides",
        "dropped: services.postgres volumes (the chart decides",
        "adjusted: services environment.DATABASE_URL (derived from the database settings: ecto://kube_native:*****@postgres-postgresql",
        "dropped: compose: version (",
        "dropped: compose: volumes (",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in\n{report}"
        );
    }
}

#[test]
fn the_split_rule_decides_what_is_secret() {
    let text = "services:\n  web:\n    image: ghcr.io/acme/web:2\n    ports: [\"127.0.0.1:8080:3000/tcp\"]\n    environment:\n      - PORT=3000\n      - STRIPE_KEY=sk_live\n      - MY_PASSWORD=hunter2\n      - FROM_SHELL\n";
    let imported = run(text).unwrap();
    let names = |v: &[EnvEntry]| v.iter().map(|e| e.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&imported.spec.env), ["PORT", "FROM_SHELL"]);
    assert_eq!(names(&imported.spec.secrets), ["STRIPE_KEY", "MY_PASSWORD"]);
    assert_eq!(
        (imported.spec.port.number, imported.spec.service.port),
        (3000, 8080)
    );
    assert_eq!(imported.spec.image.reference(), "ghcr.io/acme/web:2");
    // An edited rule: only PASSWORD is secret.
    let imported = import(text, &SplitRule::from_lines("*password*\n\n")).unwrap();
    assert_eq!(names(&imported.spec.secrets), ["MY_PASSWORD"]);
}

#[test]
fn invalid_yaml_gets_the_parsers_line_and_column() {
    let e = run("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n data: 1\n").unwrap_err();
    assert_eq!((e.line, e.column), (Some(5), Some(2)), "{e}");
    assert_eq!(
        e.to_string(),
        "line 5, column 2: not valid YAML: did not find expected key"
    );
    let e = run("a: 1\na: 2\n").unwrap_err();
    assert!(e.message.contains("duplicate entry"), "{e}");
    let e = run("just: a map\n").unwrap_err();
    assert!(e.message.contains("neither Kubernetes manifests"), "{e}");
    let e = run("\n---\n").unwrap_err();
    assert!(e.message.contains("no YAML document"), "{e}");
}

fn quick(text: &str) -> ImportError {
    let start = Instant::now();
    let result = run(text);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(1), "took {took:?}");
    result.unwrap_err()
}

#[test]
fn hostile_input_fails_fast_with_a_clear_message() {
    // 10 MB.
    let big = format!(
        "apiVersion: v1\nkind: ConfigMap\ndata:\n  x: {}\n",
        "a".repeat(10_000_000)
    );
    assert!(quick(&big)
        .message
        .contains("is 10.0 MB; Kubewright imports at most 1 MB"));
    // An alias bomb ("billion laughs"): serde_yaml refuses to expand it.
    let mut bomb = String::from("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (prev, next) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        bomb += &format!(
            "{next}: &{next} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        );
    }
    assert!(quick(&bomb).message.contains("repetition limit exceeded"));
    // Deep flow nesting: libyaml is quadratic in it, so it is refused before parsing.
    let e = quick(&"{a: ".repeat(200_000));
    assert_eq!((e.line, e.column), (Some(1), Some(4 * 64 + 1)));
    assert!(e.message.contains("nested deeper than 64"));
    assert!(quick(&format!("{}{}", "[".repeat(65), "]".repeat(65)))
        .message
        .contains("nested deeper"));
    // Deep block nesting: serde_yaml's recursion limit.
    let deep: String = (0..1000)
        .map(|i| format!("{}a:\n", " ".repeat(i)))
        .collect();
    assert!(quick(&deep).message.contains("recursion limit exceeded"));
    // Brackets inside quotes and comments are not nesting.
    let quoted = format!("apiVersion: v1\nkind: ConfigMap\nmetadata: {{name: x}}\ndata:\n  a: \"{}\"\n  b: '{}' # {}\n", "[".repeat(100), "{".repeat(100), "[".repeat(100));
    assert!(run(&quoted).is_ok());
    // Nor inside a plain scalar, where serde_yaml writes strings like `a[[[` unquoted (a generated
    // spec once failed the round trip on this).
    let plain = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: x{}\n  b: it's {}\n",
        "[".repeat(100),
        "{".repeat(100)
    );
    assert!(run(&plain).is_ok(), "{:?}", run(&plain).err());
    // Where a node starts (after `key: `, `- `, an anchor or a tag), a bracket is nesting.
    let deep = "[".repeat(65);
    for text in [
        format!("a: {deep}"),
        format!("- {deep}"),
        format!("a: &anchor {deep}"),
        format!("a: !!seq {deep}"),
        format!("a:\n  - - {deep}"),
        format!("? {deep}"),
        format!("a: [x, {}]", "{b: ".repeat(64)),
    ] {
        assert!(quick(&text).message.contains("nested deeper"), "{text:.40}");
    }
}

#[test]
fn a_list_from_kubectl_get_is_imported_item_by_item() {
    let yaml = render_yaml(&PRESETS[0].spec().unwrap());
    let docs: Vec<serde_yaml::Value> = serde_yaml::Deserializer::from_str(&yaml)
        .map(|d| serde::Deserialize::deserialize(d).unwrap())
        .collect();
    let mut list = serde_yaml::Mapping::new();
    list.insert("apiVersion".into(), "v1".into());
    list.insert("kind".into(), "List".into());
    list.insert("items".into(), serde_yaml::Value::Sequence(docs));
    let imported = run(&serde_yaml::to_string(&list).unwrap()).unwrap();
    assert_eq!(render_yaml(&imported.spec), yaml);
}

#[test]
fn configmap_values_that_are_not_text_are_flagged() {
    let text = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: web-env}\ndata:\n  PORT: 4000\n  VERSION: 1.10\n  NAME: shop\n";
    let imported = run(text).unwrap();
    assert_eq!(imported.spec.env[0], EnvEntry::new("PORT", "4000"));
    assert_eq!(imported.spec.env[1], EnvEntry::new("VERSION", "1.1"));
    let report = report_text(&imported);
    assert!(report.contains("adjusted: ConfigMap/web-env data.VERSION (not text (Kubernetes would refuse it): taken as \"1.1\""), "{report}");
    assert!(!report.contains("data.NAME"), "{report}");
}

#[test]
fn a_sealed_database_secret_brings_the_database_back_without_its_password() {
    for kind in [DatabaseKind::Helm, DatabaseKind::CloudNativePg] {
        // GIVEN a sealed render of a spec with a database
        let mut spec = kubewright::presets::Preset::find("phoenix")
            .unwrap()
            .spec()
            .unwrap();
        spec.database.kind = kind;
        spec.secret_options.seal.cert = include_str!("fixtures/seal/cert.pem").into();
        spec.secret_options.seal.scope = SealScope::ClusterWide;
        let yaml = render_yaml(&spec);
        assert!(yaml.contains("name: hello-db-credentials"), "{yaml}");
        // WHEN it is imported
        let imported = run(&yaml).unwrap();
        // THEN the database settings come back, its passwords empty, and nothing else is reported
        let db = &imported.spec.database;
        assert_eq!((db.kind, db.name.as_str()), (kind, "hello-db"));
        assert_eq!((db.password.as_str(), db.admin_password.as_str()), ("", ""));
        let report = report_text(&imported);
        assert!(
            report.contains("adjusted: SealedSecret/hello-db-credentials spec.encryptedData"),
            "{kind:?}: {report}"
        );
        assert!(!report.contains("kept"), "{kind:?}: {report}");
        assert!(imported.spec.extra.is_empty(), "{kind:?}");
        assert_eq!(
            imported.spec.secret_options.seal.scope,
            SealScope::ClusterWide
        );
    }
}

#[test]
fn a_sealed_secret_brings_its_names_and_scope_not_its_values() {
    let mut spec = kubewright::presets::Preset::find("phoenix-article")
        .unwrap()
        .spec()
        .unwrap();
    spec.secret_options.seal.cert = include_str!("fixtures/seal/cert.pem").into();
    spec.secret_options.seal.scope = SealScope::NamespaceWide;
    let yaml = render_yaml(&spec);
    assert!(yaml.contains("kind: SealedSecret"));
    let imported = run(&yaml).unwrap();
    let names: Vec<_> = imported
        .spec
        .secrets
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    assert_eq!(names, ["DATABASE_URL", "ERLANG_COOKIE", "SECRET_KEY_BASE"]);
    assert!(imported.spec.secrets.iter().all(|s| s.value.is_empty()));
    assert_eq!(
        imported.spec.secret_options.seal.scope,
        SealScope::NamespaceWide
    );
    let report = report_text(&imported);
    assert_eq!(imported.report.len(), 1, "{report}");
    assert!(
        report.contains(
            "adjusted: SealedSecret/kube-native-env-secret spec.encryptedData (sealed values"
        ),
        "{report}"
    );
    // With the certificate pasted again and the values typed, the same objects come out (the
    // ciphertext differs: sealing is randomised).
    let mut again = imported.spec.clone();
    again.secret_options.seal.cert = spec.secret_options.seal.cert.clone();
    again.secrets = spec.secrets.clone();
    assert_eq!(again, spec);
}
