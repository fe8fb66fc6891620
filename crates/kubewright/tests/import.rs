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
        let mut imported = run(&yaml).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // The checksum key is never in the manifests (only the HMAC it made): the user's own
        // key is what a re-import is rendered with.
        imported.spec.secret_options.checksum_key.clone_from(&spec.secret_options.checksum_key);
        prop_assert_eq!(render_yaml(&imported.spec), yaml);
        prop_assert!(imported.report.is_empty(), "{}", report_text(&imported));
        // And once more: the imported spec is a fixed point.
        let mut again = run(&render_yaml(&imported.spec)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        again.spec.secret_options.checksum_key.clone_from(&spec.secret_options.checksum_key);
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
    spec.extra = vec![ingress, pvc]
        .into_iter()
        .map(|object| kubewright::kept::Kept {
            include: true,
            object,
        })
        .collect();
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

    // AND read back they come held for review, until included again
    let imported = run(&rendered.all).unwrap();
    let mut back = imported.spec.clone();
    assert!(back.extra.iter().all(|k| !k.include));
    for kept in &mut back.extra {
        kept.include = true;
    }
    assert_eq!(back, crate::util::manifest_part(spec.clone()));
    let kept: Vec<_> = imported
        .report
        .iter()
        .filter(|r| r.status == Status::Held)
        .map(|r| r.path.as_str())
        .collect();
    assert_eq!(kept, ["Ingress/web", "PersistentVolumeClaim/data"]);
}

#[test]
fn a_sidecar_and_a_wait_for_the_database_come_back_into_the_form() {
    // GIVEN a Deployment with a native sidecar and a pg_isready init container WHEN imported
    // THEN both are in the form, and only the wait's own loop is said to be rewritten.
    let imported = run(include_str!("fixtures/init-containers.yaml")).unwrap();
    let init = &imported.spec.init;
    assert!(init.wait_for_database);
    assert_eq!(init.wait_image, "postgres:16-alpine");
    assert_eq!(init.wait_host, "db-postgresql");
    assert_eq!(
        init.sidecars,
        vec![Sidecar {
            name: "log-shipper".into(),
            image: "fluent/fluent-bit:3.1.9".into(),
            args: vec!["-c".into(), "/fluent-bit/etc/fluent-bit.conf".into()],
            ports: vec![2020],
            env: vec![EnvEntry::new("LOG_LEVEL", "info")],
            resources: Resources {
                requests: CpuMemory::new("10m", "32Mi"),
                limits: CpuMemory::new("", "64Mi"),
            },
        }]
    );
    let report = report_text(&imported);
    assert_eq!(report.matches("initContainers").count(), 1, "{report}");
    assert!(
        report.contains("adjusted: Deployment/shop spec.template.spec.initContainers.1"),
        "{report}"
    );
}

#[test]
fn a_claim_an_empty_dir_config_files_and_a_wait_come_back_into_the_form() {
    // GIVEN a Deployment with a claim (and the PersistentVolumeClaim), an emptyDir in memory, a
    // ConfigMap mounted as files and a pg_isready init container, beside an HPA, a PDB and a
    // CronJob WHEN imported THEN every volume is in the form with its object's fields, nothing is
    // held or dropped, and only the wait's own loop is said to be rewritten.
    let imported = run(include_str!("fixtures/volumes.yaml")).unwrap();
    let spec = &imported.spec;
    assert_eq!(
        spec.volumes,
        vec![
            Volume {
                name: "uploads".into(),
                mount_path: "/rails/storage".into(),
                size: "5Gi".into(),
                storage_class: "standard".into(),
                ..Volume::default()
            },
            Volume {
                name: "cache".into(),
                kind: VolumeKind::EmptyDir,
                mount_path: "/rails/tmp/cache".into(),
                memory: true,
                size_limit: "64Mi".into(),
                ..Volume::default()
            },
            Volume {
                name: "config".into(),
                kind: VolumeKind::ConfigFiles,
                mount_path: "/rails/config/extra".into(),
                files: vec![ConfigFile {
                    name: "storage.yml".into(),
                    content: "local:\n  service: Disk\n  root: /rails/storage\n".into(),
                }],
                ..Volume::default()
            },
        ]
    );
    assert_eq!(spec.app.strategy, DeployStrategy::Recreate);
    assert!(spec.init.wait_for_database);
    assert!(spec.autoscaling.enabled && spec.disruption_budget.enabled);
    assert_eq!(spec.cron_jobs.len(), 1);
    assert!(spec.extra.is_empty(), "nothing held: {:?}", spec.extra);
    let report = report_text(&imported);
    assert_eq!(
        report,
        "adjusted: Deployment/shop spec.template.spec.initContainers.0 (read as the form's wait \
         for the database: its own pg_isready loop, resources and securityContext)\n"
    );
    // AND rendered again, the objects are the pasted ones, the claim before the Deployment.
    let yaml = render_yaml(spec);
    let claim = yaml.find("kind: PersistentVolumeClaim").unwrap();
    assert!(claim < yaml.find("kind: Deployment").unwrap());
    assert!(yaml.contains("claimName: shop-uploads"));
    assert!(yaml.contains("  storage.yml: |\n    local:\n"));
}

