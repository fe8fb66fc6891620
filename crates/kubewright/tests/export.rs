//! Export structure, natively (tests/export/check.py runs the real kubectl kustomize and Helm engine).

use kubewright::export::{self, helm, kustomize};
use kubewright::presets::PRESETS;
use kubewright::spec::EnvEntry;

#[test]
fn the_bundle_has_every_file_a_kustomization_and_a_readme() {
    for preset in PRESETS {
        let spec = preset.spec().unwrap();
        let rendered = kubewright::render(&spec);
        let files = kustomize::bundle(&spec);
        let paths: Vec<_> = files.iter().map(|f| f.path.as_str()).collect();
        let mut expected: Vec<_> = rendered.files.iter().map(|f| f.name.as_str()).collect();
        expected.extend(["kustomization.yaml", "README.md"]);
        assert_eq!(paths, expected);
        for (file, object) in files.iter().zip(&rendered.files) {
            assert_eq!(file.contents, object.yaml);
        }
        let k: serde_yaml::Value = serde_yaml::from_str(&files[files.len() - 2].contents).unwrap();
        // A Gateway written into another namespace keeps it: every object names its own then.
        let elsewhere =
            spec.route.writes_gateway() && spec.route.gateway_elsewhere(&spec).is_some();
        assert_eq!(
            k["namespace"].as_str(),
            spec.namespace().filter(|_| !elsewhere)
        );
        assert_eq!(
            k["resources"].as_sequence().unwrap().len(),
            rendered.files.len()
        );
        let readme = &files[files.len() - 1].contents;
        // The README applies the folder it sits in, never files one by one (the user unpacked a folder).
        assert!(readme.contains("kubectl apply -k"), "{readme}");
        for file in &rendered.files {
            assert!(!readme.contains(&format!("-f {}", file.name)), "{readme}");
        }
        assert!(readme.contains("where its Dockerfile is"), "{readme}");

        let bytes = export::zip("app", &files).unwrap();
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        assert_eq!(
            bytes,
            export::zip("app", &files).unwrap(),
            "same spec, same bytes"
        );
    }
}

#[test]
fn the_chart_lifts_the_forms_values_and_escapes_user_braces() {
    let mut spec = crate::util::article_with_typed_url();
    spec.env
        .push(EnvEntry::new("GREETING", "{{ .Values.oops }}"));
    spec.env.push(EnvEntry::new("odd.key-name", "x"));
    let files = helm::chart(&spec);
    let file = |p: &str| files.iter().find(|f| f.path == p).unwrap().contents.clone();
    let paths: Vec<_> = files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "Chart.yaml",
            "values.yaml",
            "templates/serviceaccount.yaml",
            "templates/configmap.yaml",
            "templates/secret.yaml",
            "templates/job-migration.yaml",
            "templates/deployment.yaml",
            "templates/service.yaml",
            "templates/configmap-hook.yaml",
            "templates/secret-hook.yaml",
            "README.md"
        ]
    );
    let values: serde_yaml::Value = serde_yaml::from_str(&file("values.yaml")).unwrap();
    assert_eq!(values["replicaCount"].as_i64(), Some(1));
    assert_eq!(values["image"]["repository"].as_str(), Some("kube-native"));
    assert_eq!(
        values["env"]["GREETING"].as_str(),
        Some("{{ .Values.oops }}")
    );
    assert_eq!(values["secrets"]["ERLANG_COOKIE"].as_str(), Some("cookie"));
    let configmap = file("templates/configmap.yaml");
    assert!(
        configmap.contains("  GREETING: {{ .Values.env.GREETING | quote }}\n"),
        "{configmap}"
    );
    assert!(configmap
        .contains("  odd.key-name: {{ (index .Values \"env\" \"odd.key-name\") | quote }}\n"));
    // The ConfigMap belongs to the release; the migration hook reads a hook-scoped copy, made just
    // before it and deleted once the hooks succeeded.
    assert!(!configmap.contains("helm.sh/hook"), "{configmap}");
    let copy = file("templates/configmap-hook.yaml");
    assert!(copy.contains("  name: kube-native-env-hook\n"), "{copy}");
    assert!(
        copy.contains("helm.sh/hook: pre-install,pre-upgrade"),
        "{copy}"
    );
    assert!(copy.contains("helm.sh/hook-weight: '-5'"), "{copy}");
    assert!(
        copy.contains("helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded"),
        "{copy}"
    );
    assert!(copy.contains("  GREETING: {{ .Values.env.GREETING | quote }}\n"));
    let job = file("templates/job-migration.yaml");
    assert!(job.contains("name: kube-native-env-hook\n"), "{job}");
    assert!(job.contains("name: kube-native-env-secret-hook\n"), "{job}");
    // The pods roll when a value changes: Helm sums the rendered ConfigMap and (keyed) Secret.
    let deployment = file("templates/deployment.yaml");
    assert!(
        deployment.contains("checksum/config: {{ (include (print $.Template.BasePath \"/configmap.yaml\") .) | sha256sum }}"),
        "{deployment}"
    );
    assert!(job.contains("name: {{ print \"kube-native-migration-\" .Release.Revision | quote }}"));
    assert!(
        !files.iter().any(|f| f.contents.contains("KWHELMVALUE")),
        "every placeholder replaced"
    );
    // User text with braces in a literal part of a template is escaped.
    spec.jobs[0].args = vec!["{{ danger }}".into()];
    let job = helm::chart(&spec)
        .into_iter()
        .find(|f| f.path == "templates/job-migration.yaml")
        .unwrap();
    assert!(
        job.contents.contains("- '{{ \"{{\" }} danger }}'"),
        "{}",
        job.contents
    );
    // Without Jobs, no hook copies.
    spec.jobs.clear();
    assert!(!helm::chart(&spec)
        .iter()
        .any(|f| f.path.ends_with("-hook.yaml")));
}

