//! The wiring, in a real browser (headless Chromium through wasm-bindgen-test-runner): the form's
//! inputs reach the spec signal and the output panels show the core's render of it.
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
//!  cargo test -p kubewright-web --target wasm32-unknown-unknown --test web`

use kubewright::presets::Preset;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::*;

#[wasm_bindgen_test]
async fn the_first_preset_is_rendered_on_load() {
    let root = mount();
    leptos::task::tick().await;
    let expected = kubewright::render(&kubewright::presets::PRESETS[0].spec().unwrap());
    assert_eq!(text(&root, "yaml-all"), expected.all);
    // The all-documents view is shown: its commands apply manifests.yaml.
    assert_eq!(
        text(&root, "commands"),
        kubewright::render::commands_text(&expected.commands_all)
    );
}

#[wasm_bindgen_test]
async fn typing_the_app_name_rerenders_every_object() {
    let root = mount();
    leptos::task::tick().await;
    type_into(&find(&root, "app-name"), "shop").await;
    let yaml = text(&root, "yaml-all");
    assert!(
        yaml.contains("kind: Deployment\nmetadata:\n  name: shop\n"),
        "{yaml}"
    );
    assert!(yaml.contains("name: shop-env-secret\n"));
    assert!(text(&root, "commands").contains("deployment/shop"));
}

#[wasm_bindgen_test]
async fn choosing_a_preset_loads_it() {
    let root = mount();
    leptos::task::tick().await;
    let select: HtmlSelectElement = find(&root, "preset-select").unchecked_into();
    select.set_value("phoenix-article");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    leptos::task::tick().await;
    let article = kubewright::render(&Preset::find("phoenix-article").unwrap().spec().unwrap());
    assert_eq!(text(&root, "yaml-all"), article.all);
    // The rebuilt form's inputs get their values one tick later.
    leptos::task::tick().await;
    let name: HtmlInputElement = find(&root, "app-name").unchecked_into();
    assert_eq!(name.value(), "kube-native");
}

#[wasm_bindgen_test]
async fn env_rows_are_added_and_rendered_into_the_config_map() {
    let root = mount();
    leptos::task::tick().await;
    click(&root, "tab-env").await;
    let before = find_all(&root, "env-name").len();
    click(&root, "env-add").await;
    let names = find_all(&root, "env-name");
    assert_eq!(names.len(), before + 1);
    type_into(names.last().unwrap(), "FEATURE_X").await;
    type_into(find_all(&root, "env-value").last().unwrap(), "on").await;
    assert!(text(&root, "yaml-all").contains("  FEATURE_X: 'on'\n"));
}

#[wasm_bindgen_test]
async fn secret_values_are_masked_and_base64_encoded() {
    let root = mount();
    leptos::task::tick().await;
    click(&root, "tab-secrets").await;
    click(&root, "secret-add").await;
    type_into(find_all(&root, "secret-name").last().unwrap(), "API_TOKEN").await;
    let value = find_all(&root, "secret-value").pop().unwrap();
    assert_eq!(value.get_attribute("type").as_deref(), Some("password"));
    type_into(&value, "s3cr3t").await;
    let yaml = text(&root, "yaml-all");
    assert!(yaml.contains("  API_TOKEN: czNjcjN0\n"), "{yaml}");
    assert!(!yaml.contains("s3cr3t"));
    assert!(!text(&root, "commands").contains("s3cr3t"));
}

/// The first preset leaves its DATABASE_URL to the user (required): filled, the form is valid.
async fn fill_own_secrets(root: &web_sys::Element) {
    click(root, "tab-secrets").await;
    type_into(
        &find(root, "secret-value"),
        "postgres://web:pw@db.web.svc/web",
    )
    .await;
    click(root, "tab-app").await;
}

#[wasm_bindgen_test]
async fn text_that_is_not_a_number_is_reported_not_dropped() {
    let root = mount();
    leptos::task::tick().await;
    fill_own_secrets(&root).await;
    let replicas = find(&root, "app-replicas");
    type_into(&replicas, "abc").await;
    // Text the YAML cannot take makes the verdict "not valid" too, and copy asks.
    assert_eq!(text(&root, "not-valid"), "not valid: 1 error");
    click(&root, "copy-commands").await;
    assert!(text(&root, "confirm").contains("1 error"));
}

