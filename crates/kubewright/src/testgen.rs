//! Spec generators (proptest strategies), behind the `testgen` feature: used by the property tests and
//! by `examples/generate-specs.rs`, which feeds generated specs to the external validators.
//!
//! [`valid_spec`] makes specs the API server would accept (DNS names, C-identifier env names, real
//! quantities) with values drawn from anything: unicode, YAML-special text, newlines. [`any_spec`] makes
//! specs from arbitrary strings and numbers everywhere, for "never panics, reads back byte-exact".

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;

use crate::spec::*;

/// Text that trips YAML and shells up, plus arbitrary unicode.
pub fn tricky_text() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            " ",
            ": ",
            "#",
            "# x",
            "*a",
            "&x",
            "- ",
            "-",
            "'",
            "\"",
            "\n",
            "a\nb",
            "a\n",
            "\t",
            "yes",
            "no",
            "on",
            "off",
            "y",
            "n",
            "Y",
            "~",
            "null",
            "true",
            "0x10",
            "1e3",
            "1_000",
            "0777",
            "1:30",
            ".inf",
            "2001-12-14",
            "4000",
            "3.14",
            "<<",
            "=",
            "!tag",
            "%x",
            "@x",
            "`x`",
            "{a: 1}",
            "[1, 2]",
            "|",
            ">",
            "a: b",
            "x #y",
            "trailing ",
            " leading",
            "\u{feff}bom",
            "\u{85}nel",
            "\u{2028}ls",
            "é",
            "日本語",
            "🦀",
            "\r\n",
            "\\",
        ])
        .prop_map(str::to_string),
        "\\PC{0,40}",
        any::<String>().prop_map(|s| s.replace('\0', "")),
        "[ -~]{200,400}",
    ]
}

/// Labels with distinct keys, none of them `app` (a duplicate key is refused by YAML readers; `app`
/// is the app's own label).
fn unique_labels(pairs: Vec<(String, String)>) -> Vec<Label> {
    let mut seen = std::collections::HashSet::new();
    pairs
        .into_iter()
        .filter(|(k, _)| k != "app" && seen.insert(k.clone()))
        .map(|(key, value)| Label { key, value })
        .collect()
}

fn dns_label() -> impl Strategy<Value = String> {
    "[a-z]([a-z0-9-]{0,14}[a-z0-9])?"
}

fn env_name() -> impl Strategy<Value = String> {
    "[A-Z_][A-Z0-9_]{0,20}"
}

fn quantity_cpu() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "100m", "250m", "1", "0.5", "2", "1000m"])
        .prop_map(str::to_string)
}

fn quantity_memory() -> impl Strategy<Value = String> {
    prop::sample::select(vec!["", "64Mi", "128Mi", "1Gi", "500M", "1e3", "256Mi"])
        .prop_map(str::to_string)
}

fn entries(
    name: BoxedStrategy<String>,
    value: BoxedStrategy<String>,
    max: usize,
) -> impl Strategy<Value = Vec<EnvEntry>> {
    vec((name, value), 0..max).prop_map(|pairs| {
        // Env names must be unique for the API server; keep the first of each.
        let mut seen = std::collections::HashSet::new();
        pairs
            .into_iter()
            .filter(|(n, _)| seen.insert(n.clone()))
            .map(|(name, value)| EnvEntry { name, value })
            .collect()
    })
}

fn probe(port: BoxedStrategy<String>, valid: bool) -> impl Strategy<Value = Probe> {
    let action = prop_oneof![
        Just(ProbeAction::None),
        vec(
            if valid {
                "[a-z/_-]{1,12}".boxed()
            } else {
                tricky_text().boxed()
            },
            1..4
        )
        .prop_map(|command| ProbeAction::Exec { command }),
        (
            if valid {
                "/[a-z0-9/_-]{0,12}".boxed()
            } else {
                tricky_text().boxed()
            },
            port
        )
            .prop_map(|(path, port)| ProbeAction::HttpGet { path, port }),
        (1i64..65536).prop_map(|p| ProbeAction::TcpSocket {
            port: p.to_string()
        }),
    ];
    let n = |lo: i64| option::of(lo..100i64);
    (action, n(0), n(1), n(1), n(1), option::of(Just(1i64))).prop_map(|(action, d, p, t, f, s)| {
        Probe {
            action,
            initial_delay_seconds: d,
            period_seconds: p,
            timeout_seconds: t,
            failure_threshold: f,
            success_threshold: s,
        }
    })
}

