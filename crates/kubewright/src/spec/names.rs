//! Every name Kubewright makes from the user's names: the objects' names and the Job pods' label.
//! The renderer writes them, validation checks them against their kind's rule and the importer
//! recognises them, all through these functions, so the three cannot drift apart.

use super::{AppSpec, CronJob, Database, DatabaseKind, Job};

/// The label every object and pod of the app carries (`app: <name>`), and the one the Service and
/// the Deployment select pods by.
pub const APP_LABEL: &str = "app";

/// The database Secret's name is the database's name with this after it.
const CREDENTIALS_SUFFIX: &str = "-credentials";

impl AppSpec {
    /// The ConfigMap's name, `<name>-env`.
    pub fn config_map_name(&self) -> String {
        format!("{}-env", self.app.name)
    }

    /// The Secret's name, `<name>-env-secret`.
    pub fn secret_name(&self) -> String {
        format!("{}-env-secret", self.app.name)
    }

    /// The name of a volume's own object (its claim, ConfigMap or Secret), `<name>-<volume>`.
    pub fn volume_object_name(&self, volume: &super::Volume) -> String {
        format!("{}-{}", self.app.name, volume.name)
    }

    /// The ServiceAccount's name, the app's, or `None` when the pods run as the namespace's
    /// `default` account.
    pub fn service_account_name(&self) -> Option<String> {
        self.service_account.enabled.then(|| self.app.name.clone())
    }

    /// The registry login Secret's name, `<name>-registry`, or `None` when it is off.
    pub fn registry_secret_name(&self) -> Option<String> {
        self.registry
            .enabled
            .then(|| format!("{}-registry", self.app.name))
    }

    /// The Ingress's name, the app's.
    pub fn ingress_name(&self) -> String {
        self.app.name.clone()
    }

    /// The TLS Secret the Ingress names: `<name>-tls` (made by cert-manager), the existing one the
    /// user named, or `None` without TLS.
    pub fn tls_secret_name(&self) -> Option<String> {
        match self.ingress.tls {
            super::TlsSource::None => None,
            super::TlsSource::CertManager => Some(format!("{}-tls", self.app.name)),
            super::TlsSource::Secret => Some(self.ingress.tls_secret.clone()),
        }
    }

    /// The headless Service's name, `<name>-headless`.
    pub fn headless_service_name(&self) -> String {
        format!("{}-headless", self.app.name)
    }

    /// The base of a Job's names, `<app>-<job>`: its pods' `app` label, and its own name before the
    /// run number.
    pub fn job_base_name(&self, job_name: &str) -> String {
        format!("{}-{job_name}", self.app.name)
    }

    /// A Job's name, `<app>-<job>-<run>`: a Job's pod template cannot be changed and a finished Job
    /// keeps its name, so every run gets a new name (bump the run number) and is started with
    /// `kubectl create`.
    pub fn job_name(&self, job: &Job) -> String {
        format!("{}-{}", self.job_base_name(&job.name), job.run)
    }

    /// The labels of a Job's pods: `app: <name>-<job>`, then the extra labels. Not the app's own
    /// label, because the app's Service selects `app: <name>` and would otherwise send traffic to a
    /// running migration pod.
    pub fn job_pod_labels(&self, job: &Job) -> Vec<(String, String)> {
        let mut labels = vec![(APP_LABEL.to_string(), self.job_base_name(&job.name))];
        labels.extend(self.extra_labels());
        labels
    }

    /// A CronJob's name, `<app>-<name>` (each run's Job gets a suffix from the controller).
    pub fn cron_job_name(&self, cron: &CronJob) -> String {
        self.job_base_name(&cron.name)
    }

    /// The labels of a CronJob's pods: `app: <app>-<name>`, then the extra labels (not the app's
    /// own label, for the same reason as a Job's).
    pub fn cron_job_pod_labels(&self, cron: &CronJob) -> Vec<(String, String)> {
        let mut labels = vec![(APP_LABEL.to_string(), self.cron_job_name(cron))];
        labels.extend(self.extra_labels());
        labels
    }

    /// What follows `<app>-` in a name made from the app's (a Job's name or its pods' label).
    pub fn after_app_name<'a>(&self, name: &'a str) -> Option<&'a str> {
        name.strip_prefix(self.app.name.as_str())?.strip_prefix('-')
    }

    /// The run number in `full` when it is the name of the Job `job_name` (`<app>-<job>-<run>`).
    pub fn job_run(&self, job_name: &str, full: &str) -> Option<i64> {
        full.strip_prefix(&self.job_base_name(job_name))?
            .strip_prefix('-')?
            .parse()
            .ok()
    }
}

impl Database {
    /// The Secret holding the database password, `<name>-credentials`.
    pub fn secret_name(&self) -> String {
        format!("{}{CREDENTIALS_SUFFIX}", self.name)
    }

    /// The database name a password Secret named `secret_name` belongs to, if it is named like one.
    pub fn name_of_secret(secret_name: &str) -> Option<&str> {
        secret_name.strip_suffix(CREDENTIALS_SUFFIX)
    }

    /// The name of the Service the app connects to, or `None` without a database.
    ///
    /// Bitnami's chart (standalone architecture) names its primary Service after the release's
    /// "fullname": the release name when it already contains `postgresql`, else
    /// `<release>-postgresql`, cut to 63 characters without a trailing '-' (the chart's
    /// `common.names.fullname`). CloudNativePG names the read-write Service `<cluster>-rw`.
    pub fn service_name(&self) -> Option<String> {
        match self.kind {
            DatabaseKind::None => None,
            DatabaseKind::Helm => {
                let full = if self.name.contains("postgresql") {
                    self.name.clone()
                } else {
                    format!("{}-postgresql", self.name)
                };
                let cut: String = full.chars().take(63).collect();
                Some(cut.trim_end_matches('-').to_string())
            }
            DatabaseKind::CloudNativePg => Some(format!("{}-rw", self.name)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn job_names_read_back() {
        let mut spec = AppSpec::default();
        spec.app.name = "shop".into();
        let job = Job {
            name: "db-migrate".into(),
            run: 3,
            ..Job::default()
        };
        let full = spec.job_name(&job);
        assert_eq!(full, "shop-db-migrate-3");
        assert_eq!(
            spec.after_app_name(&spec.job_base_name(&job.name)),
            Some("db-migrate")
        );
        assert_eq!(spec.job_run(&job.name, &full), Some(3));
        assert_eq!(spec.job_run("db", &full), None);
        assert_eq!(spec.after_app_name("shopping-1"), None);
        assert_eq!(Database::name_of_secret("pg-credentials"), Some("pg"));
        assert_eq!(Database::name_of_secret("pg-secret"), None);
    }
}
