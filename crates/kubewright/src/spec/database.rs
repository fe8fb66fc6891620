use serde::{Deserialize, Serialize};

/// The PostgreSQL database the app uses, run in the app's namespace.
///
/// The database password lives in its own Secret, `<name>-credentials`, in the format the chart or
/// operator reads (never on a command line). The app gets the connection string as one more key of its
/// own Secret (`url_env`, default `DATABASE_URL`), derived from these settings and the database
/// Service's cluster DNS name, so the password is in two Secrets: the database's, which the chart or
/// operator reads, and the app's, which the app reads. Both are applied from files.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Database {
    /// How PostgreSQL is run. Default none (bring your own; put its URL into the secrets yourself).
    pub kind: DatabaseKind,
    /// Helm release name or CloudNativePG Cluster name; a DNS label. Default `db`.
    pub name: String,
    /// The database user the app connects as (it owns the database). Default `app`.
    pub user: String,
    /// The database name. Default `app`.
    pub database: String,
    /// The user's password. Default empty: fill it in (the form masks it).
    pub password: String,
    /// Helm chart only: the `postgres` superuser's password, which the chart requires. Default empty.
    pub admin_password: String,
    /// Helm chart only: chart version for `--version`; empty installs the newest. Default empty.
    pub chart_version: String,
    /// Helm chart only: run Bitnami's frozen image copy from `docker.io/bitnamilegacy` (the chart's
    /// default images are gone from Docker Hub since 2025), adding `--set
    /// image.repository=bitnamilegacy/postgresql --set global.security.allowInsecureImages=true`.
    /// It gets no security updates: for a lasting database use CloudNativePG. Default off.
    pub legacy_image: bool,
    /// CloudNativePG only: number of PostgreSQL instances (1 primary + replicas). Default 1; 1 or more.
    pub instances: i64,
    /// CloudNativePG only: storage per instance, a quantity such as `1Gi`. Default `1Gi`.
    pub storage_size: String,
    /// The app's env var that receives the connection URL; empty adds none. Default `DATABASE_URL`.
    pub url_env: String,
    /// The URL's scheme: `postgres` (Rails, Django, most libraries) or `ecto` (Phoenix). Default
    /// `postgres`.
    pub url_scheme: String,
    /// Writes PostgreSQL's port (`:5432`) into the URL. Default on; off gives the shorter URL that
    /// every PostgreSQL library reads the same way (the 2018 article's form).
    pub url_port: bool,
}

impl Default for Database {
    fn default() -> Self {
        Database {
            kind: DatabaseKind::None,
            name: "db".into(),
            user: "app".into(),
            database: "app".into(),
            password: String::new(),
            admin_password: String::new(),
            chart_version: String::new(),
            legacy_image: false,
            instances: 1,
            storage_size: "1Gi".into(),
            url_env: "DATABASE_URL".into(),
            url_scheme: "postgres".into(),
            url_port: true,
        }
    }
}

/// How PostgreSQL is run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DatabaseKind {
    /// No database objects or commands.
    #[default]
    None,
    /// Bitnami's PostgreSQL Helm chart from its OCI registry (`helm install NAME oci://...`).
    Helm,
    /// A CloudNativePG `Cluster` object (the operator must be installed once per cluster).
    CloudNativePg,
}

/// PostgreSQL's port, the same for both kinds.
pub const POSTGRES_PORT: i64 = 5432;

/// Where Bitnami publishes its charts as OCI artifacts.
pub const BITNAMI_CHART: &str = "oci://registry-1.docker.io/bitnamicharts/postgresql";

impl DatabaseKind {
    pub const ALL: [DatabaseKind; 3] = [
        DatabaseKind::None,
        DatabaseKind::Helm,
        DatabaseKind::CloudNativePg,
    ];

    /// The name the form and the spec file use.
    pub fn as_str(self) -> &'static str {
        match self {
            DatabaseKind::None => "none",
            DatabaseKind::Helm => "helm",
            DatabaseKind::CloudNativePg => "cloud_native_pg",
        }
    }
}

