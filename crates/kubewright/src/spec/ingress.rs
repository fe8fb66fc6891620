use serde::{Deserialize, Serialize};

/// An Ingress in front of the app's Service: host names and paths to the Service's port (by name),
/// with TLS from cert-manager or an existing Secret. Named after the app.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Ingress {
    /// Adds the Ingress `<name>`. Default off.
    pub enabled: bool,
    /// `ingressClassName`: which controller serves it (`nginx`, `traefik`, ...); empty leaves it to
    /// the cluster's default class. Default `nginx`.
    pub class_name: String,
    /// One row per host and path; rows with the same host become one rule. Default one row,
    /// `app.example.com` `/` Prefix.
    pub rules: Vec<IngressRule>,
    /// Where the certificate comes from. Default none (plain HTTP).
    pub tls: TlsSource,
    /// cert-manager only: the issuer that signs the certificate. Default the ClusterIssuer
    /// `letsencrypt-prod`.
    pub issuer: Issuer,
    /// Existing Secret only: the `kubernetes.io/tls` Secret's name (a DNS subdomain). Default
    /// empty. With cert-manager the Secret is `<name>-tls`, which cert-manager creates.
    pub tls_secret: String,
}

impl Default for Ingress {
    fn default() -> Self {
        Ingress {
            enabled: false,
            class_name: "nginx".into(),
            rules: vec![IngressRule::default()],
            tls: TlsSource::None,
            issuer: Issuer::default(),
            tls_secret: String::new(),
        }
    }
}

/// One host and path, sent to the app's Service.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct IngressRule {
    /// A DNS name (RFC 1123 subdomain), optionally `*.` first for one level of wildcard; empty
    /// matches every host. Default `app.example.com`.
    pub host: String,
    /// An absolute path starting with `/`. Default `/`.
    pub path: String,
    /// `Prefix` (this path and everything below it) or `Exact`. Default Prefix.
    pub path_type: PathType,
}

impl Default for IngressRule {
    fn default() -> Self {
        IngressRule {
            host: "app.example.com".into(),
            path: "/".into(),
            path_type: PathType::Prefix,
        }
    }
}

/// How a path matches.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PathType {
    /// The path and everything below it, by `/`-separated element.
    #[default]
    Prefix,
    /// Only exactly this path.
    Exact,
}

impl PathType {
    pub const ALL: [PathType; 2] = [PathType::Prefix, PathType::Exact];

    /// The API's and the form's name.
    pub fn as_str(self) -> &'static str {
        match self {
            PathType::Prefix => "Prefix",
            PathType::Exact => "Exact",
        }
    }
}

/// Where the TLS certificate comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TlsSource {
    /// Plain HTTP.
    #[default]
    None,
    /// cert-manager issues and renews it into the Secret `<name>-tls` (annotation on the Ingress).
    CertManager,
    /// A `kubernetes.io/tls` Secret that already exists (`tls_secret`).
    Secret,
}

impl TlsSource {
    pub const ALL: [TlsSource; 3] = [TlsSource::None, TlsSource::CertManager, TlsSource::Secret];

    /// The name the form and the spec file use.
    pub fn as_str(self) -> &'static str {
        match self {
            TlsSource::None => "none",
            TlsSource::CertManager => "cert_manager",
            TlsSource::Secret => "secret",
        }
    }
}

/// The cert-manager issuer that signs the certificate, and optionally the ClusterIssuer itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Issuer {
    /// `ClusterIssuer` (for the whole cluster) or `Issuer` (in the app's namespace). Default
    /// ClusterIssuer.
    pub kind: IssuerKind,
    /// The issuer's name (a DNS subdomain). Default `letsencrypt-prod`.
    pub name: String,
    /// ClusterIssuer only: also write the ClusterIssuer, for Let's Encrypt over HTTP-01 through the
    /// Ingress's class. Default off (use one that exists).
    pub create: bool,
    /// Let's Encrypt's staging server (untrusted certificates, generous rate limits) instead of
    /// production. Default off.
    pub staging: bool,
    /// The ACME account's e-mail, where Let's Encrypt sends expiry notices. Default empty.
    pub email: String,
}

impl Default for Issuer {
    fn default() -> Self {
        Issuer {
            kind: IssuerKind::ClusterIssuer,
            name: "letsencrypt-prod".into(),
            create: false,
            staging: false,
            email: String::new(),
        }
    }
}

/// cert-manager's two issuer kinds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum IssuerKind {
    #[default]
    ClusterIssuer,
    Issuer,
}

impl IssuerKind {
    pub const ALL: [IssuerKind; 2] = [IssuerKind::ClusterIssuer, IssuerKind::Issuer];

    pub fn as_str(self) -> &'static str {
        match self {
            IssuerKind::ClusterIssuer => "ClusterIssuer",
            IssuerKind::Issuer => "Issuer",
        }
    }

    /// The Ingress annotation that names an issuer of this kind.
    pub fn annotation(self) -> &'static str {
        match self {
            IssuerKind::ClusterIssuer => "cert-manager.io/cluster-issuer",
            IssuerKind::Issuer => "cert-manager.io/issuer",
        }
    }
}

/// Let's Encrypt's ACME directories.
pub const LETS_ENCRYPT_PRODUCTION: &str = "https://acme-v02.api.letsencrypt.org/directory";
pub const LETS_ENCRYPT_STAGING: &str = "https://acme-staging-v02.api.letsencrypt.org/directory";

impl Ingress {
    /// The distinct hosts, in first-seen order (empty hosts left out).
    pub fn hosts(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for rule in &self.rules {
            if !rule.host.is_empty() && !out.contains(&rule.host.as_str()) {
                out.push(&rule.host);
            }
        }
        out
    }

    /// Whether the ClusterIssuer is written too.
    pub fn creates_issuer(&self) -> bool {
        self.enabled
            && self.tls == TlsSource::CertManager
            && self.issuer.kind == IssuerKind::ClusterIssuer
            && self.issuer.create
    }
}
