//! The volumes through the commands and the chart: the claim applied before the Deployment and
//! waited for only where its class binds at once; the chart keeps the claim on uninstall, lifts its
//! size into values.yaml and keeps the secret files' content out of the templates.

use kubewright::export::helm;
use kubewright::render::commands_text;
use kubewright::spec::{ConfigFile, Target, Volume, VolumeKind};
use kubewright::AppSpec;

use crate::util::preset;

fn with_volumes() -> AppSpec {
    let mut spec = preset("web-app");
    spec.volumes = vec![
        Volume {
            size: "5Gi".into(),
            ..Volume::default()
        },
        Volume {
            name: "certs".into(),
            kind: VolumeKind::SecretFiles,
            mount_path: "/etc/certs".into(),
            files: vec![ConfigFile {
                name: "tls.key".into(),
                content: "KEY-MATERIAL".into(),
            }],
            ..Volume::default()
        },
    ];
    spec.secret_options.checksum_key = "k".into();
    spec
}

#[test]
fn the_claim_comes_before_the_deployment_and_is_waited_for_on_minikube_only() {
    let mut spec = with_volumes();
    spec.set_target(Target::Minikube);
    let text = commands_text(&kubewright::render(&spec).commands);
    let claim = text.find("-f pvc-web-data.yaml").unwrap();
    assert!(claim < text.find("-f deployment.yaml").unwrap(), "{text}");
    assert!(
        text.contains("kubectl wait -n web '--for=jsonpath={.status.phase}=Bound' pvc/web-data"),
        "{text}"
    );
    assert!(
        !text.contains("KEY-MATERIAL"),
        "a secret file in the commands"
    );
    spec.set_target(Target::Cluster);
    let text = commands_text(&kubewright::render(&spec).commands);
    assert!(!text.contains("=Bound"), "{text}");
    assert!(text.contains("WaitForFirstConsumer"), "{text}");
    assert!(text.contains("kubectl get storageclass"), "{text}");
}

#[test]
fn the_chart_keeps_the_claim_and_lifts_its_size_and_the_secret_files() {
    let files = helm::chart(&with_volumes());
    let file = |p: &str| files.iter().find(|f| f.path == p).unwrap().contents.clone();
    let claim = file("templates/pvc-web-data.yaml");
    assert!(claim.contains("helm.sh/resource-policy: keep"), "{claim}");
    assert!(
        claim.contains("storage: {{ .Values.persistence.data.size | quote }}"),
        "{claim}"
    );
    let values: serde_yaml::Value = serde_yaml::from_str(&file("values.yaml")).unwrap();
    assert_eq!(values["persistence"]["data"]["size"].as_str(), Some("5Gi"));
    assert_eq!(
        values["web-certs"]["tls.key"].as_str(),
        Some("KEY-MATERIAL")
    );
    let secret = file("templates/secret-web-certs.yaml");
    assert!(
        !secret.contains("KEY-MATERIAL") && !secret.contains("S0VZLU1BVEVSSUFM"),
        "{secret}"
    );
    let deployment = file("templates/deployment.yaml");
    assert!(
        deployment.contains("checksum/secret-files: {{ print .Values.checksumKey (include"),
        "{deployment}"
    );
    assert!(file("README.md").contains("`helm uninstall`\nleaves them"));
}