#[test]
fn no_password_is_left_in_a_template_and_the_readmes_say_where_secrets_are() {
    use base64::Engine;
    for id in ["rails", "phoenix"] {
        // GIVEN a preset with a database (Bitnami's chart for rails, CloudNativePG for phoenix)
        let mut spec = kubewright::presets::Preset::find(id)
            .unwrap()
            .spec()
            .unwrap();
        spec.database.password = "pw-of-the-user".into();
        spec.database.admin_password = "admin-pw-of-the-user".into();
        let password = &spec.database.password;
        let encoded = base64::engine::general_purpose::STANDARD.encode(password);
        // WHEN it is exported as a chart
        let files = helm::chart(&spec);
        let file = |p: &str| files.iter().find(|f| f.path == p).unwrap().contents.clone();
        // THEN the database Secret's template reads the password from values.yaml
        let template = file("templates/database-secret.yaml");
        assert!(
            !template.contains(&encoded) && !template.contains(password.as_str()),
            "{template}"
        );
        assert!(
            template.contains(".Values.database.password | b64enc"),
            "{template}"
        );
        let values: serde_yaml::Value = serde_yaml::from_str(&file("values.yaml")).unwrap();
        assert_eq!(
            values["database"]["password"].as_str(),
            Some(password.as_str())
        );
        // AND the README says what must be installed first and where the secrets are
        let readme = file("README.md");
        assert!(readme.contains("## Before installing"), "{readme}");
        assert!(
            readme.contains("database passwords under\n`database`"),
            "{readme}"
        );
        // AND the zip's README names both files that hold secret values
        let bundle = kustomize::bundle(&spec);
        let readme = &bundle
            .iter()
            .find(|f| f.path.ends_with("README.md"))
            .unwrap()
            .contents;
        assert!(
            readme.contains("`secret.yaml` and `database-secret.yaml` hold secret values"),
            "{readme}"
        );
    }
}

#[test]
fn the_charts_secret_checksum_is_keyed_like_the_pages() {
    let mut spec = kubewright::presets::Preset::find("phoenix-article")
        .unwrap()
        .spec()
        .unwrap();
    let files = helm::chart(&spec);
    let file = |files: &[export::ExportFile], p: &str| {
        files.iter().find(|f| f.path == p).unwrap().contents.clone()
    };
    // No key: no Secret checksum, as on the page.
    assert!(!file(&files, "templates/deployment.yaml").contains("checksum/secret"));
    spec.secret_options.checksum_key = "k3y".into();
    let files = helm::chart(&spec);
    let values: serde_yaml::Value = serde_yaml::from_str(&file(&files, "values.yaml")).unwrap();
    assert_eq!(values["checksumKey"].as_str(), Some("k3y"));
    let deployment = file(&files, "templates/deployment.yaml");
    assert!(
        deployment.contains("checksum/secret: {{ print .Values.checksumKey (include (print $.Template.BasePath \"/secret.yaml\") .) | sha256sum }}"),
        "{deployment}"
    );
}

#[test]
fn the_charts_init_container_images_are_values() {
    let mut spec = crate::util::preset("rails");
    assert!(spec.init.wait_for_database);
    spec.init.sidecars = vec![kubewright::spec::Sidecar {
        name: "log-shipper".into(),
        image: "fluent/fluent-bit:3.2".into(),
        ..Default::default()
    }];
    let files = helm::chart(&spec);
    let file = |path: &str| {
        files
            .iter()
            .find(|f| f.path == path)
            .unwrap_or_else(|| panic!("{path}"))
            .contents
            .clone()
    };
    let values: serde_yaml::Value = serde_yaml::from_str(&file("values.yaml")).unwrap();
    assert_eq!(
        values["waitForDatabase"]["image"].as_str(),
        Some(spec.init.wait_image.as_str())
    );
    assert_eq!(
        values["sidecars"]["log-shipper"]["image"].as_str(),
        Some("fluent/fluent-bit:3.2")
    );
    let deployment = file("templates/deployment.yaml");
    assert!(
        deployment.contains("image: {{ .Values.waitForDatabase.image | quote }}"),
        "{deployment}"
    );
    assert!(
        deployment.contains(
            "image: {{ (index .Values \"sidecars\" \"log-shipper\" \"image\") | quote }}"
        ),
        "{deployment}"
    );
    assert!(!deployment.contains("fluent/fluent-bit"), "{deployment}");
}
