//! The objects and how they reference each other, for the page's diagram: read from the rendered
//! objects themselves (selectors, labels, envFrom, images), so the picture cannot disagree with the
//! YAML. Things Kubernetes creates from them (pods, the database's Service) are nodes too.

mod network_policy;
mod route;

use crate::k8s::{self, Object, PodTemplate};
use crate::spec::{AppSpec, DatabaseKind};

/// One box of the diagram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Stable id, e.g. `Deployment/web` or `pods/web`.
    pub id: String,
    /// `Deployment`, `Pods`, `Image`, ...
    pub kind: &'static str,
    pub name: String,
    /// The file the object is in; `None` for what Kubernetes, the chart or the operator creates.
    pub file: Option<String>,
    /// Layout column, left to right: 0 entry points (Services), 1 controllers (Deployment, Jobs),
    /// 2 pods, 3 what pods use (ConfigMap, Secret, image, database).
    pub column: u8,
}

/// An arrow: `from` uses, selects or creates `to`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    pub from: String,
    pub to: String,
    /// The field that makes the link, e.g. `selector app=web` or `envFrom`.
    pub label: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl Graph {
    fn node(&mut self, kind: &'static str, name: &str, file: Option<String>, column: u8) -> String {
        let id = format!("{kind}/{name}");
        if !self.nodes.iter().any(|n| n.id == id) {
            self.nodes.push(Node {
                id: id.clone(),
                kind,
                name: name.to_string(),
                file,
                column,
            });
        }
        id
    }

    fn edge(&mut self, from: &str, to: &str, label: impl Into<String>) {
        self.edges.push(Edge {
            from: from.into(),
            to: to.into(),
            label: label.into(),
        });
    }
}

fn labels_text(labels: &k8s::Pairs) -> String {
    labels
        .0
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join(",")
}

// A selector matches pods whose labels include every one of its pairs (an empty one matches nothing
// here: our Services always select).
fn selects(selector: &k8s::Pairs, labels: &k8s::Pairs) -> bool {
    !selector.is_empty() && selector.0.iter().all(|pair| labels.0.contains(pair))
}

/// The workloads and their pod groups: (pods node id, template) for the Deployment and each Job;
/// and the autoscaler, pointing at what it scales.
fn workloads<'a>(g: &mut Graph, objects: &'a [Object]) -> Vec<(String, &'a PodTemplate)> {
    let mut pods: Vec<(String, &PodTemplate)> = Vec::new();
    for object in objects {
        let file = Some(object.file_name());
        match object {
            Object::Deployment(d) => {
                let id = g.node(k8s::Deployment::KIND, &d.metadata.name, file, 1);
                let p = g.node("Pods", &d.metadata.name, None, 2);
                let count = match d.spec.replicas {
                    Some(n) => format!("replicas {n}"),
                    None => "replicas set by the autoscaler".into(),
                };
                g.edge(&id, &p, count);
                pods.push((p, &d.spec.template));
            }
            Object::HorizontalPodAutoscaler(h) => {
                let id = g.node(
                    k8s::HorizontalPodAutoscaler::KIND,
                    &h.metadata.name,
                    file,
                    0,
                );
                let target = g.node(
                    k8s::Deployment::KIND,
                    &h.spec.scale_target_ref.name,
                    None,
                    1,
                );
                let (min, max) = (h.spec.min_replicas, h.spec.max_replicas);
                g.edge(&id, &target, format!("scales {min}-{max} replicas"));
            }
            Object::CronJob(c) => {
                let id = g.node(k8s::CronJob::KIND, &c.metadata.name, file, 1);
                let p = g.node("Pods", &c.metadata.name, None, 2);
                g.edge(&id, &p, format!("runs on schedule {}", c.spec.schedule));
                pods.push((p, &c.spec.job_template.spec.template));
            }
            Object::Job(j) => {
                let id = g.node(k8s::Job::KIND, &j.metadata.name, file, 1);
                let p = g.node("Pods", &j.metadata.name, None, 2);
                g.edge(&id, &p, "runs once");
                pods.push((p, &j.spec.template));
            }
            _ => {}
        }
    }
    pods
}

