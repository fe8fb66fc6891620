//! The command line: same core, same output, clear errors and exit codes.

use crate::util::{kubewright, kubewright_reading};

#[test]
fn render_prints_exactly_what_the_page_shows() {
    for preset in kubewright::presets::PRESETS {
        let (code, stdout, _) = kubewright(&["render", "--preset", preset.id]);
        assert_eq!(code, 0);
        assert_eq!(stdout, kubewright::render(&preset.spec().unwrap()).all);
        let (code, stdout, _) = kubewright(&["commands", "--preset", preset.id]);
        assert_eq!(code, 0);
        assert_eq!(
            stdout,
            kubewright::render(&preset.spec().unwrap()).commands_text()
        );
    }
}

#[test]
fn spec_output_renders_the_same_as_the_preset() {
    for preset in kubewright::presets::PRESETS {
        let (_, json, _) = kubewright(&["spec", "--preset", preset.id]);
        let path = std::env::temp_dir().join(format!(
            "kubewright-cli-{}-{}.json",
            preset.id,
            std::process::id()
        ));
        std::fs::write(&path, json).unwrap();
        let (code, from_file, _) = kubewright(&["render", "--spec", path.to_str().unwrap()]);
        std::fs::remove_file(&path).unwrap();
        assert_eq!(code, 0);
        // --spec FILE renders what the page shows for that spec.
        assert_eq!(from_file, kubewright::render(&preset.spec().unwrap()).all);
    }
}