/// Specs the API server accepts, with arbitrary env/secret values and job args.
/// [`valid_core_spec`] plus a target, a database, clustering and container env.
pub fn valid_spec() -> impl Strategy<Value = AppSpec> {
    let database = (
        prop::sample::select(DatabaseKind::ALL.to_vec()),
        "[a-z]([a-z0-9-]{0,20}[a-z0-9])?",
        "[a-z][a-z0-9_]{0,10}",
        "[a-z][a-z0-9_]{0,10}",
        (tricky_text(), tricky_text()),
        1i64..4,
        quantity_memory(),
        prop::sample::select(vec!["DATABASE_URL", ""]),
        prop::sample::select(vec!["postgres", "ecto"]),
    )
        .prop_map(
            |(
                kind,
                name,
                user,
                database,
                (password, admin_password),
                instances,
                size,
                url_env,
                scheme,
            )| {
                // What the database rule accepts: passwords set, a user other than the superuser,
                // a storage size.
                Database {
                    kind,
                    name,
                    user: format!("u{user}"),
                    database,
                    password: format!("p{password}"),
                    admin_password: format!("a{admin_password}"),
                    chart_version: String::new(),
                    legacy_image: instances == 3,
                    instances,
                    storage_size: if size.is_empty() { "1Gi".into() } else { size },
                    url_env: url_env.into(),
                    url_scheme: scheme.into(),
                    url_port: instances != 2,
                }
            },
        );
    (
        valid_core_spec(),
        prop::sample::select(Target::ALL.to_vec()),
        database,
        (any::<bool>(), any::<bool>()),
        entries(env_name().boxed(), tricky_text().boxed(), 3),
        (valid_ingress(), valid_route()),
    )
        .prop_map(
            |(mut spec, target, database, (clustering, account), pod_env, (ingress, route))| {
                spec.service_account.enabled = account;
                expose(&mut spec, ingress);
                route::front(&mut spec, route);
                spec.target = target;
                spec.database = database;
                // Derived entries never clash with the user's (that clash is validation's business).
                if spec.secrets.iter().any(|e| e.name == spec.database.url_env) {
                    spec.database.url_env.clear();
                }
                spec.clustering.enabled = clustering;
                if spec.env.iter().any(|e| e.name == spec.clustering.query_env) {
                    spec.clustering.query_env.clear();
                }
                spec.pod_env = pod_env
                    .into_iter()
                    .filter(|e| spec.downward.iter().all(|d| d.name != e.name))
                    .collect();
                fit_scaling(&mut spec);
                spec
            },
        )
}

// What the CronJob and autoscaler rules need of the rest of the spec.
fn fit_scaling(spec: &mut AppSpec) {
    let app = spec.app.name.clone();
    spec.cron_jobs
        .retain(|c| app.len() + 1 + c.name.len() <= 52);
    // An autoscaler needs the requests its targets are percentages of.
    let r = &spec.resources;
    if effective_request(&r.requests.cpu, &r.limits.cpu).is_empty() {
        spec.autoscaling.enabled = false;
    }
    if effective_request(&r.requests.memory, &r.limits.memory).is_empty() {
        spec.autoscaling.memory_utilization = None;
    }
}

