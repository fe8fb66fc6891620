use serde::{Deserialize, Serialize};

/// The Service in front of the app's pods. It is named after the app and forwards to the container
/// port by name.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Service {
    /// How the Service is reachable. Default ClusterIP.
    #[serde(rename = "type")]
    pub kind: ServiceType,
    /// The Service's own port, 1-65535. Default 80.
    pub port: i64,
    /// NodePort / LoadBalancer only: a fixed node port (30000-32767 by default). Default none
    /// (Kubernetes picks one).
    pub node_port: Option<i64>,
}

impl Default for Service {
    fn default() -> Self {
        Service {
            kind: ServiceType::ClusterIp,
            port: 80,
            node_port: None,
        }
    }
}

/// Service types, plus headless (a ClusterIP Service with `clusterIP: None`, for DNS-based discovery
/// of the individual pods, e.g. BEAM clustering).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceType {
    /// Reachable only inside the cluster, through one virtual IP.
    #[serde(rename = "ClusterIP")]
    ClusterIp,
    /// Also reachable on a high port of every node (Minikube: `minikube service --url`).
    NodePort,
    /// Also reachable through a cloud load balancer.
    LoadBalancer,
    /// No virtual IP: DNS returns the pods' own IPs.
    Headless,
}

impl ServiceType {
    pub const ALL: [ServiceType; 4] = [
        ServiceType::ClusterIp,
        ServiceType::NodePort,
        ServiceType::LoadBalancer,
        ServiceType::Headless,
    ];

    /// The label the form shows.
    pub fn as_str(self) -> &'static str {
        match self {
            ServiceType::ClusterIp => "ClusterIP",
            ServiceType::NodePort => "NodePort",
            ServiceType::LoadBalancer => "LoadBalancer",
            ServiceType::Headless => "Headless",
        }
    }

    /// The Service's `spec.type` in the API: a headless Service is a ClusterIP one without an IP.
    pub fn api_type(self) -> &'static str {
        match self {
            ServiceType::ClusterIp | ServiceType::Headless => "ClusterIP",
            ServiceType::NodePort => "NodePort",
            ServiceType::LoadBalancer => "LoadBalancer",
        }
    }

    /// The type of a Service whose `spec.type` is `api_type`, `headless` when its `clusterIP` is
    /// `None`; a type the form does not offer (ExternalName) reads as ClusterIP.
    pub fn from_api(api_type: &str, headless: bool) -> Self {
        match (api_type, headless) {
            ("ClusterIP", true) => ServiceType::Headless,
            ("NodePort", _) => ServiceType::NodePort,
            ("LoadBalancer", _) => ServiceType::LoadBalancer,
            _ => ServiceType::ClusterIp,
        }
    }

    /// Whether the Service gets a port on every node (and so may take a fixed nodePort).
    pub fn has_node_port(self) -> bool {
        matches!(self, ServiceType::NodePort | ServiceType::LoadBalancer)
    }
}
