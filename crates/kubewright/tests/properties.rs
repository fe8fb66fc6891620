//! Property tests: whatever the user types, the renderer does not panic, and every value reads back
//! from the YAML exactly as typed.

use base64::Engine;
use kubewright::spec::VolumeKind;
use kubewright::testgen::{any_spec, valid_spec};
use kubewright::AppSpec;
use proptest::prelude::*;
use serde_yaml::Value;

use crate::util::documents;

fn find<'a>(docs: &'a [Value], kind: &str) -> Option<&'a Value> {
    docs.iter().find(|d| d["kind"].as_str() == Some(kind))
}

fn string_map(value: &Value) -> Vec<(String, String)> {
    value
        .as_mapping()
        .map(|m| {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.as_str().unwrap().to_string(),
                        v.as_str().unwrap().to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Every user value is found in the parsed YAML, byte for byte.
fn assert_reads_back(spec: &AppSpec) {
    let rendered = kubewright::render(spec);
    let docs = documents(&rendered.all);
    // The per-file YAML is the same objects as the stream.
    let files: Vec<Value> = rendered
        .files
        .iter()
        .flat_map(|f| documents(&f.yaml))
        .collect();
    assert_eq!(files, docs);

    let deployment = find(&docs, "Deployment").expect("a Deployment");
    assert_eq!(
        deployment["metadata"]["name"].as_str(),
        Some(spec.app.name.as_str())
    );
    // With an autoscaler the Deployment has no count of its own; the autoscaler has the bounds.
    let replicas = (!spec.autoscaling.enabled).then_some(spec.app.replicas);
    assert_eq!(deployment["spec"]["replicas"].as_i64(), replicas);
    let hpa = find(&docs, "HorizontalPodAutoscaler");
    assert_eq!(hpa.is_some(), spec.autoscaling.enabled);
    if let Some(hpa) = hpa {
        let a = &spec.autoscaling;
        assert_eq!(hpa["spec"]["minReplicas"].as_i64(), Some(a.min_replicas));
        assert_eq!(hpa["spec"]["maxReplicas"].as_i64(), Some(a.max_replicas));
        let target = &hpa["spec"]["metrics"][0]["resource"]["target"]["averageUtilization"];
        assert_eq!(target.as_i64(), Some(a.cpu_utilization));
        let window = &hpa["spec"]["behavior"]["scaleDown"]["stabilizationWindowSeconds"];
        assert_eq!(window.as_i64(), a.scale_down_stabilization_seconds);
    }
    let pdb = find(&docs, "PodDisruptionBudget");
    assert_eq!(pdb.is_some(), spec.disruption_budget.enabled);
    if let Some(pdb) = pdb {
        let budget = &spec.disruption_budget;
        let value = &pdb["spec"][budget.limit.as_str()];
        let written = value
            .as_str()
            .map(str::to_string)
            .or_else(|| value.as_i64().map(|n| n.to_string()));
        // A whole number is written as a number (`01` as 1), anything else as typed.
        let want = match kubewright::k8s::IntOrString::parse(&budget.value) {
            kubewright::k8s::IntOrString::Int(n) => n.to_string(),
            kubewright::k8s::IntOrString::String(s) => s,
        };
        assert_eq!(written, Some(want));
    }
    let container = &deployment["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(
        container["image"].as_str(),
        Some(spec.image.reference().as_str())
    );

    // The ConfigMap and the app's Secret hold the user's entries plus the derived ones.
    let env: Vec<(String, String)> = spec
        .config_map_entries()
        .iter()
        .map(|e| (e.name.clone(), e.value.clone()))
        .collect();
    let app_config_map = docs.iter().find(|d| {
        d["kind"] == "ConfigMap" && d["metadata"]["name"] == spec.config_map_name().as_str()
    });
    match app_config_map {
        Some(cm) => assert_eq!(string_map(&cm["data"]), env),
        None => assert!(env.is_empty()),
    }
    volumes_read_back(spec, &docs);
    let secrets: Vec<(String, String)> = spec
        .secret_entries()
        .iter()
        .map(|e| (e.name.clone(), e.value.clone()))
        .collect();
    let app_secret = docs
        .iter()
        .find(|d| d["kind"] == "Secret" && d["metadata"]["name"] == spec.secret_name().as_str());
    match app_secret {
        // stringData holds the values as they are; data holds them base64-encoded.
        Some(secret) if spec.secret_options.string_data => {
            assert!(secret.get("data").is_none());
            assert_eq!(string_map(&secret["stringData"]), secrets);
        }
        Some(secret) => {
            assert!(secret.get("stringData").is_none());
            let decoded: Vec<(String, String)> = string_map(&secret["data"])
                .into_iter()
                .map(|(k, v)| {
                    let bytes = base64::engine::general_purpose::STANDARD
                        .decode(v)
                        .expect("valid base64");
                    (k, String::from_utf8(bytes).expect("UTF-8"))
                })
                .collect();
            assert_eq!(decoded, secrets);
        }
        None => assert!(secrets.is_empty()),
    }
    let jobs: Vec<&Value> = docs
        .iter()
        .filter(|d| d["kind"].as_str() == Some("Job"))
        .collect();
    assert_eq!(jobs.len(), spec.jobs.len());
    for (doc, job) in jobs.iter().zip(&spec.jobs) {
        let args: Vec<String> = doc["spec"]["template"]["spec"]["containers"][0]["args"]
            .as_sequence()
            .map(|s| s.iter().map(|a| a.as_str().unwrap().to_string()).collect())
            .unwrap_or_default();
        assert_eq!(args, job.args);
    }
}

// Every claim holds its size, mode and class; every files volume's object holds its files as
// typed; the pod mounts every volume at its path.
fn volumes_read_back(spec: &AppSpec, docs: &[Value]) {
    let named = |kind: &str, name: &str| {
        docs.iter()
            .find(|d| d["kind"] == kind && d["metadata"]["name"] == name)
    };
    let deployment = find(docs, "Deployment").expect("a Deployment");
    let mounts = &deployment["spec"]["template"]["spec"]["containers"][0]["volumeMounts"];
    for (i, volume) in spec.volumes.iter().enumerate() {
        // A repeated name is an error of its own; its objects would be the first one's.
        if spec.volumes[..i].iter().any(|v| v.name == volume.name) {
            continue;
        }
        let object = spec.volume_object_name(volume);
        let mounted = mounts.as_sequence().is_some_and(|m| {
            m.iter().any(|m| {
                m["name"] == volume.name.as_str() && m["mountPath"] == volume.mount_path.as_str()
            })
        });
        assert!(
            mounted,
            "{} is mounted at {:?}",
            volume.name, volume.mount_path
        );
        let files: Vec<(String, String)> = volume
            .files
            .iter()
            .map(|f| (f.name.clone(), f.content.clone()))
            .collect();
        match volume.kind {
            VolumeKind::Claim => {
                let pvc = named("PersistentVolumeClaim", &object).expect("the claim");
                assert_eq!(
                    pvc["spec"]["resources"]["requests"]["storage"].as_str(),
                    Some(volume.size.as_str())
                );
                assert_eq!(
                    pvc["spec"]["accessModes"][0].as_str(),
                    Some(volume.access_mode.as_str())
                );
            }
            VolumeKind::ConfigFiles => {
                let cm = named("ConfigMap", &object).expect("the files' ConfigMap");
                assert_eq!(string_map(&cm["data"]), files);
            }
            VolumeKind::SecretFiles if !spec.secret_options.seal.enabled() => {
                let secret = named("Secret", &object).expect("the files' Secret");
                let data = if spec.secret_options.string_data {
                    string_map(&secret["stringData"])
                } else {
                    string_map(&secret["data"])
                        .into_iter()
                        .map(|(k, v)| {
                            let bytes = base64::engine::general_purpose::STANDARD
                                .decode(v)
                                .expect("valid base64");
                            (k, String::from_utf8(bytes).expect("UTF-8"))
                        })
                        .collect()
                };
                assert_eq!(data, files);
            }
            _ => {}
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// GIVEN any spec at all WHEN it is rendered THEN nothing panics and every value reads back.
    #[test]
    fn arbitrary_specs_render_and_read_back(spec in any_spec()) {
        assert_reads_back(&spec);
        let rendered = kubewright::render(&spec);
        let _ = rendered.commands_text();
        // The page's whole stream is its files joined: the same text as one serde_yaml stream.
        prop_assert_eq!(&rendered.all, &kubewright::render::render_yaml(&spec));
    }

    /// GIVEN a spec the API server would accept WHEN it is rendered THEN every value reads back.
    #[test]
    fn valid_specs_read_back(spec in valid_spec()) {
        assert_reads_back(&spec);
    }

    /// GIVEN a spec the API server would accept (the same generator feeds the external validators)
    /// WHEN it is validated THEN validation agrees: no error.
    #[test]
    fn validation_agrees_that_valid_specs_are_valid(spec in valid_spec()) {
        let errors: Vec<_> = kubewright::validate::validate(&spec)
            .into_iter()
            .filter(|i| i.severity == kubewright::validate::Severity::Error)
            .collect();
        prop_assert!(errors.is_empty(), "{:?}", errors);
    }

    /// GIVEN any spec at all WHEN it is validated THEN nothing panics, and every issue names a path.
    #[test]
    fn validation_never_panics(spec in any_spec()) {
        for issue in kubewright::validate::validate(&spec) {
            prop_assert!(!issue.path.is_empty() && !issue.message.is_empty());
        }
    }

    /// GIVEN any spec WHEN it is written as a spec file and read again THEN it is the same spec.
    #[test]
    fn spec_files_round_trip(spec in any_spec()) {
        let json = kubewright::spec_to_json(&spec);
        prop_assert_eq!(kubewright::spec_from_json(&json).unwrap(), spec);
    }
}

/// Any YAML tree: scalars of every kind (YAML-special strings and secret-looking words among them),
/// lists and mappings, a few levels deep, with the keys kept objects are read by.
fn any_tree() -> impl Strategy<Value = Value> {
    let text = prop_oneof![
        Just("Secret".to_string()),
        Just("v1".to_string()),
        Just("PASSWORD".to_string()),
        Just("cluster-admin".to_string()),
        Just("postgres://u:pw@h/db".to_string()),
        Just("-----BEGIN PRIVATE KEY-----".to_string()),
        Just("yes".to_string()),
        Just("S\u{435}cret".to_string()),
        any::<String>(),
    ];
    let leaf = prop_oneof![
        text.clone().prop_map(Value::String),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| Value::Number(n.into())),
        Just(Value::Null),
    ];
    let key = prop_oneof![
        Just("kind"),
        Just("apiVersion"),
        Just("metadata"),
        Just("name"),
        Just("namespace"),
        Just("value"),
        Just("env"),
        Just("data"),
        Just("stringData"),
        Just("containers"),
        Just("items"),
        Just("securityContext"),
        Just("privileged"),
        Just("hostPath"),
        Just("volumes"),
        Just("roleRef"),
        Just("rules"),
        Just("verbs"),
        Just("image"),
    ];
    leaf.prop_recursive(5, 64, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Sequence),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|pairs| {
                Value::Mapping(pairs.into_iter().map(|(k, v)| (k.into(), v)).collect())
            }),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// GIVEN any trees as kept objects, from any origin WHEN they pass the gate and are reviewed,
    /// validated, rendered and stored THEN nothing panics, nothing from outside is included, and
    /// what would be stored holds no readable secret value.
    #[test]
    fn any_kept_object_passes_the_gate_without_panic_or_secret(
        trees in prop::collection::vec(any_tree(), 0..4),
        include in any::<bool>(),
    ) {
        use kubewright::kept::{self, Kept, Origin};
        let spec = AppSpec {
            extra: trees.into_iter().map(|object| Kept { include, object }).collect(),
            ..AppSpec::default()
        };
        for origin in [Origin::Link, Origin::SpecFile, Origin::Import, Origin::CommandLine] {
            let (admitted, _) = kept::admit(spec.clone(), origin);
            prop_assert!(admitted.extra.iter().all(|k| !k.include));
            let _ = kept::views(&admitted);
            let _ = kubewright::validate::validate(&admitted);
            let mut included = admitted.clone();
            for k in &mut included.extra {
                k.include = true;
            }
            let _ = kubewright::render(&included);
            let stored = included.without_secret_values();
            for k in &stored.extra {
                prop_assert!(kept::secret_values(&k.object).is_empty(), "{:?}", k.object);
            }
        }
    }
}