#[test]
fn a_volume_is_renamed_after_its_claim_and_a_subpath_mount_is_dropped() {
    // GIVEN a volume whose claim is <app>-<other name>, and a ConfigMap mounted with subPath
    let yaml = include_str!("fixtures/volumes.yaml")
        .replace(
            "- name: uploads\n          mountPath",
            "- name: storage\n          mountPath",
        )
        .replace(
            "- name: uploads\n        persistentVolumeClaim",
            "- name: storage\n        persistentVolumeClaim",
        )
        .replace(
            "readOnly: true\n",
            "readOnly: true\n          subPath: storage.yml\n",
        );
    let imported = run(&yaml).unwrap();
    // THEN the volume takes its claim's name, said in the report
    let names: Vec<_> = imported
        .spec
        .volumes
        .iter()
        .map(|v| v.name.as_str())
        .collect();
    assert_eq!(names, ["uploads", "cache"]);
    let report = report_text(&imported);
    assert!(
        report.contains("the volume storage is named uploads, after its object shop-uploads"),
        "{report}"
    );
    // AND the subPath mount, which never sees an update, stays in the report as dropped
    assert!(
        report.contains("dropped: Deployment/shop spec.template.spec.volumes"),
        "{report}"
    );
    assert!(report.contains("subPath"), "{report}");
}

#[test]
fn the_articles_manifests_fill_the_form_like_the_preset() {
    let text = include_str!("fixtures/article-manifests.yaml");
    let imported = run(text).unwrap();
    let report = report_text(&imported);
    // The article typed its DATABASE_URL and installed PostgreSQL by hand: its manifests carry no
    // database, so they come back with the URL as a secret.
    let preset = crate::util::article_with_typed_url();
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
    // The article's pods ran as the default account; the preset gives them their own.
    fixed.service_account.enabled = true;
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
    // A word without `*` is whole parts of the name: `key` takes STRIPE_KEY, not KEYCLOAK_URL.
    let text = text.replace("FROM_SHELL", "KEYCLOAK_URL=https://sso");
    let imported = import(&text, &SplitRule::from_lines("key")).unwrap();
    assert_eq!(names(&imported.spec.secrets), ["STRIPE_KEY"]);
    assert_eq!(
        names(&imported.spec.env),
        ["PORT", "MY_PASSWORD", "KEYCLOAK_URL"]
    );
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

// Each case takes milliseconds; the bound is there for a parse that would grow with the square of
// the input (minutes here), and is loose enough for a debug build on a busy machine.
fn quick(text: &str) -> ImportError {
    let start = Instant::now();
    let result = run(text);
    let took = start.elapsed();
    assert!(took < Duration::from_secs(5), "took {took:?}");
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
    // ` - ` and ` ? ` later in a plain scalar are text too, not a new node (a generated env value
    // `e:? [%'b` failed the round trip: each such line counted its brackets as nesting).
    let dashes = format!(
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n{}",
        (0..40)
            .map(|i| format!("  k{i}: a ? [b - {{c\n"))
            .collect::<String>()
    );
    assert!(run(&dashes).is_ok(), "{:?}", run(&dashes).err());
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
        assert!(!report.contains("held"), "{kind:?}: {report}");
        assert!(imported.spec.extra.is_empty(), "{kind:?}");
        assert_eq!(
            imported.spec.secret_options.seal.scope,
            SealScope::ClusterWide
        );
    }
}

