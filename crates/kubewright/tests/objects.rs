//! Spec -> objects, one behaviour per test, GIVEN / WHEN / THEN.

use kubewright::spec::*;
use kubewright::AppSpec;

fn article() -> AppSpec {
    crate::util::article_with_typed_url()
}

fn yaml(spec: &AppSpec) -> String {
    kubewright::render(spec).all
}

#[test]
fn no_env_means_no_config_map_and_no_env_from() {
    // GIVEN a spec without env or secrets
    let mut spec = article();
    spec.env.clear();
    spec.secrets.clear();
    // WHEN rendered
    let rendered = kubewright::render(&spec);
    // THEN neither object nor reference is emitted
    let names: Vec<&str> = rendered.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "namespace.yaml",
            "serviceaccount.yaml",
            "job-migration.yaml",
            "deployment.yaml",
            "service.yaml"
        ]
    );
    assert!(!rendered.all.contains("envFrom"));
}

#[test]
fn config_map_values_that_yaml_would_read_as_other_types_are_quoted() {
    let mut spec = article();
    spec.env = [
        "4000", "true", "yes", "on", "n", "~", "1_000", "0x10", "1e3", "plain",
    ]
    .iter()
    .enumerate()
    .map(|(i, v)| EnvEntry::new(&format!("V{i}"), v))
    .collect();
    let yaml = yaml(&spec);
    for (i, v) in [
        "'4000'", "'true'", "'yes'", "'on'", "'n'", "'~'", "'1_000'", "'0x10'", "'1e3'", "plain",
    ]
    .iter()
    .enumerate()
    {
        assert!(
            yaml.contains(&format!("  V{i}: {v}\n")),
            "V{i} should be {v}:\n{yaml}"
        );
    }
}

#[test]
fn secret_data_is_standard_base64_of_the_utf8_bytes() {
    let mut spec = article();
    spec.secrets = vec![
        EnvEntry::new("A", "cookie"),
        EnvEntry::new("B", "é🦀"),
        EnvEntry::new("C", ""),
    ];
    let yaml = yaml(&spec);
    assert!(yaml.contains("  A: Y29va2ll\n"));
    assert!(yaml.contains("  B: w6nwn6aA\n"));
    assert!(yaml.contains("  C: ''\n"));
}

#[test]
fn duplicate_keys_are_shown_not_dropped() {
    // GIVEN two env entries with the same name
    let mut spec = article();
    spec.env = vec![EnvEntry::new("PORT", "1"), EnvEntry::new("PORT", "2")];
    // THEN both are in the YAML, where the user sees the clash (validation reports it)
    let yaml = yaml(&spec);
    assert!(yaml.contains("  PORT: '1'\n  PORT: '2'\n"), "{yaml}");
}

#[test]
fn headless_service_has_cluster_ip_none_and_no_node_port() {
    let mut spec = article();
    spec.service = Service {
        kind: ServiceType::Headless,
        port: 80,
        node_port: Some(30080),
    };
    let service = &kubewright::render(&spec)
        .files
        .iter()
        .find(|f| f.kind == "Service")
        .unwrap()
        .yaml
        .clone();
    assert!(
        service.contains("  type: ClusterIP\n  clusterIP: None\n"),
        "{service}"
    );
    assert!(!service.contains("nodePort"));
}

#[test]
fn node_port_is_emitted_only_for_types_that_have_one() {
    for (kind, expected) in [
        (ServiceType::NodePort, true),
        (ServiceType::LoadBalancer, true),
        (ServiceType::ClusterIp, false),
        (ServiceType::Headless, false),
    ] {
        let mut spec = article();
        spec.service = Service {
            kind,
            port: 80,
            node_port: Some(30080),
        };
        assert_eq!(
            yaml(&spec).contains("nodePort: 30080"),
            expected,
            "{kind:?}"
        );
    }
}

#[test]
fn rolling_update_takes_numbers_and_percentages_and_keeps_anything_else_visible() {
    let mut spec = article();
    spec.app.max_surge = "2".into();
    spec.app.max_unavailable = "25%".into();
    assert!(yaml(&spec).contains("maxSurge: 2\n      maxUnavailable: 25%\n"));
    spec.app.max_surge = "lots".into();
    assert!(yaml(&spec).contains("maxSurge: lots\n"));
}

