//! How the app is reached and what it runs as: the ServiceAccount, and the article's database
//! installed the way the article did, end to end (spec -> YAML -> commands -> import).

use kubewright::import::{import, SplitRule};
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