#[test]
fn import_prints_a_spec_and_reports_on_stderr() {
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/compose.yml");
    let (code, stdout, stderr) = kubewright(&["import", fixture]);
    assert_eq!(code, 0, "{stderr}");
    let spec = kubewright::spec_from_json(&stdout).unwrap();
    assert_eq!(spec.app.name, "kube-native");
    assert!(
        stderr.contains("kubewright: adjusted: services.postgres (became the database"),
        "{stderr}"
    );
    let dir = std::env::temp_dir().join(format!("kubewright-cli-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.yaml");
    std::fs::write(&bad, "a: [1, 2\n").unwrap();
    let (code, _, stderr) = kubewright(&["import", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("line 2, column 1: not valid YAML"),
        "{stderr}"
    );
    // The manifests the page renders come back as the same spec.
    let yaml = dir.join("all.yaml");
    let (_, rendered, _) = kubewright(&["render", "--preset", "phoenix-article"]);
    std::fs::write(&yaml, &rendered).unwrap();
    let (code, json, _) = kubewright(&["import", yaml.to_str().unwrap()]);
    assert_eq!(code, 0);
    assert_eq!(
        kubewright::spec_from_json(&json).unwrap(),
        crate::util::manifest_part(
            kubewright::presets::Preset::find("phoenix-article")
                .unwrap()
                .spec()
                .unwrap()
        )
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn export_writes_the_zip_and_the_chart() {
    let dir = std::env::temp_dir().join(format!("kubewright-cli-export-{}", std::process::id()));
    let zip = dir.join("out.zip");
    std::fs::create_dir_all(&dir).unwrap();
    let (code, stdout, stderr) = kubewright(&[
        "export",
        "--preset",
        "web-app",
        "--zip",
        zip.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.starts_with("wrote "));
    let spec = kubewright::presets::PRESETS[0].spec().unwrap();
    let expected = kubewright::export::zip(
        &kubewright::export::folder_name(&spec),
        &kubewright::export::kustomize::bundle(&spec),
    )
    .unwrap();
    assert_eq!(
        std::fs::read(&zip).unwrap(),
        expected,
        "the page's zip, byte for byte"
    );
    let chart = dir.join("chart");
    let (code, stdout, _) = kubewright(&[
        "export",
        "--preset",
        "web-app",
        "--chart",
        chart.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(stdout.contains("/Chart.yaml\n"));
    assert!(chart.join("templates/deployment.yaml").exists());
    let (code, _, stderr) = kubewright(&["export", "--preset", "web-app", "--tar", "x"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Usage: kubewright export"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn bad_input_gets_a_clear_error_and_a_non_zero_exit() {
    let dir = std::env::temp_dir().join(format!("kubewright-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let cases: &[(&str, &str)] = &[
        ("not json at all", "is not a valid spec"),
        ("{\"app\": {\"nmae\": \"x\"}}", "unknown field `nmae`"),
        ("{\"app\": {\"replicas\": \"two\"}}", "invalid type"),
        (
            "{\"port\": {\"protocol\": \"HTTP\"}}",
            "unknown variant `HTTP`",
        ),
        ("[]", "is not a valid spec"),
    ];
    for (i, (content, message)) in cases.iter().enumerate() {
        let path = dir.join(format!("{i}.json"));
        std::fs::write(&path, content).unwrap();
        let (code, stdout, stderr) = kubewright(&["render", "--spec", path.to_str().unwrap()]);
        assert_eq!(code, 2, "{content}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(message), "{content}: {stderr}");
        assert!(!stderr.contains("panicked"));
    }
    let (code, _, stderr) = kubewright(&[
        "render",
        "--spec",
        dir.join("missing.json").to_str().unwrap(),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("cannot read"));
    let (code, _, stderr) = kubewright(&["render", "--preset", "nope"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown preset \"nope\"; choose one of: web-app, phoenix, rails, django, phoenix-article"),
        "{stderr}"
    );
    let (code, _, stderr) = kubewright(&["frobnicate"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("Usage: kubewright"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_spec_file_may_leave_out_what_it_does_not_change() {
    let path = std::env::temp_dir().join(format!("kubewright-cli-min-{}.json", std::process::id()));
    std::fs::write(&path, "{\"app\": {\"name\": \"shop\"}}").unwrap();
    let (code, stdout, _) = kubewright(&["render", "--spec", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 0);
    assert!(stdout.contains("name: shop\n"));
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/seal/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn render_seals_with_a_certificate_in_each_scope() {
    let cert = fixture("cert.pem");
    for (scope, annotation) in [
        ("strict", None),
        (
            "namespace-wide",
            Some("sealedsecrets.bitnami.com/namespace-wide: 'true'"),
        ),
        (
            "cluster-wide",
            Some("sealedsecrets.bitnami.com/cluster-wide: 'true'"),
        ),
    ] {
        let (code, yaml, stderr) = kubewright(&[
            "render",
            "--preset",
            "phoenix-article",
            "--seal-cert",
            &cert,
            "--seal-scope",
            scope,
        ]);
        assert_eq!(code, 0, "{stderr}");
        assert!(yaml.contains("\nkind: SealedSecret\n"), "{yaml}");
        assert!(!yaml.contains("\nkind: Secret\n"));
        assert_eq!(
            yaml.contains("sealedsecrets.bitnami.com/"),
            annotation.is_some()
        );
        if let Some(annotation) = annotation {
            assert!(yaml.contains(annotation));
        }
    }
    // Without --seal-scope: strict, as kubeseal.
    let (code, yaml, _) = kubewright(&["render", "--preset", "web-app", "--seal-cert", &cert]);
    assert_eq!(code, 0);
    assert!(yaml.contains("kind: SealedSecret") && !yaml.contains("sealedsecrets.bitnami.com/"));
    let (code, commands, _) = kubewright(&[
        "commands",
        "--preset",
        "phoenix-article",
        "--seal-cert",
        &cert,
    ]);
    assert_eq!(code, 0);
    assert!(commands.contains("-f sealedsecret.yaml"), "{commands}");
}

#[test]
fn sealing_problems_get_a_clear_error_and_exit_2() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["--seal-cert", &fixture("ec-cert.pem")],
            "cannot seal: This certificate holds an elliptic-curve (EC) key",
        ),
        (
            &["--seal-cert", &fixture("rsa1024-cert.pem")],
            "only 1024 bits",
        ),
        (
            &["--seal-cert", "/nonexistent/cert.pem"],
            "cannot read /nonexistent/cert.pem",
        ),
        (
            &["--seal-cert", &fixture("README.md")],
            "This is not a PEM certificate",
        ),
        (
            &["--seal-cert", &fixture("cert.pem"), "--seal-scope", "wide"],
            "unknown seal scope \"wide\"",
        ),
        (
            &["--seal-scope", "strict"],
            "--seal-scope needs --seal-cert",
        ),
        (
            &["--seal-cert"],
            "a value is required for '--seal-cert <CERT.pem>'",
        ),
    ];
    for (extra, message) in cases {
        let mut args = vec!["render", "--preset", "phoenix-article"];
        args.extend_from_slice(extra);
        let (code, stdout, stderr) = kubewright(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(stdout.is_empty());
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn check_prints_one_line_per_issue_and_exits_1_only_on_errors() {
    // A preset with its secrets filled in has warnings only: exit 0, every line
    // "warning <path>: <message>".
    let article = kubewright::spec_to_json(&crate::util::article());
    let (code, stdout, _) = kubewright_reading(&["check", "--spec", "-"], &article);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("warning image.tag: "), "{stdout}");
    assert!(stdout
        .lines()
        .all(|l| l.starts_with("warning ") && l.contains(": ")));
    // A preset leaves the user's own secret empty: that is its one error. It has no checksum key
    // yet either (the page adds one when a secret is edited): one warning.
    let (code, stdout, _) = kubewright(&["check", "--preset", "web-app"]);
    assert_eq!(code, 1, "{stdout}");
    let lines: Vec<_> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].starts_with("error secrets[0].value: Required: DATABASE_URL"),
        "{stdout}"
    );
    assert!(
        lines[1].starts_with("warning secret_options.checksum_key: "),
        "{stdout}"
    );
    // Filled in, and with a key: nothing.
    let (_, json, _) = kubewright(&["spec", "--preset", "web-app"]);
    let mut spec: serde_json::Value = serde_json::from_str(&json).unwrap();
    spec["secrets"][0]["value"] = "postgres://web:s3cret@db.example.com:5432/web".into();
    spec["secret_options"]["checksum_key"] = "a-random-key".into();
    let (code, stdout, _) = kubewright_reading(&["check", "--spec", "-"], &spec.to_string());
    assert_eq!((code, stdout.as_str()), (0, ""));
    // Errors: exit 1, errors first, with the field path the form uses.
    let path = std::env::temp_dir().join(format!("kubewright-check-{}.json", std::process::id()));
    std::fs::write(
        &path,
        r#"{"app": {"name": "My_App", "max_surge": "0", "max_unavailable": "0"},
            "resources": {"requests": {"memory": "256MB"}}}"#,
    )
    .unwrap();
    let (code, stdout, _) = kubewright(&["check", "--spec", path.to_str().unwrap()]);
    assert_eq!(code, 1, "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("error app.name: "), "{stdout}");
    assert!(stdout.contains("\nerror app.max_unavailable: maxSurge and maxUnavailable are both 0"));
    assert!(stdout.contains("\nerror resources.requests.memory: 'MB' is not a unit"));
    assert!(stdout.contains("\nwarning "));
    // An unreadable spec is an error too.
    std::fs::write(&path, "{\"app\": {\"nmae\": 1}}").unwrap();
    let (code, stdout, _) = kubewright(&["check", "--spec", path.to_str().unwrap()]);
    std::fs::remove_file(&path).unwrap();
    assert_eq!(code, 1);
    assert!(stdout.starts_with("error spec: "), "{stdout}");
    // No spec at all: usage, exit 2.
    let (code, _, _) = kubewright(&["check"]);
    assert_eq!(code, 2);
}

#[test]
fn a_dash_reads_the_spec_or_the_manifests_from_standard_input() {
    let preset = kubewright::presets::Preset::find("phoenix-article").unwrap();
    let (_, json, _) = kubewright(&["spec", "--preset", preset.id]);
    let expected = kubewright::render(&preset.spec().unwrap());
    let (code, yaml, stderr) = kubewright_reading(&["render", "--spec", "-"], &json);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(yaml, expected.all);
    let (code, commands, _) = kubewright_reading(&["commands", "--spec", "-"], &json);
    assert_eq!((code, commands), (0, expected.commands_text()));
    // A pipeline: manifests in, the same spec out.
    let (code, back, _) = kubewright_reading(&["import", "-"], &yaml);
    assert_eq!(code, 0);
    assert_eq!(
        kubewright::spec_from_json(&back).unwrap(),
        crate::util::manifest_part(preset.spec().unwrap())
    );
    // Standard input is named as such when it is not a spec.
    let (code, stdout, stderr) = kubewright_reading(&["render", "--spec", "-"], "nope");
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(
        stderr.contains("kubewright: standard input is not a valid spec"),
        "{stderr}"
    );
    let (code, stdout, _) = kubewright_reading(&["check", "--spec", "-"], "[]");
    assert_eq!(code, 1);
    assert!(
        stdout.starts_with("error spec: standard input is not a valid spec"),
        "{stdout}"
    );
}

#[test]
fn render_out_writes_one_file_per_object_with_the_page_s_names() {
    let dir = std::env::temp_dir().join(format!("kubewright-cli-out-{}", std::process::id()));
    // A folder that does not exist yet, two levels deep.
    let out = dir.join("manifests/web");
    for preset in kubewright::presets::PRESETS {
        let rendered = kubewright::render(&preset.spec().unwrap());
        let (code, stdout, stderr) = kubewright(&[
            "render",
            "--preset",
            preset.id,
            "--out",
            out.to_str().unwrap(),
        ]);
        assert_eq!(code, 0, "{stderr}");
        let listed: Vec<String> = rendered
            .files
            .iter()
            .map(|f| format!("{}/{}\n", out.display(), f.name))
            .collect();
        assert_eq!(stdout, listed.concat());
        for file in &rendered.files {
            assert_eq!(
                std::fs::read_to_string(out.join(&file.name)).unwrap(),
                file.yaml,
                "{}",
                file.name
            );
        }
        std::fs::remove_dir_all(&out).unwrap();
    }
    // A name from the spec never reaches outside the folder, and nothing is written then.
    let (code, stdout, stderr) = kubewright_reading(
        &["render", "--spec", "-", "--out", out.to_str().unwrap()],
        r#"{"jobs": [{"name": "../../../escaped"}]}"#,
    );
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("not a plain file name"), "{stderr}");
    assert!(!out.exists() && !dir.join("escaped.yaml").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_subcommand_has_its_help_and_the_binary_a_version() {
    for command in [
        "render", "commands", "spec", "presets", "check", "rules", "import", "export",
    ] {
        let (code, stdout, stderr) = kubewright(&[command, "--help"]);
        assert_eq!(code, 0, "{command}: {stderr}");
        assert!(
            stdout.contains(&format!("Usage: kubewright {command}")),
            "{command}: {stdout}"
        );
    }
    let (_, help, _) = kubewright(&["render", "--help"]);
    for flag in [
        "--preset",
        "--spec",
        "--out",
        "--seal-cert",
        "--seal-scope",
        "--include-kept",
    ] {
        assert!(help.contains(flag), "{flag}: {help}");
    }
    let (code, stdout, _) = kubewright(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        format!("kubewright {}\n", env!("CARGO_PKG_VERSION"))
    );
    // No command at all: the help, on stderr, and exit 2.
    let (code, stdout, stderr) = kubewright(&[]);
    assert_eq!(code, 2);
    assert!(stdout.is_empty());
    assert!(stderr.contains("Usage: kubewright <COMMAND>"), "{stderr}");
}