#[test]
fn job_name_changes_per_run_and_job_may_override_pull_policy() {
    let mut spec = article();
    spec.jobs[0].run = 7;
    let rendered = kubewright::render(&spec);
    let job = rendered.files.iter().find(|f| f.kind == "Job").unwrap();
    assert_eq!(job.object_name, "kube-native-migration-7");
    assert_eq!(job.name, "job-migration.yaml");
    assert!(job.yaml.contains("imagePullPolicy: IfNotPresent"));
    assert!(job.yaml.contains("restartPolicy: OnFailure"));
    assert!(!job.yaml.contains("Probe"), "a Job has no probes");
    assert!(!job.yaml.contains("ports"), "a Job exposes no ports");
}

#[test]
fn probes_emit_only_the_timings_the_user_set() {
    let mut spec = article();
    spec.probes.startup = Probe {
        action: ProbeAction::TcpSocket {
            port: "4000".into(),
        },
        failure_threshold: Some(30),
        ..Probe::default()
    };
    let yaml = yaml(&spec);
    assert!(yaml.contains("startupProbe:\n          tcpSocket:\n            port: 4000\n          failureThreshold: 30\n"), "{yaml}");
}

#[test]
fn an_empty_namespace_means_no_namespace_object_and_no_namespace_flags() {
    let mut spec = article();
    spec.app.namespace.clear();
    let rendered = kubewright::render(&spec);
    assert!(rendered.files.iter().all(|f| f.kind != "Namespace"));
    assert!(!rendered.all.contains("namespace:"));
    assert!(!rendered.commands_text().contains(" -n "));
}

#[test]
fn commands_apply_in_dependency_order_and_create_jobs() {
    let lines: Vec<String> = kubewright::render(&article())
        .commands
        .into_iter()
        .map(|c| c.line)
        .collect();
    let expected = [
        "eval $(minikube docker-env)",
        "docker build -t kube-native:latest .",
        "kubectl apply -f namespace.yaml",
        "kubectl apply -n kube-native -f serviceaccount.yaml",
        "kubectl apply -n kube-native -f configmap.yaml",
        "kubectl apply -n kube-native -f secret.yaml",
        // Migrations before the new code (the Deployment).
        "kubectl create -n kube-native -f job-migration.yaml",
        "kubectl wait -n kube-native --for=condition=complete job/kube-native-migration-0 --timeout=10m",
        "kubectl apply -n kube-native -f deployment.yaml",
        "kubectl apply -n kube-native -f service.yaml",
        "kubectl rollout status -n kube-native deployment/kube-native",
        "minikube service -n kube-native kube-native --url",
    ];
    assert_eq!(lines, expected);
}

#[test]
fn how_to_reach_the_app_follows_the_service_type() {
    for (kind, expected) in [
        (
            ServiceType::NodePort,
            "minikube service -n kube-native kube-native --url",
        ),
        (
            ServiceType::ClusterIp,
            "kubectl port-forward -n kube-native service/kube-native 8080:80",
        ),
        (
            ServiceType::Headless,
            "kubectl port-forward -n kube-native deployment/kube-native 4000:4000",
        ),
        (
            ServiceType::LoadBalancer,
            "kubectl get service -n kube-native kube-native --watch",
        ),
    ] {
        let mut spec = article();
        spec.service.kind = kind;
        assert_eq!(
            kubewright::render(&spec).commands.last().unwrap().line,
            expected
        );
    }
}

#[test]
fn user_text_in_commands_is_shell_quoted() {
    let mut spec = article();
    spec.app.name = "a b$(rm -rf x)".into();
    let text = kubewright::render(&spec).commands_text();
    assert!(text.contains("'deployment/a b$(rm -rf x)'"), "{text}");
}

