//! The first preset (`presets/web-app.json`, what the page shows on load) written as code, so that
//! the start-up module, which edits that screen before the full page arrives, has it without a JSON
//! reader (the spec's derived deserializers and serde_json were a third of that module). The file
//! stays the preset: a test checks this is equal to it, field for field.

use crate::spec::{
    App, AppSpec, ContainerPort, CpuMemory, EnvEntry, Image, Job, NetworkPolicy, Probe,
    ProbeAction, Probes, PullPolicy, Resources, RestartPolicy, Security, Service, ServiceAccount,
    ServiceType,
};

/// `presets/web-app.json` as a spec.
pub fn first_spec() -> AppSpec {
    AppSpec {
        app: App {
            name: "web".into(),
            namespace: "web".into(),
            replicas: 2,
            revision_history_limit: 10,
            max_surge: "25%".into(),
            max_unavailable: "0".into(),
            ..App::default()
        },
        image: Image {
            repository: "ghcr.io/example/web".into(),
            tag: "1.0.0".into(),
            pull_policy: PullPolicy::IfNotPresent,
            ..Image::default()
        },
        env: vec![
            EnvEntry::new("PORT", "8080"),
            EnvEntry::new("LOG_LEVEL", "info"),
        ],
        secrets: vec![EnvEntry::new("DATABASE_URL", "")],
        downward: Vec::new(),
        port: ContainerPort {
            name: "http".into(),
            number: 8080,
            protocol: crate::spec::Protocol::Tcp,
        },
        probes: Probes {
            liveness: http_probe(10),
            readiness: http_probe(5),
            ..Probes::default()
        },
        resources: Resources {
            requests: cpu_memory("100m", "128Mi"),
            limits: cpu_memory("500m", "256Mi"),
        },
        security: Security {
            run_as_non_root: true,
            run_as_user: Some(1000),
            run_as_group: Some(1000),
            seccomp_runtime_default: true,
            no_privilege_escalation: true,
            read_only_root_filesystem: true,
            drop_all_capabilities: true,
            writable_tmp: "/tmp".into(),
        },
        service: Service {
            kind: ServiceType::ClusterIp,
            port: 80,
            ..Service::default()
        },
        jobs: vec![Job {
            name: "migrate".into(),
            run: 0,
            args: vec!["migrate".into()],
            restart_policy: RestartPolicy::OnFailure,
            backoff_limit: Some(3),
            ttl_seconds_after_finished: Some(3600),
            ..Job::default()
        }],
        service_account: ServiceAccount { enabled: true },
        network_policy: NetworkPolicy {
            enabled: true,
            ..NetworkPolicy::default()
        },
        ..AppSpec::default()
    }
}

fn http_probe(period_seconds: i64) -> Probe {
    Probe {
        action: ProbeAction::HttpGet {
            path: "/healthz".into(),
            port: "http".into(),
        },
        period_seconds: Some(period_seconds),
        ..Probe::default()
    }
}

fn cpu_memory(cpu: &str, memory: &str) -> CpuMemory {
    CpuMemory {
        cpu: cpu.into(),
        memory: memory.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets::PRESETS;

    #[test]
    fn is_the_first_preset_file() {
        assert_eq!(PRESETS[0].id, "web-app");
        assert_eq!(first_spec(), PRESETS[0].spec().unwrap());
    }
}