#[wasm_bindgen_test]
async fn text_that_is_not_a_number_is_reported_not_dropped_and_kept_apart() {
    let root = mount();
    leptos::task::tick().await;
    let replicas = find(&root, "app-replicas");
    type_into(&replicas, "abc").await;
    assert!(text(&root, "input-errors").contains("app.replicas"));
    assert!(
        text(&root, "yaml-all").contains("replicas: 2\n"),
        "keeps the last valid value"
    );
    type_into(&replicas, "5").await;
    assert!(root
        .query_selector("[data-testid='input-errors']")
        .unwrap()
        .is_none());
    assert!(text(&root, "yaml-all").contains("replicas: 5\n"));
}

#[wasm_bindgen_test]
async fn switching_a_probe_away_and_back_keeps_what_it_held() {
    let root = mount();
    leptos::task::tick().await;
    choose(&root, "preset-select", "phoenix-article").await;
    click(&root, "tab-probes").await;
    choose(&root, "probe-liveness-kind", "none").await;
    assert!(!text(&root, "yaml-all").contains("livenessProbe"));
    choose(&root, "probe-liveness-kind", "exec").await;
    let yaml = text(&root, "yaml-all");
    assert!(yaml.contains("livenessProbe:\n          exec:"), "{yaml}");
    // The re-created command input gets its value in the render effect of the next tick.
    leptos::task::tick().await;
    let command: HtmlInputElement = find(&root, "probe-liveness-command").unchecked_into();
    assert_eq!(command.value(), "/app/bin/kube_native_umbrella ping");
    assert!(
        text(&root, "yaml-all").contains("- /app/bin/kube_native_umbrella\n            - ping\n")
    );
}

#[wasm_bindgen_test]
async fn renaming_the_port_in_the_form_moves_the_probe_and_service_with_it() {
    let root = mount();
    leptos::task::tick().await;
    choose(&root, "preset-select", "phoenix-article").await;
    click(&root, "tab-port").await;
    type_into(&find(&root, "port-name"), "web").await;
    let yaml = text(&root, "yaml-all");
    assert!(
        yaml.contains("httpGet:\n            path: /\n            port: web\n"),
        "{yaml}"
    );
    assert!(yaml.contains("targetPort: web\n"));
}