/// A spec the API server accepts, with the foundation's fields only.
pub fn valid_core_spec() -> impl Strategy<Value = AppSpec> {
    let writable_tmp = prop::sample::select(vec!["", "/tmp", "/app/tmp"]).prop_map(str::to_string);
    (
        valid_app(),
        (valid_image(), security(writable_tmp)),
        entries(env_name().boxed(), tricky_text().boxed(), 8),
        // A secret's value is required: an empty one stands for "any text".
        entries(
            env_name().boxed(),
            tricky_text()
                .prop_map(|t| if t.is_empty() { "s".into() } else { t })
                .boxed(),
            5,
        ),
        valid_downward(),
        valid_port(),
        valid_resources(),
        valid_service(),
        valid_jobs(),
        // stringData, and the checksum key (empty: none).
        (any::<bool>(), "([a-zA-Z0-9]{16,32})?"),
        (
            valid_autoscaling(),
            valid_budget(),
            valid_shutdown(),
            spreading(1i64..5),
            valid_cron_jobs(),
            valid_init(),
        ),
    )
        .prop_map(assemble)
        .prop_flat_map(|spec| {
            let name = spec.port.name.clone();
            (
                probe(Just(name.clone()).boxed(), true),
                probe(Just(name.clone()).boxed(), true),
                probe(Just(name).boxed(), true),
            )
                .prop_map(move |(liveness, readiness, startup)| AppSpec {
                    probes: Probes {
                        liveness,
                        readiness,
                        startup,
                    },
                    ..spec.clone()
                })
        })
}

/// A spec's generated sections, in the order they are drawn; the probes come after, from the port.
type Sections = (
    App,
    (Image, Security),
    Vec<EnvEntry>,
    Vec<EnvEntry>,
    Vec<DownwardEnv>,
    ContainerPort,
    Resources,
    Service,
    Vec<Job>,
    (bool, String),
    (
        Autoscaling,
        DisruptionBudget,
        Shutdown,
        Spreading,
        Vec<CronJob>,
        InitContainers,
    ),
);

fn assemble(
    (
        app,
        (image, security),
        env,
        secrets,
        downward,
        port,
        resources,
        service,
        jobs,
        (string_data, checksum_key),
        (autoscaling, disruption_budget, shutdown, spreading, cron_jobs, init),
    ): Sections,
) -> AppSpec {
    // A port once in the pod: the app's first, then each sidecar's.
    let mut init = init;
    let mut taken = vec![port.number];
    for sidecar in &mut init.sidecars {
        sidecar.ports.retain(|p| !taken.contains(p));
        taken.extend(&sidecar.ports);
    }
    AppSpec {
        init,
        cron_jobs,
        spreading,
        shutdown,
        autoscaling,
        disruption_budget,
        app,
        image,
        env,
        secrets,
        secret_options: SecretOptions {
            string_data,
            checksum_key,
            ..SecretOptions::default()
        },
        downward,
        port,
        resources,
        security,
        service,
        jobs,
        ..AppSpec::default()
    }
}

/// An autoscaler within the API's bounds (on or off; [`valid_spec`] turns it off again when the
/// resources have no CPU request).
fn valid_autoscaling() -> impl Strategy<Value = Autoscaling> {
    (
        any::<bool>(),
        1i64..5,
        0i64..6,
        1i64..200,
        option::of(1i64..200),
        option::of(0i64..=3600),
    )
        .prop_map(|(enabled, min, extra, cpu, memory, window)| Autoscaling {
            enabled,
            min_replicas: min,
            max_replicas: min + extra,
            cpu_utilization: cpu,
            memory_utilization: memory,
            scale_down_stabilization_seconds: window,
        })
}

/// A budget within the API's bounds: a count or a percentage up to 100%.
fn valid_budget() -> impl Strategy<Value = DisruptionBudget> {
    (
        any::<bool>(),
        prop::sample::select(BudgetLimit::ALL.to_vec()),
        prop_oneof![
            (0i64..5).prop_map(|n| n.to_string()),
            (0u32..=100).prop_map(|p| format!("{p}%")),
        ],
    )
        .prop_map(|(enabled, limit, value)| DisruptionBudget {
            enabled,
            limit,
            value,
        })
}