/// The diagram for a spec.
pub fn graph(spec: &AppSpec) -> Graph {
    let objects = k8s::objects_layout(spec);
    let mut g = Graph::default();
    let pods = workloads(&mut g, &objects);
    for object in &objects {
        let file = Some(object.file_name());
        if let Object::Service(s) | Object::HeadlessService(s) = object {
            let id = g.node(k8s::Service::KIND, &s.metadata.name, file, 0);
            for (p, template) in &pods {
                if selects(&s.spec.selector, &template.metadata.labels) {
                    let how = if s.spec.cluster_ip == Some("None") {
                        "DNS lists the pod IPs"
                    } else {
                        "sends traffic"
                    };
                    g.edge(
                        &id,
                        p,
                        format!("selector {} ({how})", labels_text(&s.spec.selector)),
                    );
                }
            }
        }
    }
    let file_of = |kind: &str, name: &str| {
        objects
            .iter()
            .find(|o| o.kind() == kind && o.name() == name)
            .map(Object::file_name)
    };
    for (p, template) in &pods {
        for container in &template.spec.containers {
            for source in &container.env_from {
                if let Some(r) = &source.config_map_ref {
                    let id = g.node(
                        k8s::ConfigMap::KIND,
                        &r.name,
                        file_of(k8s::ConfigMap::KIND, &r.name),
                        3,
                    );
                    g.edge(p, &id, "envFrom");
                }
                if let Some(r) = &source.secret_ref {
                    let id = g.node(
                        k8s::Secret::KIND,
                        &r.name,
                        file_of(k8s::Secret::KIND, &r.name),
                        3,
                    );
                    g.edge(p, &id, "envFrom");
                }
            }
            let id = g.node("Image", &container.image, None, 3);
            g.edge(p, &id, "image");
        }
    }
    access(&objects, &pods, &mut g);
    database(spec, &objects, &pods, &mut g);
    g
}

// Who may reach the app and what it runs and pulls with.
fn access(objects: &[Object], pods: &[(String, &PodTemplate)], g: &mut Graph) {
    for (_, template) in pods {
        pull_secrets(objects, template, g);
    }
    service_account(objects, pods, g);
    ingress(objects, g);
    route::route(objects, g);
    network_policy::network_policy(objects, pods, g);
}

// The registry login the image is pulled with.
fn pull_secrets(objects: &[Object], template: &PodTemplate, g: &mut Graph) {
    let Some(container) = template.spec.containers.first() else {
        return;
    };
    let image = format!("Image/{}", container.image);
    for pull in &template.spec.image_pull_secrets {
        let file = objects
            .iter()
            .find(|o| o.kind() == k8s::Secret::KIND && o.name() == pull.name)
            .map(Object::file_name);
        let secret = g.node(k8s::Secret::KIND, &pull.name, file, 3);
        g.edge(&image, &secret, "pulled with (imagePullSecrets)");
    }
}

// The Ingress sends each host and path to its Service; the ClusterIssuer signs its certificate.
fn ingress(objects: &[Object], g: &mut Graph) {
    let Some(object) = objects.iter().find(|o| matches!(o, Object::Ingress(_))) else {
        return;
    };
    let Object::Ingress(ingress) = object else {
        return;
    };
    let id = g.node(
        k8s::Ingress::KIND,
        &ingress.metadata.name,
        Some(object.file_name()),
        0,
    );
    for rule in &ingress.spec.rules {
        for path in &rule.http.paths {
            let service = &path.backend.service.name;
            let to = format!("{}/{service}", k8s::Service::KIND);
            let host = if rule.host.is_empty() {
                "*"
            } else {
                &rule.host
            };
            g.edge(&id, &to, format!("{host}{}", path.path));
        }
    }
    for object in objects {
        if let Object::ClusterIssuer(issuer) = object {
            let issuer_id = g.node(
                k8s::ClusterIssuer::KIND,
                &issuer.metadata.name,
                Some(object.file_name()),
                0,
            );
            g.edge(&issuer_id, &id, "signs its certificate");
        }
    }
}

// The account the pods run as, with no API token.
fn service_account(objects: &[Object], pods: &[(String, &PodTemplate)], g: &mut Graph) {
    for (p, template) in pods {
        let Some(account) = &template.spec.service_account_name else {
            continue;
        };
        let file = objects
            .iter()
            .find(|o| matches!(o, Object::ServiceAccount(_)))
            .map(Object::file_name);
        let id = g.node(k8s::ServiceAccount::KIND, account, file, 3);
        g.edge(p, &id, "runs as (no API token)");
    }
}