#[test]
fn a_sealed_secret_brings_its_names_and_scope_not_its_values() {
    let mut spec = crate::util::article_with_typed_url();
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

// --- Secret values never reach `spec.extra` or plain env unannounced (security audit) ---

/// A Deployment `web` that reads the Secret `web-env-secret` with envFrom.
const WEB_DEPLOYMENT: &str = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: ghcr.io/acme/web:1.0
        envFrom:
        - secretRef: {name: web-env-secret}
";

/// The spec as JSON (what autosave and share links are made from) and the report, as one text:
/// a secret value must appear in neither.
fn everything_kept(imported: &kubewright::import::Imported) -> String {
    format!(
        "{}\n{}",
        kubewright::spec_to_json(&imported.spec),
        report_text(imported)
    )
}

fn indent(text: &str, by: usize) -> String {
    text.lines()
        .map(|l| format!("{}{l}\n", " ".repeat(by)))
        .collect()
}

#[test]
fn secrets_inside_lists_of_any_kind_go_the_way_of_any_secret() {
    // The app's Secret (read by the Deployment) and another one (read by nothing), as `kubectl get
    // -o yaml` and the API write them: base64 of "app-value" and "other-value".
    let app_secret = "metadata: {name: web-env-secret}\ndata: {API_TOKEN: YXBwLXZhbHVl}\n";
    let other_secret = "metadata: {name: other}\ndata: {PASSWORD: b3RoZXItdmFsdWU=}\n";
    let typed = |s: &str| format!("apiVersion: v1\nkind: Secret\n{s}");
    let item = |s: &str| format!("-\n{}", indent(s, 2));
    let cases: Vec<(&str, String)> = vec![
        (
            "kind: List",
            format!(
                "apiVersion: v1\nkind: List\nitems:\n{}{}",
                item(&typed(app_secret)),
                item(&typed(other_secret))
            ),
        ),
        (
            // The API's own list: the items leave out kind and apiVersion.
            "kind: SecretList, items without kind",
            format!(
                "apiVersion: v1\nkind: SecretList\nmetadata: {{resourceVersion: \"42\"}}\nitems:\n{}{}",
                item(app_secret),
                item(other_secret)
            ),
        ),
        (
            "a SecretList inside a List inside a List",
            format!(
                "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: v1\n    kind: SecretList\n    items:\n{}{}",
                indent(&item(app_secret), 4),
                indent(&item(other_secret), 4)
            ),
        ),
        (
            "a ConfigMapList next to a SecretList",
            format!(
                "apiVersion: v1\nkind: ConfigMapList\nitems:\n- metadata: {{name: web-env}}\n  data: {{MODE: prod}}\n---\napiVersion: v1\nkind: SecretList\nitems:\n{}{}",
                item(app_secret),
                item(other_secret)
            ),
        ),
    ];
    for (case, lists) in cases {
        // GIVEN the Deployment and the Secrets wrapped in lists
        let text = format!("{WEB_DEPLOYMENT}---\n{lists}");
        // WHEN it is imported
        let imported = run(&text).unwrap_or_else(|e| panic!("{case}: {e}\n{text}"));
        let report = report_text(&imported);
        // THEN the app's Secret becomes its secrets, as if it were a document of its own
        assert_eq!(
            imported.spec.secrets,
            [EnvEntry::new("API_TOKEN", "app-value")],
            "{case}: {report}"
        );
        // AND the other one is dropped with the usual words, never kept
        assert!(
            report.contains("dropped: Secret/other (a Secret the app does not read"),
            "{case}: {report}"
        );
        assert!(imported.spec.extra.is_empty(), "{case}: {report}");
        assert!(
            !everything_kept(&imported).contains("other-value")
                && !everything_kept(&imported).contains("b3RoZXItdmFsdWU="),
            "{case}"
        );
    }
    // And a ConfigMapList's ConfigMap is the app's env like any other.
    let text = format!(
        "{WEB_DEPLOYMENT}---\napiVersion: v1\nkind: ConfigMapList\nitems:\n- metadata: {{name: web-env}}\n  data: {{MODE: prod}}\n"
    );
    assert_eq!(
        run(&text).unwrap().spec.env,
        [EnvEntry::new("MODE", "prod")]
    );
}

#[test]
fn a_list_that_is_not_one_is_dropped_and_a_kind_merely_ending_in_list_is_an_object() {
    // GIVEN a SecretList whose items are a map (no list at all), and a custom resource whose kind
    // ends in List but which has no items
    let text = format!(
        "{WEB_DEPLOYMENT}---\napiVersion: v1\nkind: SecretList\nitems:\n  a: {{data: {{PASSWORD: aHVudGVyMg==}}}}\n---\napiVersion: example.com/v1\nkind: AllowList\nmetadata: {{name: office}}\nspec:\n  cidrs: [10.0.0.0/8]\n"
    );
    // WHEN it is imported
    let imported = run(&text).unwrap();
    let report = report_text(&imported);
    // THEN the broken list is dropped with its reason, nothing of it kept
    assert!(
        report.contains("dropped: SecretList items (a list whose items are not a list"),
        "{report}"
    );
    assert!(!everything_kept(&imported).contains("aHVudGVyMg=="));
    // AND the custom resource is kept as it was
    assert_eq!(imported.spec.extra.len(), 1, "{report}");
    assert_eq!(imported.spec.extra[0].object["kind"], "AllowList");
}

#[test]
fn a_kustomize_file_is_dropped_with_its_secret_generator() {
    let generator =
        "secretGenerator:\n- name: db\n  literals:\n  - PASSWORD=hunter2\nresources: [deployment.yaml]\n";
    for (case, head) in [
        (
            "Kustomization",
            "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n",
        ),
        (
            "Component",
            "apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n",
        ),
        ("no apiVersion", "kind: Kustomization\n"),
        ("no apiVersion nor kind", ""),
    ] {
        // GIVEN the manifests with a kustomization.yaml pasted along
        let text = format!("{WEB_DEPLOYMENT}---\n{head}{generator}");
        // WHEN they are imported
        let imported = run(&text).unwrap();
        let report = report_text(&imported);
        // THEN the kustomize file is dropped, saying what it is and that its values are not kept
        let line = imported
            .report
            .iter()
            .find(|r| r.note.contains("kustomize file"))
            .unwrap_or_else(|| panic!("{case}: {report}"));
        assert_eq!(line.status, Status::Dropped, "{case}");
        assert!(line.note.contains("not a Kubernetes object"), "{case}");
        assert!(
            line.note.contains("secretGenerator values"),
            "{case}: {}",
            line.note
        );
        assert!(imported.spec.extra.is_empty(), "{case}: {report}");
        assert!(!everything_kept(&imported).contains("hunter2"), "{case}");
    }
    // Flux's Kustomization is a real object (its controller applies a folder from git): kept.
    let flux = "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: apps, namespace: flux-system}\nspec:\n  interval: 10m\n  path: ./apps\n  prune: true\n  sourceRef: {kind: GitRepository, name: flux-system}\n";
    let imported = run(&format!("{WEB_DEPLOYMENT}---\n{flux}")).unwrap();
    assert_eq!(imported.spec.extra.len(), 1, "{}", report_text(&imported));
    assert!(report_text(&imported).contains("held for review: Kustomization/apps ("));
}

#[test]
fn secret_looking_plain_values_in_kept_objects_are_reported_and_left_unchanged() {
    // GIVEN objects the form does not model that set secret-looking values literally
    let statefulset = "\
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
  template:
    metadata:
      labels: {app: db}
    spec:
      initContainers:
      - name: init
        image: busybox
        env:
        - {name: LOG_LEVEL, value: debug}
      containers:
      - name: postgres
        image: postgres:16
        env:
        - {name: POSTGRES_USER, value: app}
        - {name: POSTGRES_PASSWORD, value: hunter2}
        - name: REPLICATION_PASSWORD
          valueFrom:
            secretKeyRef: {name: db, key: replication}
";
    let cronjob = "\
apiVersion: batch/v1
kind: CronJob
metadata: {name: backup}
spec:
  schedule: '0 3 * * *'
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: backup
            image: acme/backup:2
            env:
            - {name: TARGET, value: 's3://backup:s3cr3t@minio:9000/db'}
";
    let config_map = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other-config}\ndata:\n  MODE: prod\n  STRIPE_API_KEY: sk_live_123\n";
    let text = format!("{WEB_DEPLOYMENT}---\n{statefulset}---\n{cronjob}---\n{config_map}");
    let inputs: Vec<serde_yaml::Value> = [statefulset, cronjob, config_map]
        .iter()
        .map(|t| serde_yaml::from_str(t).unwrap())
        .collect();
    // WHEN they are imported
    let imported = run(&text).unwrap();
    let report = report_text(&imported);
    // THEN each is kept exactly as it was
    let kept: Vec<_> = imported.spec.extra.iter().map(|k| &k.object).collect();
    assert_eq!(kept, inputs.iter().collect::<Vec<_>>());
    // AND each secret-looking value has a line saying it stays in plain text, with its path
    let lines: Vec<_> = imported
        .report
        .iter()
        .filter(|r| r.note.contains("plain text"))
        .map(|r| (r.status, r.path.as_str()))
        .collect();
    assert_eq!(
        lines,
        [
            (
                Status::Held,
                "StatefulSet/db spec.template.spec.containers[0].env[1]"
            ),
            (
                Status::Held,
                "CronJob/backup spec.jobTemplate.spec.template.spec.containers[0].env[0]"
            ),
            (Status::Held, "ConfigMap/other-config data.STRIPE_API_KEY"),
        ],
        "{report}"
    );
    for expected in [
        "POSTGRES_PASSWORD looks secret (its name contains PASSWORD), and its value stays in plain text in this kept object, readable by anyone who can read it (this page never stores or shares it). Move it into a Secret",
        "TARGET looks secret (its value is a URL with a password)",
        "STRIPE_API_KEY looks secret (its name contains KEY)",
    ] {
        assert!(report.contains(expected), "missing {expected:?} in\n{report}");
    }
    // AND the report itself does not repeat the values
    for value in ["hunter2", "s3cr3t", "sk_live_123"] {
        assert!(!report.contains(value), "{value} in\n{report}");
    }
    // AND the spec still round-trips: the report is about the input, the object is unchanged
    // (once included: held objects are in no output)
    let mut included = imported.spec.clone();
    for kept in &mut included.extra {
        kept.include = true;
    }
    let again = run(&render_yaml(&included)).unwrap();
    assert_eq!(again.spec, imported.spec);
}