/// CronJobs the API server accepts (names unique and short; [`valid_spec`] drops those whose
/// full name is too long for the app's name).
fn valid_cron_jobs() -> impl Strategy<Value = Vec<CronJob>> {
    vec(
        (
            "[a-z]([a-z0-9-]{0,8}[a-z0-9])?",
            prop::sample::select(vec![
                "30 3 * * *",
                "*/15 * * * *",
                "@daily",
                "0 9 * * 1-5",
                "0 0 1 * *",
            ]),
            prop::sample::select(vec!["", "UTC", "Europe/Berlin", "America/New_York"]),
            vec(tricky_text(), 0..3),
            prop::sample::select(ConcurrencyPolicy::ALL.to_vec()),
            (
                option::of(0i64..1000),
                option::of(0i64..10),
                option::of(1i64..10_000),
            ),
        ),
        0..3,
    )
    .prop_map(|crons| {
        let mut out: Vec<CronJob> = Vec::new();
        for (name, schedule, zone, args, policy, (deadline, history, active)) in crons {
            if out.iter().any(|c| c.name == name) {
                continue;
            }
            out.push(CronJob {
                name,
                schedule: schedule.into(),
                time_zone: zone.into(),
                args,
                concurrency_policy: policy,
                starting_deadline_seconds: deadline,
                successful_jobs_history_limit: history,
                failed_jobs_history_limit: history,
                active_deadline_seconds: active,
                ..CronJob::default()
            });
        }
        out
    })
}

fn any_cron_jobs() -> impl Strategy<Value = Vec<CronJob>> {
    let t = tricky_text;
    vec((t(), t(), t(), option::of(any::<i64>())), 0..3).prop_map(|v| {
        v.into_iter()
            .map(|(name, schedule, time_zone, deadline)| CronJob {
                name,
                schedule,
                time_zone,
                starting_deadline_seconds: deadline,
                ..CronJob::default()
            })
            .collect()
    })
}

/// Any spreading mode and choice, with skews from `skew`.
fn spreading(skew: impl Strategy<Value = i64>) -> impl Strategy<Value = Spreading> {
    (
        prop::sample::select(SpreadMode::ALL.to_vec()),
        skew,
        prop::sample::select(WhenUnsatisfiable::ALL.to_vec()),
    )
        .prop_map(|(mode, max_skew, when_unsatisfiable)| Spreading {
            mode,
            max_skew,
            when_unsatisfiable,
        })
}

/// A grace period and a pause that fits in it.
fn valid_shutdown() -> impl Strategy<Value = Shutdown> {
    (option::of(0i64..120), option::of(1i64..40)).prop_map(|(grace, pause)| {
        let room = grace.unwrap_or(DEFAULT_GRACE_SECONDS);
        Shutdown {
            termination_grace_period_seconds: grace,
            pre_stop_sleep_seconds: pause.map(|p| p.min(room)).filter(|p| *p >= 1),
        }
    })
}

/// No wait, or a wait for a typed host (the core spec sets up no database); up to two sidecars
/// named apart from each other and the app (their ports are kept off the app's in `assemble`).
fn valid_init() -> impl Strategy<Value = InitContainers> {
    let sidecar = (
        "[a-z]{1,8}/[a-z]{1,8}(:[a-z0-9]{1,8})?",
        prop::collection::vec(tricky_text(), 0..3),
        option::of(1i64..65536),
        prop::collection::vec(("[A-Z][A-Z0-9_]{0,10}", tricky_text()), 0..3),
        valid_resources(),
    );
    (
        option::of("[a-z]([a-z0-9-]{0,18}[a-z0-9])?(\\.[a-z][a-z0-9]{0,10}){0,2}"),
        prop::collection::vec(sidecar, 0..3),
    )
        .prop_map(|(host, sidecars)| InitContainers {
            wait_for_database: host.is_some(),
            wait_host: host.unwrap_or_default(),
            sidecars: sidecars
                .into_iter()
                .enumerate()
                .map(|(i, (image, args, port, env, resources))| Sidecar {
                    name: format!("side-{i}"),
                    image,
                    args,
                    ports: port.into_iter().collect(),
                    env: env
                        .into_iter()
                        .map(|(n, v)| EnvEntry::new(&n, &v))
                        .collect(),
                    resources,
                })
                .collect(),
            ..InitContainers::default()
        })
}