impl Database {
    /// The Service's DNS name: `<service>.<namespace>.svc.cluster.local`, or just `<service>` when the
    /// namespace is left to kubectl (a short name resolves inside the pod's own namespace).
    pub fn host(&self, namespace: Option<&str>) -> Option<String> {
        let service = self.service_name()?;
        Some(match namespace {
            Some(ns) => format!("{service}.{ns}.svc.cluster.local"),
            None => service,
        })
    }

    /// The connection URL the app gets, `scheme://user:password@host:5432/database` (without
    /// `:5432` when `url_port` is off), with user,
    /// password and database percent-encoded so any character survives; `None` without a database.
    pub fn url(&self, namespace: Option<&str>) -> Option<String> {
        self.url_with(namespace, None)
    }

    /// The same URL with the password shown as `*****` (for the page; the real one is in the Secret).
    pub fn masked_url(&self, namespace: Option<&str>) -> Option<String> {
        self.url_with(namespace, Some("*****"))
    }

    fn url_with(&self, namespace: Option<&str>, mask: Option<&str>) -> Option<String> {
        use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
        // Everything but RFC 3986's unreserved characters, so `@`, `:`, `/`, `%` in a password
        // cannot end the userinfo early.
        const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
            .remove(b'-')
            .remove(b'.')
            .remove(b'_')
            .remove(b'~');
        let host = self.host(namespace)?;
        let enc = |s: &str| utf8_percent_encode(s, COMPONENT).to_string();
        let port = if self.url_port {
            format!(":{POSTGRES_PORT}")
        } else {
            String::new()
        };
        Some(format!(
            "{}://{}:{}@{host}{port}/{}",
            self.url_scheme,
            enc(&self.user),
            mask.map(str::to_string)
                .unwrap_or_else(|| enc(&self.password)),
            enc(&self.database)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db(kind: DatabaseKind, name: &str) -> Database {
        Database {
            kind,
            name: name.into(),
            ..Database::default()
        }
    }

    #[test]
    fn service_names_follow_the_chart_and_the_operator() {
        // (kind, release or cluster name, the Service PostgreSQL is reached at)
        let cases = [
            (DatabaseKind::Helm, "db", Some("db-postgresql")),
            // Bitnami's fullname: a release name that contains the chart name is used as is.
            (
                DatabaseKind::Helm,
                "kube-native-postgresql",
                Some("kube-native-postgresql"),
            ),
            (DatabaseKind::Helm, "postgresql", Some("postgresql")),
            (DatabaseKind::CloudNativePg, "db", Some("db-rw")),
            (DatabaseKind::None, "db", None),
        ];
        for (kind, name, service) in cases {
            assert_eq!(
                db(kind, name).service_name().as_deref(),
                service,
                "{kind:?} {name}"
            );
        }
        // Cut to 63 characters, no trailing '-' (the chart's `trunc 63 | trimSuffix "-"`).
        let long = format!("{}-x", "a".repeat(51));
        let name = db(DatabaseKind::Helm, &long).service_name().unwrap();
        assert_eq!(name.len(), 63);
        assert_eq!(name, format!("{long}-postgresq"));
        let dash = format!("{}-", "a".repeat(52));
        let name = db(DatabaseKind::Helm, &dash).service_name().unwrap();
        assert!(!name.ends_with('-'), "{name}");
    }

    #[test]
    fn the_url_uses_the_cluster_dns_name_and_encodes_user_and_password() {
        let mut d = db(DatabaseKind::CloudNativePg, "pg");
        d.password = "p@ss:w/rd%".into();
        d.user = "app_user".into();
        assert_eq!(
            d.url(Some("shop")).unwrap(),
            "postgres://app_user:p%40ss%3Aw%2Frd%25@pg-rw.shop.svc.cluster.local:5432/app"
        );
        d.url_scheme = "ecto".into();
        assert_eq!(
            d.url(None).unwrap(),
            "ecto://app_user:p%40ss%3Aw%2Frd%25@pg-rw:5432/app"
        );
        assert_eq!(db(DatabaseKind::None, "pg").url(Some("x")), None);
        d.url_port = false;
        assert_eq!(
            d.url(None).unwrap(),
            "ecto://app_user:p%40ss%3Aw%2Frd%25@pg-rw/app"
        );
    }
}