#[test]
fn the_default_split_rule_is_the_shared_secret_word_list() {
    // GIVEN a compose service with entries named in every way people name them
    let cases = [
        // (name, value, secret)
        ("PORT", "3000", false),
        ("POSTGRES_PASSWORD", "x", true),
        ("DBPASSWORD", "x", true),
        ("DB_PASS", "x", true),
        ("MYSQL_PASSWD", "x", true),
        ("DB_PWD", "x", true),
        ("SECRET_KEY_BASE", "x", true),
        ("GITHUB_TOKEN", "x", true),
        ("STRIPE_KEY", "x", true),
        ("AWS_ACCESS_KEY_ID", "x", true),
        ("API_KEYS", "x", true),
        ("OPENAI_APIKEY", "x", true),
        ("RELEASE_COOKIE", "x", true),
        ("ERLANG_COOKIE", "x", true),
        ("GOOGLE_CREDENTIALS", "x", true),
        ("SENTRY_DSN", "x", true),
        ("JWT_PRIVATE_KEY", "x", true),
        ("DATABASE_URL", "ecto://db/app", true),
        // A URL with a password is secret whatever its name.
        ("REDIS_URL", "redis://:hunter2@redis:6379/0", true),
        ("REDIS_URL", "redis://redis:6379/0", false),
        // KEY, PASS and PWD are whole words only.
        ("KEYCLOAK_URL", "https://sso.example.com", false),
        ("MONKEY_MODE", "on", false),
        ("PASSPORT_STRATEGY", "local", false),
        ("BYPASS_CACHE", "1", false),
        ("LOG_LEVEL", "info", false),
    ];
    for (name, value, secret) in cases {
        let text = format!(
            "services:\n  web:\n    image: acme/web:1\n    environment:\n      - \"{name}={value}\"\n"
        );
        // WHEN it is imported with the default rule
        let imported = run(&text).unwrap();
        // THEN the entry lands where the shared list says
        let in_secrets = imported.spec.secrets.iter().any(|e| e.name == name);
        let in_env = imported.spec.env.iter().any(|e| e.name == name);
        assert_eq!((in_secrets, in_env), (secret, !secret), "{name}={value}");
        // AND the env-var-secret warning agrees with it: it fires exactly on what the rule calls
        // secret, had it been left in the ConfigMap
        let mut spec = kubewright::presets::Preset::find("web-app")
            .unwrap()
            .spec()
            .unwrap();
        spec.env.push(EnvEntry::new(name, value));
        let warned = kubewright::validate::validate(&spec)
            .iter()
            .any(|i| i.rule == "env-var-secret");
        assert_eq!(warned, secret, "the warning disagrees on {name}={value}");
    }
}