fn any_init() -> impl Strategy<Value = InitContainers> {
    let t = tricky_text;
    let sidecar = (
        t(),
        t(),
        prop::collection::vec(t(), 0..2),
        prop::collection::vec(any::<i64>(), 0..2),
        prop::collection::vec((t(), t()), 0..2),
        any_resources(),
    )
        .prop_map(|(name, image, args, ports, env, resources)| Sidecar {
            name,
            image,
            args,
            ports,
            env: env
                .into_iter()
                .map(|(n, v)| EnvEntry::new(&n, &v))
                .collect(),
            resources,
        });
    (
        any::<bool>(),
        t(),
        t(),
        prop::collection::vec(sidecar, 0..2),
    )
        .prop_map(
            |(wait_for_database, wait_image, wait_host, sidecars)| InitContainers {
                wait_for_database,
                wait_image,
                wait_host,
                sidecars,
            },
        )
}

fn any_shutdown() -> impl Strategy<Value = Shutdown> {
    (option::of(any::<i64>()), option::of(any::<i64>())).prop_map(|(grace, pause)| Shutdown {
        termination_grace_period_seconds: grace,
        pre_stop_sleep_seconds: pause,
    })
}

fn any_budget() -> impl Strategy<Value = DisruptionBudget> {
    (
        any::<bool>(),
        prop::sample::select(BudgetLimit::ALL.to_vec()),
        tricky_text(),
    )
        .prop_map(|(enabled, limit, value)| DisruptionBudget {
            enabled,
            limit,
            value,
        })
}

fn any_autoscaling() -> impl Strategy<Value = Autoscaling> {
    (
        any::<bool>(),
        any::<i64>(),
        any::<i64>(),
        any::<i64>(),
        option::of(any::<i64>()),
        option::of(any::<i64>()),
    )
        .prop_map(|(enabled, min, max, cpu, memory, window)| Autoscaling {
            enabled,
            min_replicas: min,
            max_replicas: max,
            cpu_utilization: cpu,
            memory_utilization: memory,
            scale_down_stabilization_seconds: window,
        })
}

fn valid_app() -> impl Strategy<Value = App> {
    (
        dns_label(),
        dns_label(),
        0i64..10,
        0i64..20,
        prop::sample::select(vec!["25%", "1", "10%", "0"]),
        vec(
            (
                "([a-z]{1,6}\\.io/)?[a-zA-Z0-9]([a-zA-Z0-9_.-]{0,8}[a-zA-Z0-9])?",
                "|[a-zA-Z0-9]([a-zA-Z0-9_.-]{0,8}[a-zA-Z0-9])?",
            ),
            0..3,
        ),
    )
        .prop_map(
            |(name, namespace, replicas, revision_history_limit, surge, labels)| App {
                name,
                namespace,
                labels: unique_labels(labels),
                replicas,
                revision_history_limit,
                max_surge: surge.to_string(),
                // Not both zero: the API server refuses maxSurge 0 with maxUnavailable 0.
                max_unavailable: if surge == "0" { "1".into() } else { "0".into() },
            },
        )
}

fn valid_image() -> impl Strategy<Value = Image> {
    (
        "[a-z0-9]{1,10}(/[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?){0,2}",
        "[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,10}",
        prop::sample::select(PullPolicy::ALL.to_vec()),
    )
        .prop_map(|(repository, tag, pull_policy)| Image {
            digest: String::new(),
            repository,
            tag,
            pull_policy,
        })
}

fn valid_port() -> impl Strategy<Value = ContainerPort> {
    (
        "[a-z]{1,8}",
        1i64..65536,
        prop::sample::select(Protocol::ALL.to_vec()),
    )
        .prop_map(|(name, number, protocol)| ContainerPort {
            name,
            number,
            protocol,
        })
}

fn valid_resources() -> impl Strategy<Value = Resources> {
    (
        quantity_cpu(),
        quantity_memory(),
        quantity_cpu(),
        quantity_memory(),
    )
        .prop_map(|(rc, rm, lc, lm)| {
            // A request above its limit is refused: raise the limit to the request then.
            let at_least = |request: &str, limit: String| {
                let parse = crate::validate::quantity::parse;
                match (parse(request), parse(&limit)) {
                    (Ok(r), Ok(l)) if r > l => request.to_string(),
                    _ => limit,
                }
            };
            Resources {
                limits: CpuMemory::new(&at_least(&rc, lc), &at_least(&rm, lm)),
                requests: CpuMemory::new(&rc, &rm),
            }
        })
}