#[test]
fn a_registry_image_is_pushed_not_built_in_minikube() {
    // GIVEN the article's Minikube app switched to a real cluster
    let mut spec = article();
    spec.set_target(Target::Cluster);
    spec.image = Image {
        repository: "ghcr.io/acme/web".into(),
        tag: "1.2.3".into(),
        pull_policy: PullPolicy::IfNotPresent,
        ..Image::default()
    };
    let text = kubewright::render(&spec).commands_text();
    assert!(!text.contains("minikube docker-env"));
    assert!(text.contains("docker build -t ghcr.io/acme/web:1.2.3 .\n"));
    assert!(text.contains("docker push ghcr.io/acme/web:1.2.3\n"));
}

#[test]
fn the_article_preset_is_the_article_with_its_defects_fixed() {
    let yaml = yaml(&article());
    assert!(
        yaml.contains("apiVersion: apps/v1\nkind: Deployment"),
        "not apps/v1beta2"
    );
    // data is top-level, not under labels
    assert!(yaml.contains("    app: kube-native\ndata:\n  HOSTNAME: localhost\n  PORT: '4000'\n  REPLACE_OS_VARS: 'true'\n"));
    assert!(yaml.contains("  ERLANG_COOKIE: Y29va2ll\n"));
    assert!(yaml.contains("maxSurge: 10%\n      maxUnavailable: 0\n"));
    assert!(yaml.contains("name: kube-native-migration-0\n"));
}

#[test]
fn no_command_ever_contains_a_secret_value() {
    // GIVEN every preset with distinctive secret values (and a secret named like other fields)
    for preset in kubewright::presets::PRESETS {
        let mut spec = preset.spec().unwrap();
        spec.secrets
            .push(EnvEntry::new("EXTRA", "kw-secret-sentinel-2"));
        for (i, secret) in spec.secrets.iter_mut().enumerate() {
            secret.value = format!("kw-secret-sentinel-{i}");
        }
        // WHEN the commands are rendered
        let text = kubewright::render(&spec).commands_text();
        // THEN none of the values appears, in any form
        for secret in &spec.secrets {
            assert!(
                !text.contains(&secret.value),
                "{}: {}",
                preset.id,
                secret.value
            );
        }
        assert!(
            !text.contains("--from-literal") && !text.contains("base64"),
            "{text}"
        );
    }
}

#[test]
fn job_pods_are_not_selected_by_the_app_service() {
    // GIVEN the article's app with its migration Job
    let rendered = kubewright::render(&article());
    let job = &rendered
        .files
        .iter()
        .find(|f| f.kind == "Job")
        .unwrap()
        .yaml;
    // THEN the Job object keeps the app label, but its pods carry their own
    assert!(job.contains("metadata:\n  name: kube-native-migration-0\n  namespace: kube-native\n  labels:\n    app: kube-native\n"));
    assert!(
        job.contains(
            "  template:\n    metadata:\n      labels:\n        app: kube-native-migration\n"
        ),
        "{job}"
    );
    let service = &rendered
        .files
        .iter()
        .find(|f| f.kind == "Service")
        .unwrap()
        .yaml;
    assert!(service.contains("  selector:\n    app: kube-native\n"));
}

#[test]
fn renaming_the_port_keeps_probes_pointing_at_it() {
    // GIVEN probes that refer to the port by name, and one by number
    let mut spec = article();
    spec.probes.startup.action = ProbeAction::TcpSocket {
        port: "4000".into(),
    };
    // WHEN the port is renamed
    spec.rename_port("web".into());
    // THEN named references follow, numeric ones stay
    assert_eq!(
        spec.probes.readiness.action,
        ProbeAction::HttpGet {
            path: "/".into(),
            port: "web".into()
        }
    );
    assert_eq!(
        spec.probes.startup.action,
        ProbeAction::TcpSocket {
            port: "4000".into()
        }
    );
    let yaml = yaml(&spec);
    assert!(yaml.contains("targetPort: web\n") && yaml.contains("port: web\n"));
    // and an unnamed port renames nothing
    spec.port.name.clear();
    spec.rename_port("x".into());
    assert_eq!(
        spec.probes.readiness.action,
        ProbeAction::HttpGet {
            path: "/".into(),
            port: "web".into()
        }
    );
}