#[test]
fn an_autoscaler_a_budget_and_a_cron_job_come_back_into_the_form_without_a_replicas_fight() {
    // GIVEN a Deployment with a fixed count and an autoscaler for it
    let yaml = "\
apiVersion: apps/v1
kind: Deployment
metadata: {name: shop, namespace: shop, labels: {app: shop}}
spec:
  replicas: 2
  selector: {matchLabels: {app: shop}}
  template:
    metadata: {labels: {app: shop}}
    spec:
      containers:
      - name: shop
        image: shop:1.0
        resources: {requests: {cpu: 250m, memory: 256Mi}}
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: shop, namespace: shop, labels: {app: shop}}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: shop}
  minReplicas: 3
  maxReplicas: 10
  metrics:
  - type: Resource
    resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
  - type: Resource
    resource: {name: memory, target: {type: Utilization, averageUtilization: 75}}
  behavior: {scaleDown: {stabilizationWindowSeconds: 120}}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata: {name: shop, namespace: shop, labels: {app: shop}}
spec:
  maxUnavailable: 25%
  selector: {matchLabels: {app: shop}}
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: shop-report, namespace: shop, labels: {app: shop}}
spec:
  schedule: '0 6 * * 1'
  timeZone: Europe/Paris
  jobTemplate:
    spec:
      template:
        metadata: {labels: {app: shop-report}}
        spec:
          restartPolicy: Never
          containers:
          - name: shop
            image: shop:1.0
            args: [report, --weekly]
            resources: {requests: {cpu: 250m, memory: 256Mi}}
