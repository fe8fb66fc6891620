use serde::{Deserialize, Serialize};

/// The port the app listens on in the container.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ContainerPort {
    /// Port name, used by the Service's targetPort and by probes. Default `http`. At most 15
    /// characters, lowercase letters, digits and '-'. Empty means unnamed (referenced by number).
    pub name: String,
    /// Port number, 1-65535. Default 8080.
    pub number: i64,
    /// Protocol. Default TCP.
    pub protocol: Protocol,
}

impl Default for ContainerPort {
    fn default() -> Self {
        ContainerPort {
            name: "http".into(),
            number: 8080,
            protocol: Protocol::Tcp,
        }
    }
}

impl ContainerPort {
    /// How the Service and the probes refer to the port: by its name, or by its number when it has
    /// none.
    pub fn reference(&self) -> String {
        if self.name.is_empty() {
            self.number.to_string()
        } else {
            self.name.clone()
        }
    }
}

/// Transport protocol of a port.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Protocol {
    #[serde(rename = "TCP")]
    Tcp,
    #[serde(rename = "UDP")]
    Udp,
    #[serde(rename = "SCTP")]
    Sctp,
}

impl Protocol {
    pub const ALL: [Protocol; 3] = [Protocol::Tcp, Protocol::Udp, Protocol::Sctp];

    pub fn as_str(self) -> &'static str {
        match self {
            Protocol::Tcp => "TCP",
            Protocol::Udp => "UDP",
            Protocol::Sctp => "SCTP",
        }
    }
}