fn valid_service() -> impl Strategy<Value = Service> {
    (
        prop::sample::select(ServiceType::ALL.to_vec()),
        1i64..65536,
        option::of(30000i64..32768),
    )
        .prop_map(|(kind, port, node_port)| Service {
            kind,
            port,
            node_port,
        })
}

fn valid_downward() -> impl Strategy<Value = Vec<DownwardEnv>> {
    vec(
        (
            env_name(),
            prop::sample::select(DownwardField::ALL.to_vec()),
        ),
        0..3,
    )
    .prop_map(|v| {
        v.into_iter()
            .map(|(name, field)| DownwardEnv {
                name: format!("DW_{name}"),
                field,
            })
            .collect::<Vec<_>>()
    })
}

fn valid_jobs() -> impl Strategy<Value = Vec<Job>> {
    vec(
        (
            dns_label(),
            0i64..100,
            vec(tricky_text(), 0..3),
            prop::sample::select(RestartPolicy::ALL.to_vec()),
            option::of(0i64..10),
            option::of(0i64..100_000),
        ),
        0..3,
    )
    .prop_map(|jobs| {
        let mut seen = std::collections::HashSet::new();
        jobs.into_iter()
            .filter(|j| seen.insert(j.0.clone()))
            .map(
                |(name, run, args, restart_policy, backoff_limit, ttl)| Job {
                    name,
                    run,
                    args,
                    restart_policy,
                    image_pull_policy: None,
                    backoff_limit,
                    ttl_seconds_after_finished: ttl,
                },
            )
            .collect::<Vec<_>>()
    })
}

/// Any combination of the securityContext switches, with a uid and a tmp path.
fn security(writable_tmp: impl Strategy<Value = String>) -> impl Strategy<Value = Security> {
    (
        prop::array::uniform5(any::<bool>()),
        option::of(1i64..70_000),
        writable_tmp,
    )
        .prop_map(
            |([non_root, seccomp, no_esc, ro, drop], uid, writable_tmp)| Security {
                run_as_non_root: non_root,
                run_as_user: uid,
                run_as_group: uid,
                seccomp_runtime_default: seccomp,
                no_privilege_escalation: no_esc,
                read_only_root_filesystem: ro,
                drop_all_capabilities: drop,
                writable_tmp,
            },
        )
}

/// Specs from arbitrary text and numbers in every field: not valid Kubernetes, but the renderer must
/// still render them without panicking, and every value must read back unchanged.
pub fn any_spec() -> impl Strategy<Value = AppSpec> {
    let t = tricky_text;
    // Names are deduplicated here (a duplicate key is its own test: YAML readers refuse it).
    let pairs = |max| entries(t().boxed(), t().boxed(), max);
    (
        any_app(),
        (any_image(), security(t())),
        pairs(6),
        pairs(6),
        Just(vec![DownwardEnv::default()]),
        any_port(),
        any_resources(),
        any_service(),
        any_jobs(),
        (any::<bool>(), t()),
        (
            any_autoscaling(),
            any_budget(),
            any_shutdown(),
            spreading(any::<i64>()),
            any_cron_jobs(),
            any_init(),
        ),
    )
        .prop_map(assemble)
        .prop_flat_map(|spec| {
            (
                probe(Just(spec.port.name.clone()).boxed(), false),
                probe(tricky_text().boxed(), false),
            )
                .prop_map(move |(liveness, readiness)| AppSpec {
                    probes: Probes {
                        liveness,
                        readiness,
                        startup: Probe::default(),
                    },
                    ..spec.clone()
                })
        })
}

fn any_app() -> impl Strategy<Value = App> {
    let t = tricky_text;
    (
        t(),
        t(),
        any::<i64>(),
        any::<i64>(),
        t(),
        t(),
        vec((t(), t()), 0..3),
    )
        .prop_map(
            |(name, namespace, replicas, rhl, surge, unavailable, labels)| App {
                name,
                namespace,
                labels: unique_labels(labels),
                replicas,
                revision_history_limit: rhl,
                max_surge: surge,
                max_unavailable: unavailable,
            },
        )
}