";
    // WHEN it is imported
    let imported = run(yaml).unwrap();
    // THEN the autoscaler is the form's, nothing is held, and the report says why replicas went
    assert_eq!(
        imported.spec.autoscaling,
        Autoscaling {
            enabled: true,
            min_replicas: 3,
            max_replicas: 10,
            cpu_utilization: 60,
            memory_utilization: Some(75),
            scale_down_stabilization_seconds: Some(120),
        }
    );
    assert_eq!(
        imported.spec.disruption_budget,
        DisruptionBudget {
            enabled: true,
            limit: BudgetLimit::MaxUnavailable,
            value: "25%".into(),
        }
    );
    assert_eq!(
        imported.spec.cron_jobs,
        vec![CronJob {
            name: "report".into(),
            schedule: "0 6 * * 1".into(),
            time_zone: "Europe/Paris".into(),
            args: vec!["report".into(), "--weekly".into()],
            // Kubernetes' default when the manifest names none.
            concurrency_policy: ConcurrencyPolicy::Allow,
            restart_policy: RestartPolicy::Never,
            ..CronJob::default()
        }]
    );
    assert!(imported.spec.extra.is_empty(), "{}", report_text(&imported));
    let report = report_text(&imported);
    assert!(
        report.contains("the Deployment's replicas (2) is left out"),
        "{report}"
    );
    assert_eq!(
        imported
            .report
            .iter()
            .filter(|r| r.status != Status::Adjusted)
            .count(),
        0,
        "{report}"
    );
    // AND the rendered Deployment has no count to fight the autoscaler with
    let rendered = render_yaml(&imported.spec);
    assert!(!rendered.contains("replicas: 2"), "{rendered}");
    assert!(rendered.contains("kind: HorizontalPodAutoscaler"));
}