// The database: the app's pods connect to its Service (through the URL in their Secret); the Service
// comes from the chart or the operator, which read the password Secret.
fn database(spec: &AppSpec, objects: &[Object], pods: &[(String, &PodTemplate)], g: &mut Graph) {
    let db = &spec.database;
    let Some(service) = db.service_name() else {
        return;
    };
    let service_id = g.node(k8s::Service::KIND, &service, None, 3);
    if !db.url_env.is_empty() {
        for (p, _) in pods {
            g.edge(p, &service_id, db.url_env.clone());
        }
    }
    let secret = objects.iter().find_map(|o| match o {
        Object::DatabaseSecret(s) => Some((s.metadata.name.clone(), o.file_name())),
        Object::DatabaseSealedSecret(s) => Some((s.metadata.name.clone(), o.file_name())),
        _ => None,
    });
    let owner = match db.kind {
        DatabaseKind::Helm => g.node("HelmRelease", &db.name, None, 3),
        DatabaseKind::CloudNativePg => {
            let file = objects
                .iter()
                .find(|o| matches!(o, Object::Cluster(_)))
                .map(Object::file_name);
            g.node(k8s::Cluster::KIND, &db.name, file, 3)
        }
        DatabaseKind::None => return,
    };
    g.edge(&owner, &service_id, "creates");
    if let Some((name, file)) = secret {
        let id = g.node(k8s::Secret::KIND, &name, Some(file), 3);
        let how = match db.kind {
            DatabaseKind::Helm => "auth.existingSecret",
            _ => "bootstrap.initdb.secret",
        };
        g.edge(&owner, &id, how);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::Preset;

    fn edges(g: &Graph) -> Vec<(String, String, String)> {
        g.edges
            .iter()
            .map(|e| (e.from.clone(), e.to.clone(), e.label.clone()))
            .collect()
    }

    fn has(g: &Graph, from: &str, to: &str) -> bool {
        g.edges.iter().any(|e| e.from == from && e.to == to)
    }

    #[test]
    fn the_article_app_links_service_pods_config_and_job() {
        let spec = Preset::find("phoenix-article").unwrap().spec().unwrap();
        let g = graph(&spec);
        assert!(edges(&g).contains(&(
            "Service/kube-native".into(),
            "Pods/kube-native".into(),
            "selector app=kube-native (sends traffic)".into()
        )));
        // The Service does not select the migration Job's pods (they have their own label).
        assert!(!has(
            &g,
            "Service/kube-native",
            "Pods/kube-native-migration-0"
        ));
        assert!(has(&g, "Pods/kube-native", "ConfigMap/kube-native-env"));
        assert!(has(&g, "Pods/kube-native", "Secret/kube-native-env-secret"));
        // Job -> the same image as the app.
        assert!(has(
            &g,
            "Pods/kube-native-migration-0",
            "Image/kube-native:latest"
        ));
        assert!(has(&g, "Pods/kube-native", "Image/kube-native:latest"));
        let config = g
            .nodes
            .iter()
            .find(|n| n.id == "ConfigMap/kube-native-env")
            .unwrap();
        assert_eq!(config.file.as_deref(), Some("configmap.yaml"));
    }

    #[test]
    fn the_database_and_the_headless_service_appear() {
        let spec = Preset::find("phoenix").unwrap().spec().unwrap();
        let g = graph(&spec);
        assert!(has(&g, "Pods/hello", "Service/hello-db-rw"));
        assert!(has(&g, "Cluster/hello-db", "Service/hello-db-rw"));
        assert!(has(&g, "Cluster/hello-db", "Secret/hello-db-credentials"));
        assert!(edges(&g).contains(&(
            "Service/hello-headless".into(),
            "Pods/hello".into(),
            "selector app=hello (DNS lists the pod IPs)".into()
        )));
        let spec = Preset::find("rails").unwrap().spec().unwrap();
        let g = graph(&spec);
        assert!(has(&g, "HelmRelease/shop-db", "Service/shop-db-postgresql"));
        assert!(has(&g, "HelmRelease/shop-db", "Secret/shop-db-credentials"));
    }

    #[test]
    fn a_service_whose_selector_matches_nothing_has_no_arrow() {
        // A Service with the app's label selects the app's pods and no others, whatever the name.
        let mut spec = AppSpec::default();
        spec.jobs.push(spec.new_job());
        let g = graph(&spec);
        let from_service: Vec<_> = g.edges.iter().filter(|e| e.from == "Service/web").collect();
        assert_eq!(from_service.len(), 1);
        // Every edge joins two nodes that exist.
        for e in &g.edges {
            assert!(g.nodes.iter().any(|n| n.id == e.from), "{e:?}");
            assert!(g.nodes.iter().any(|n| n.id == e.to), "{e:?}");
        }
    }
}