fn any_image() -> impl Strategy<Value = Image> {
    let t = tricky_text;
    (
        t(),
        t(),
        t(),
        prop::sample::select(PullPolicy::ALL.to_vec()),
    )
        .prop_map(|(repository, tag, digest, pull_policy)| Image {
            repository,
            tag,
            digest,
            pull_policy,
        })
}

fn any_port() -> impl Strategy<Value = ContainerPort> {
    let t = tricky_text;
    (
        t(),
        any::<i64>(),
        prop::sample::select(Protocol::ALL.to_vec()),
    )
        .prop_map(|(name, number, protocol)| ContainerPort {
            name,
            number,
            protocol,
        })
}

fn any_resources() -> impl Strategy<Value = Resources> {
    let t = tricky_text;
    (t(), t(), t(), t()).prop_map(|(a, b, c, d)| Resources {
        requests: CpuMemory::new(&a, &b),
        limits: CpuMemory::new(&c, &d),
    })
}

fn any_service() -> impl Strategy<Value = Service> {
    (
        prop::sample::select(ServiceType::ALL.to_vec()),
        any::<i64>(),
        option::of(any::<i64>()),
    )
        .prop_map(|(kind, port, node_port)| Service {
            kind,
            port,
            node_port,
        })
}

fn any_jobs() -> impl Strategy<Value = Vec<Job>> {
    let t = tricky_text;
    vec((t(), any::<i64>(), vec(t(), 0..3)), 0..3).prop_map(|v| {
        v.into_iter()
            .map(|(name, run, args)| Job {
                name,
                run,
                args,
                ..Job::default()
            })
            .collect::<Vec<_>>()
    })
}

mod route;
pub use route::valid_route;

/// An Ingress the API server accepts: hosts (wildcards too, or none), paths, every TLS source and
/// issuer setting.
pub fn valid_ingress() -> impl Strategy<Value = Ingress> {
    let host = prop::sample::select(vec![
        "app.example.com",
        "www.example.com",
        "*.example.org",
        "",
        "a-b.c",
    ]);
    let row = (
        host,
        prop::sample::select(vec!["/", "/api", "/a/b.c", "/x-y_z/"]),
        prop::sample::select(PathType::ALL.to_vec()),
    )
        .prop_map(|(host, path, path_type)| IngressRule {
            host: host.into(),
            path: path.into(),
            path_type,
        });
    (
        any::<bool>(),
        prop::sample::select(vec!["nginx", "", "traefik"]),
        vec(row, 1..4),
        prop::sample::select(TlsSource::ALL.to_vec()),
        (
            prop::sample::select(IssuerKind::ALL.to_vec()),
            any::<bool>(),
            any::<bool>(),
        ),
        prop::sample::select(vec!["", "ops@example.com"]),
    )
        .prop_map(
            |(enabled, class, rules, tls, (kind, create, staging), email)| {
                let mut ingress = Ingress {
                    enabled,
                    class_name: class.into(),
                    rules,
                    tls,
                    tls_secret: "web-cert".into(),
                    ..Ingress::default()
                };
                ingress.issuer.kind = kind;
                ingress.issuer.create = create;
                ingress.issuer.staging = staging;
                ingress.issuer.email = email.into();
                // TLS names its hosts: give it one.
                if tls != TlsSource::None && ingress.hosts().is_empty() {
                    ingress.rules[0].host = "app.example.com".into();
                }
                ingress
            },
        )
}

// The Ingress, and (drawn from it, to keep the tuple small) the NetworkPolicy and registry login.
fn expose(spec: &mut AppSpec, ingress: Ingress) {
    spec.network_policy.enabled = ingress.class_name == "nginx";
    spec.network_policy.open_egress = ingress.tls == TlsSource::Secret;
    spec.registry = Registry {
        enabled: ingress.class_name == "traefik",
        server: "registry.example.com:5000".into(),
        username: "robot".into(),
        // Go's JSON escapes <, > and &: the byte comparison with kubectl checks ours does.
        password: format!("t<&>{}", ingress.rules.len()),
    };
    spec.ingress = ingress;
}
