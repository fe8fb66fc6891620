//! The teaching aids' wiring in a real browser: explanations beside every field, form <-> YAML
//! highlighting and clicks, changed-line marks, the annotated view, the QoS badge, the rollout
//! picture, the object diagram, the database tab and the target switch.
//!
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
//!  cargo test -p kubewright-web --target wasm32-unknown-unknown --test learn`

use kubewright::presets::Preset;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

mod support;
use support::*;

async fn load_preset(root: &Element, id: &str) {
    choose(root, "preset-select", id).await;
}

// The YAML lines under the marks of `class` (the marks hold the line number, not the text).
fn marked(root: &Element, class: &str) -> Vec<String> {
    let yaml = text(root, "yaml-all");
    let lines: Vec<&str> = yaml.lines().collect();
    all(root, &format!("[data-testid='yaml-all'] .mark.{class}"))
        .iter()
        .map(|e| {
            let i: usize = e.get_attribute("data-line").unwrap().parse().unwrap();
            lines[i].trim().to_string()
        })
        .collect()
}

fn highlighted(root: &Element) -> Vec<String> {
    marked(root, "hl")
}

// Clicks line `line` of the shown YAML where a user would: scrolled into view, at its row.
async fn click_line(root: &Element, line: usize) {
    let pre: HtmlElement = find(root, "yaml-all").unchecked_into();
    let style = web_sys::window()
        .unwrap()
        .get_computed_style(&pre)
        .unwrap()
        .unwrap();
    let px = |name: &str| -> f64 {
        style
            .get_property_value(name)
            .unwrap()
            .trim_end_matches("px")
            .parse()
            .unwrap()
    };
    let (lh, pad) = (px("line-height"), px("padding-top"));
    pre.set_scroll_top((pad + line as f64 * lh - 40.0).max(0.0) as i32);
    let top = pre.get_bounding_client_rect().top();
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    init.set_client_x(pre.get_bounding_client_rect().left() as i32 + 20);
    init.set_client_y((top + pad + (line as f64 + 0.5) * lh - f64::from(pre.scroll_top())) as i32);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    pre.dispatch_event(&ev).unwrap();
    leptos::task::tick().await;
}

#[wasm_bindgen_test]
async fn every_field_in_every_tab_has_its_explanation() {
    let root = mount();
    load_preset(&root, "phoenix").await;
    let tabs = all(&root, "[role='tab'][data-testid^='tab-']");
    assert!(tabs.len() >= 11);
    let mut checked = 0;
    for tab in tabs {
        click_el(&tab).await;
        // One more row of every list, so fields the preset leaves empty (a sidecar, a CronJob)
        // are checked too.
        for add in all(&root, ".tab-panel button[data-testid$='-add']") {
            click_el(&add).await;
        }
        for field in all(&root, ".tab-panel [data-path]") {
            let path = field.get_attribute("data-path").unwrap();
            let holder = field.closest(".field").unwrap().unwrap();
            let explains = holder
                .query_selector("[data-testid='explain']")
                .unwrap()
                .unwrap_or_else(|| panic!("no explanation beside {path}"));
            assert_eq!(
                explains.get_attribute("data-explains").as_deref(),
                Some(path.as_str())
            );
            let body = explains.text_content().unwrap();
            assert!(
                body.contains("Default:") && body.contains("Without it:"),
                "{path}: {body}"
            );
            assert!(
                explains
                    .query_selector("a[href^='https://']")
                    .unwrap()
                    .is_some(),
                "{path}"
            );
            checked += 1;
        }
    }
    assert!(checked > 60, "only {checked} fields");
}

#[wasm_bindgen_test]
async fn focusing_a_field_lights_its_lines_and_clicking_a_line_focuses_its_field() {
    let root = mount();
    load_preset(&root, "phoenix-article").await;
    let replicas = find(&root, "app-replicas");
    replicas.dispatch_event(&bubbling("focusin")).unwrap();
    leptos::task::tick().await;
    assert_eq!(highlighted(&root), ["replicas: 1"]);
    // Pointing at another field wins while the pointer is there.
    find(&root, "app-max-unavailable")
        .dispatch_event(&bubbling("mouseover"))
        .unwrap();
    leptos::task::tick().await;
    assert_eq!(highlighted(&root), ["maxUnavailable: 0"]);

    // Clicking the ConfigMap's PORT line opens the env tab and focuses that row's value.
    let line = text(&root, "yaml-all")
        .lines()
        .position(|l| l.trim() == "PORT: '4000'")
        .unwrap();
    click_line(&root, line).await;
    sleep(30).await;
    assert_eq!(focused_path().as_deref(), Some("env[1].value"));
}

#[wasm_bindgen_test]
async fn lines_changed_by_an_edit_are_marked_for_a_moment() {
    let root = mount();
    load_preset(&root, "phoenix-article").await;
    sleep(1700).await;
    type_into(&find(&root, "app-replicas"), "4").await;
    // The marks follow a frame after the YAML (or 100 ms, where no frame is drawn).
    sleep(150).await;
    assert_eq!(marked(&root, "changed"), ["replicas: 4"]);
    sleep(1700).await;
    assert!(marked(&root, "changed").is_empty());
}