#[test]
fn added_jobs_get_names_of_their_own() {
    let mut spec = article();
    spec.jobs.clear();
    let first = spec.new_job();
    assert_eq!(
        (first.name.as_str(), first.args.clone()),
        ("migrate", vec!["migrate".to_string()])
    );
    spec.jobs.push(first);
    for expected in ["job-2", "job-3"] {
        let job = spec.new_job();
        assert_eq!(job.name, expected);
        assert!(job.args.is_empty());
        spec.jobs.push(job);
    }
    spec.jobs.remove(1); // job-2 is free again
    assert_eq!(spec.new_job().name, "job-2");
}

#[test]
fn the_latest_tag_comes_with_a_restart_hint() {
    let mut spec = article();
    assert!(kubewright::render(&spec).commands[1]
        .comment
        .contains("rollout restart"));
    spec.image.tag = "1.2.3".into();
    assert!(!kubewright::render(&spec)
        .commands_text()
        .contains("rollout restart"));
}

#[test]
fn the_restricted_security_context_reaches_the_deployment_and_every_job() {
    // GIVEN the article app with the recommended settings for a release running as nobody
    let mut spec = article();
    spec.security = Security::restricted(Some(65534), "/tmp");
    // WHEN rendered
    let rendered = kubewright::render(&spec);
    // THEN the pod and container securityContexts and the tmp volume appear in the Deployment and Job
    for file in ["deployment.yaml", "job-migration.yaml"] {
        let text = &rendered.files.iter().find(|f| f.name == file).unwrap().yaml;
        for line in [
            "      securityContext:\n        runAsNonRoot: true\n        runAsUser: 65534\n        runAsGroup: 65534\n        seccompProfile:\n          type: RuntimeDefault\n",
            "        securityContext:\n          allowPrivilegeEscalation: false\n          readOnlyRootFilesystem: true\n          capabilities:\n            drop:\n            - ALL\n        volumeMounts:\n        - name: tmp\n          mountPath: /tmp\n",
            "      volumes:\n      - name: tmp\n        emptyDir: {}\n",
        ] {
            assert!(text.contains(line), "{file} lacks\n{line}\nin\n{text}");
        }
    }
}

#[test]
fn the_default_security_adds_nothing() {
    // GIVEN the default (all off) WHEN rendered THEN no securityContext or volume is emitted
    let text = yaml(&article());
    assert!(!text.contains("securityContext"));
    assert!(!text.contains("volumes"));
}

#[test]
fn a_digest_pins_the_image_after_the_tag() {
    let mut spec = article();
    spec.image.tag = "1.2.3".into();
    spec.image.digest = format!("sha256:{}", "a".repeat(64));
    assert!(yaml(&spec).contains(&format!(
        "image: kube-native:1.2.3@sha256:{}\n",
        "a".repeat(64)
    )));
}

#[test]
fn extra_labels_go_on_every_object_and_pod_but_never_into_selectors() {
    // GIVEN an extra label
    let mut spec = article();
    spec.app.labels = vec![Label::new("app.kubernetes.io/part-of", "shop")];
    // WHEN rendered
    let rendered = kubewright::render(&spec);
    // THEN every namespaced object and pod template carries it, after the app label
    let deployment = &rendered
        .files
        .iter()
        .find(|f| f.name == "deployment.yaml")
        .unwrap()
        .yaml;
    assert_eq!(
        deployment
            .matches("    app: kube-native\n    app.kubernetes.io/part-of: shop\n")
            .count(),
        1,
        "object metadata\n{deployment}"
    );
    assert!(
        deployment.contains("  selector:\n    matchLabels:\n      app: kube-native\n  strategy:")
    );
    assert!(deployment.contains(
        "      labels:\n        app: kube-native\n        app.kubernetes.io/part-of: shop\n"
    ));
    let service = &rendered
        .files
        .iter()
        .find(|f| f.name == "service.yaml")
        .unwrap()
        .yaml;
    assert!(
        service.contains("  selector:\n    app: kube-native\n  ports:"),
        "{service}"
    );
    let job = &rendered
        .files
        .iter()
        .find(|f| f.name == "job-migration.yaml")
        .unwrap()
        .yaml;
    assert!(
        job.contains(
            "        app: kube-native-migration\n        app.kubernetes.io/part-of: shop\n"
        ),
        "{job}"
    );
}
