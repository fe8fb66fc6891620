//! The Gateway API in front of the Service: the HTTPRoute sends its hosts and paths to the
//! Service, attached to its Gateway; the ClusterIssuer signs the Gateway's certificate and a
//! ReferenceGrant lets the Gateway use a Secret in the app's namespace.

use super::Graph;
use crate::k8s::{self, Object};

pub(super) fn route(objects: &[Object], g: &mut Graph) {
    let Some((object, route)) = objects.iter().find_map(|o| match o {
        Object::HttpRoute(r) => Some((o, r)),
        _ => None,
    }) else {
        return;
    };
    let id = g.node(
        k8s::HttpRoute::KIND,
        &route.metadata.name,
        Some(object.file_name()),
        0,
    );
    let hosts = if route.spec.hostnames.is_empty() {
        "*".to_string()
    } else {
        route.spec.hostnames.join(", ")
    };
    for rule in &route.spec.rules {
        let paths: Vec<&str> = rule.matches.iter().map(|m| m.path.value.as_str()).collect();
        for backend in &rule.backend_refs {
            let to = format!("{}/{}", k8s::Service::KIND, backend.name);
            g.edge(
                &id,
                &to,
                format!("{hosts} {} -> port {}", paths.join(" "), backend.port),
            );
        }
    }
    for parent in &route.spec.parent_refs {
        let written = objects
            .iter()
            .find(|o| matches!(o, Object::Gateway(gw) if gw.metadata.name == parent.name));
        let gateway = g.node(
            k8s::Gateway::KIND,
            &parent.name,
            written.map(Object::file_name),
            0,
        );
        let listener = parent
            .section_name
            .as_deref()
            .map_or("every listener".to_string(), |s| format!("listener {s}"));
        g.edge(&gateway, &id, format!("admits the route ({listener})"));
        for object in objects {
            match object {
                Object::ClusterIssuer(issuer) => {
                    let issuer_id = g.node(
                        k8s::ClusterIssuer::KIND,
                        &issuer.metadata.name,
                        Some(object.file_name()),
                        0,
                    );
                    g.edge(&issuer_id, &gateway, "signs its certificate");
                }
                Object::ReferenceGrant(grant) => {
                    let grant_id = g.node(
                        k8s::ReferenceGrant::KIND,
                        &grant.metadata.name,
                        Some(object.file_name()),
                        3,
                    );
                    g.edge(
                        &gateway,
                        &grant_id,
                        "may use the TLS Secret (ReferenceGrant)",
                    );
                }
                _ => {}
            }
        }
    }
}