#[wasm_bindgen_test]
async fn annotated_view_adds_comments_and_clean_view_is_the_yaml() {
    let root = mount();
    load_preset(&root, "phoenix-article").await;
    let clean = kubewright::render(&Preset::find("phoenix-article").unwrap().spec().unwrap()).all;
    assert_eq!(text(&root, "yaml-all"), clean);
    let toggle = find(&root, "annotated");
    toggle.unchecked_ref::<HtmlInputElement>().set_checked(true);
    toggle.dispatch_event(&bubbling("change")).unwrap();
    // The blocks out of view follow a frame later.
    settled().await;
    let annotated = text(&root, "yaml-all");
    assert!(annotated.contains("  # quoted: bare, kubectl (YAML 1.1) would read 4000 as a number"));
    let without: String = annotated
        .lines()
        .filter(|l| !l.trim_start().starts_with("# "))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(without, clean);
}

#[wasm_bindgen_test]
async fn qos_badge_and_rollout_picture_follow_the_form() {
    let root = mount();
    load_preset(&root, "phoenix-article").await;
    let steps = all(&root, "[data-testid='rollout-step']");
    // 1 replica, maxSurge 10% (rounds up to 1), maxUnavailable 0: start 1 new, ready, stop 1 old.
    assert_eq!(steps.len(), 4);
    type_into(&find(&root, "app-max-surge"), "0").await;
    assert!(text(&root, "rollout-error").contains("cannot both be 0"));

    click(&root, "tab-resources").await;
    assert_eq!(text(&root, "qos-class"), "Burstable");
    type_into(&find(&root, "resources-requests-cpu"), "1000m").await;
    type_into(&find(&root, "resources-requests-memory"), "256Mi").await;
    assert_eq!(text(&root, "qos-class"), "Guaranteed");
}

#[wasm_bindgen_test]
async fn the_diagram_shows_how_objects_reference_each_other() {
    let root = mount();
    load_preset(&root, "phoenix").await;
    let edges: Vec<String> = all(&root, "[data-testid='diagram-edge']")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert!(
        edges
            .iter()
            .any(|e| e == "Service/hello → Pods/hello: selector app=hello (sends traffic)"),
        "{edges:?}"
    );
    assert!(
        edges
            .iter()
            .any(|e| e == "Pods/hello-migrate-0 → Image/ghcr.io/example/hello:0.1.0: image"),
        "{edges:?}"
    );
    assert!(edges.iter().any(|e| e == "Cluster/hello-db → Secret/hello-db-credentials: bootstrap.initdb.secret"), "{edges:?}");
    assert!(all(&root, "[data-testid='diagram-node']").len() >= 10);
}

#[wasm_bindgen_test]
async fn database_tab_switches_between_chart_and_operator_and_the_url_follows() {
    let root = mount();
    load_preset(&root, "rails").await;
    click(&root, "tab-database").await;
    let url = text(&root, "database-url");
    assert!(
        url.contains(
            "postgres://shop:*****@shop-db-postgresql.shop.svc.cluster.local:5432/shop_production"
        ),
        "{url}"
    );
    assert!(text(&root, "commands").contains(
        "helm upgrade --install shop-db oci://registry-1.docker.io/bitnamicharts/postgresql"
    ));
    choose(&root, "database-kind", "cloud_native_pg").await;
    assert!(text(&root, "database-url").contains("@shop-db-rw.shop.svc.cluster.local:5432/"));
    assert!(text(&root, "yaml-all").contains("kind: Cluster"));
    type_into(&find(&root, "database-name"), "main").await;
    assert!(text(&root, "yaml-all").contains("name: main\n"));
    assert!(text(&root, "database-url").contains("@main-rw.shop."));
}

#[wasm_bindgen_test]
async fn the_target_switch_changes_objects_and_commands() {
    let root = mount();
    // The phoenix preset sits behind an Ingress: its Service stays ClusterIP on both targets.
    load_preset(&root, "phoenix").await;
    click(&root, "target-minikube").await;
    assert!(text(&root, "yaml-all").contains("imagePullPolicy: Never"));
    assert!(text(&root, "yaml-all").contains("type: ClusterIP"));
    assert!(text(&root, "commands").contains("eval $(minikube docker-env)"));
    assert!(text(&root, "commands").contains("minikube addons enable ingress"));
    assert!(text(&root, "commands").contains(
        "curl -k --resolve hello.example.com:443:$(minikube ip) https://hello.example.com/"
    ));
    click(&root, "target-cluster").await;
    assert!(text(&root, "commands").contains("docker push ghcr.io/example/hello:0.1.0"));
    assert!(text(&root, "commands").contains("curl -i https://hello.example.com/"));
    // Without the Ingress, the Service follows the target: NodePort on Minikube.
    click(&root, "tab-ingress").await;
    choose(&root, "exposure", "none").await;
    click(&root, "target-minikube").await;
    assert!(text(&root, "yaml-all").contains("type: NodePort"));
    assert!(text(&root, "commands").contains("minikube service -n hello hello --url"));
}