#[wasm_bindgen_test]
fn a_panic_shows_a_banner_instead_of_a_dead_page() {
    // The hook itself cannot be exercised here (a panic ends the test), so check what it shows.
    kubewright_web::panic_banner::show("test panic at lib.rs:1");
    let document = web_sys::window().unwrap().document().unwrap();
    let banner = document
        .query_selector("[data-testid='panic-banner']")
        .unwrap()
        .expect("a banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    assert!(banner.text_content().unwrap().contains("Reload the page"));
    assert!(banner
        .text_content()
        .unwrap()
        .contains("test panic at lib.rs:1"));
    banner.remove();
}

#[wasm_bindgen_test]
async fn next_run_renames_the_job() {
    let root = mount();
    leptos::task::tick().await;
    click(&root, "tab-jobs").await;
    click(&root, "job-next-run").await;
    let yaml = text(&root, "yaml-all");
    assert!(yaml.contains("name: web-migrate-1\n"), "{yaml}");
    assert!(text(&root, "commands").contains("job/web-migrate-1 "));
}

#[wasm_bindgen_test]
async fn an_invalid_name_gets_a_message_beside_it_and_the_yaml_still_renders() {
    let root = mount();
    leptos::task::tick().await;
    fill_own_secrets(&root).await;
    assert!(find_all(&root, "not-valid").is_empty());
    type_into(&find(&root, "app-name"), "My_App").await;
    // The message sits in the field's own label, next to the box.
    let field = find(&root, "app-name").parent_element().unwrap();
    let message = field
        .query_selector("[data-testid='issue-error']")
        .unwrap()
        .expect("an error beside the name");
    assert!(message.text_content().unwrap().contains("uppercase"));
    assert_eq!(
        find(&root, "app-name")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
    // The YAML shows what was typed, under the verdict.
    assert!(text(&root, "yaml-all").contains("name: My_App\n"));
    assert_eq!(text(&root, "not-valid"), "not valid: 1 error");
}

#[wasm_bindgen_test]
async fn clicking_a_lint_item_opens_its_tab_and_focuses_its_field() {
    let root = mount();
    leptos::task::tick().await;
    type_into(&find(&root, "app-name"), "web").await;
    click(&root, "tab-resources").await;
    type_into(&find(&root, "resources-requests-cpu"), "256MB").await;
    click(&root, "tab-app").await;
    let items = find_all(&root, "lint-goto");
    let item = items
        .iter()
        .find(|b| b.text_content().unwrap().contains("resources.requests.cpu"))
        .expect("the quantity error in the panel");
    item.unchecked_ref::<HtmlElement>().click();
    leptos::task::tick().await;
    // The focus moves after the tab's fields are in the DOM (a zero timeout).
    sleep(20).await;
    assert_eq!(focused_path().as_deref(), Some("resources.requests.cpu"));
}

#[wasm_bindgen_test]
async fn a_one_click_fix_changes_the_spec() {
    let root = mount();
    leptos::task::tick().await;
    choose(&root, "preset-select", "phoenix-article").await;
    let before = find_all(&root, "lint-item").len();
    let fix = find_all(&root, "lint-item")
        .into_iter()
        .find(|li| li.get_attribute("data-rule").as_deref() == Some("run-as-non-root"))
        .unwrap()
        .query_selector("[data-testid='lint-fix']")
        .unwrap()
        .unwrap();
    click_el(&fix).await;
    let yaml = text(&root, "yaml-all");
    assert!(yaml.contains("runAsUser: 65534"), "{yaml}");
    assert!(yaml.contains("RELEASE_TMP: /tmp"), "{yaml}");
    assert!(find_all(&root, "lint-item").len() < before);
}

#[wasm_bindgen_test]
async fn copying_invalid_yaml_asks_first() {
    let root = mount();
    leptos::task::tick().await;
    fill_own_secrets(&root).await;
    type_into(&find(&root, "app-name"), "-bad").await;
    click(&root, "copy-yaml").await;
    assert!(text(&root, "confirm").contains("1 error"));
    click(&root, "confirm-cancel").await;
    assert!(find_all(&root, "confirm").is_empty());
}

#[wasm_bindgen_test]
async fn generate_fills_a_secret_key_base_from_the_csprng() {
    let root = mount();
    leptos::task::tick().await;
    click(&root, "tab-secrets").await;
    click(&root, "secret-generate-secret-key-base").await;
    // A new row: the list re-renders after the row count's memo.
    leptos::task::tick().await;
    let values: Vec<String> = find_all(&root, "secret-value")
        .iter()
        .map(|e| e.unchecked_ref::<HtmlInputElement>().value())
        .collect();
    let names: Vec<String> = find_all(&root, "secret-name")
        .iter()
        .map(|e| e.unchecked_ref::<HtmlInputElement>().value())
        .collect();
    let i = names
        .iter()
        .position(|n| n == "SECRET_KEY_BASE")
        .expect("a SECRET_KEY_BASE row");
    assert_eq!(values[i].len(), 64);
    let status = text(&root, "secret-generated");
    assert!(status.contains("64 new random characters"), "{status}");
    assert!(!status.contains(&values[i]));
    // Generating again gives another value.
    click(&root, "secret-generate-secret-key-base").await;
    // The row's box follows the spec one scheduler turn later (more effects watch the spec now:
    // undo history, autosave).
    leptos::task::tick().await;
    let again = find_all(&root, "secret-value")[i]
        .unchecked_ref::<HtmlInputElement>()
        .value();
    assert_ne!(again, values[i]);
}

#[wasm_bindgen_test]
async fn string_data_switches_the_secret_to_plain_text() {
    let root = mount();
    leptos::task::tick().await;
    click(&root, "tab-secrets").await;
    assert!(!text(&root, "yaml-all").contains("stringData:"));
    click(&root, "secret-string-data").await;
    assert!(text(&root, "yaml-all").contains("\nstringData:\n"));
    assert!(text(&root, "secret-string-data-note").contains("readable"));
}

#[wasm_bindgen_test]
async fn a_pasted_certificate_seals_and_a_bad_one_leaves_the_secret_out() {
    let root = mount();
    leptos::task::tick().await;
    click(&root, "tab-secrets").await;
    let area = find(&root, "seal-cert");
    paste_into(
        &area,
        include_str!("../crates/kubewright/tests/fixtures/seal/ec-cert.pem"),
    )
    .await;
    let yaml = text(&root, "yaml-all");
    assert!(!yaml.contains("kind: Secret\n") && !yaml.contains("kind: SealedSecret"));
    assert!(text(&root, "seal-banner").contains("not an RSA key"));
    let issue = root
        .query_selector("[data-rule='seal-certificate']")
        .unwrap()
        .expect("the issue beside the certificate");
    assert!(issue.text_content().unwrap().contains("elliptic-curve"));

    paste_into(
        &area,
        include_str!("../crates/kubewright/tests/fixtures/seal/cert.pem"),
    )
    .await;
    let yaml = text(&root, "yaml-all");
    assert!(yaml.contains("kind: SealedSecret"), "{yaml}");
    assert!(!yaml.contains("kind: Secret\n"));
    assert!(text(&root, "seal-status").contains("RSA 4096-bit key"));
    // The all-documents commands apply manifests.yaml, then wait for the controller's Secret.
    let commands = text(&root, "commands");
    assert!(commands.contains("-f manifests.yaml"), "{commands}");
    assert!(commands.contains("--for=create secret/"), "{commands}");
    // An unrelated edit re-renders without re-sealing: the sealed values stay as they were.
    click(&root, "tab-app").await;
    type_into(&find(&root, "app-replicas"), "3").await;
    let after = text(&root, "yaml-all");
    let sealed = |y: &str| {
        y.split("---")
            .find(|d| d.contains("kind: SealedSecret"))
            .map(str::to_string)
    };
    assert_eq!(sealed(&after), sealed(&yaml));
    assert_ne!(after, yaml);
}

#[wasm_bindgen_test]
async fn the_ingress_tab_adds_an_ingress_and_checks_its_host_beside_the_field() {
    let root = mount();
    leptos::task::tick().await;
    click(&root, "tab-ingress").await;
    assert!(!text(&root, "yaml-all").contains("kind: Ingress"));
    choose(&root, "exposure", "ingress").await;
    leptos::task::tick().await;
    let yaml = text(&root, "yaml-all");
    assert!(yaml.contains("kind: Ingress"), "{yaml}");
    assert!(yaml.contains("- host: app.example.com"), "{yaml}");
    // A host with an uppercase letter: an error beside the host, the YAML still shows it.
    type_into(&find(&root, "ingress-host"), "App.example.com").await;
    let field = find(&root, "ingress-host").parent_element().unwrap();
    assert!(field
        .query_selector("[data-testid='issue-error']")
        .unwrap()
        .is_some());
    assert!(text(&root, "yaml-all").contains("- host: App.example.com"));
    // cert-manager TLS: the annotation and the Secret <name>-tls; the commands wait for it.
    type_into(&find(&root, "ingress-host"), "shop.example.com").await;
    choose(&root, "ingress-tls", "cert_manager").await;
    let yaml = text(&root, "yaml-all");
    assert!(
        yaml.contains("cert-manager.io/cluster-issuer: letsencrypt-prod"),
        "{yaml}"
    );
    assert!(yaml.contains("secretName: web-tls"), "{yaml}");
    assert!(text(&root, "commands").contains("certificate/web-tls"));
}

#[wasm_bindgen_test]
async fn choosing_an_httproute_replaces_the_ingress_and_checks_its_host_beside_the_field() {
    let root = mount();
    leptos::task::tick().await;
    click(&root, "tab-ingress").await;
    choose(&root, "exposure", "ingress").await;
    assert!(text(&root, "yaml-all").contains("kind: Ingress"));
    // One way in: the route replaces the Ingress, and the Service stays ClusterIP behind it.
    choose(&root, "exposure", "httproute").await;
    let yaml = text(&root, "yaml-all");
    assert!(yaml.contains("kind: HTTPRoute"), "{yaml}");
    assert!(!yaml.contains("kind: Ingress"), "{yaml}");
    assert!(yaml.contains("type: ClusterIP"), "{yaml}");
    assert!(yaml.contains("- app.example.com"), "{yaml}");
    // An IP address is no host name: an error beside the row, the YAML still shows it.
    type_into(&find(&root, "route-host"), "10.0.0.1").await;
    let field = find(&root, "route-host").parent_element().unwrap();
    assert!(field
        .query_selector("[data-testid='issue-error']")
        .unwrap()
        .is_some());
    assert!(text(&root, "yaml-all").contains("- '10.0.0.1'"));
    // Its own Gateway with cert-manager TLS: the annotation and one HTTPS listener per host.
    type_into(&find(&root, "route-host"), "shop.example.com").await;
    click(&root, "route-create-gateway").await;
    choose(&root, "route-tls", "cert_manager").await;
    let yaml = text(&root, "yaml-all");
    assert!(yaml.contains("kind: Gateway"), "{yaml}");
    assert!(
        yaml.contains("cert-manager.io/cluster-issuer: letsencrypt-prod"),
        "{yaml}"
    );
    assert!(yaml.contains("hostname: shop.example.com"), "{yaml}");
    assert!(
        text(&root, "commands").contains("kubectl get crd httproutes.gateway.networking.k8s.io")
    );
}
