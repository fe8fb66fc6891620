mod access;
mod ingress;
mod route;

use std::borrow::Cow;

use super::at_once::{apply_at_once, ApplyFrom};
use crate::k8s::{self, Object};
use crate::spec::{
    is_mutable_tag, AppSpec, DatabaseKind, PullPolicy, ServiceType, Target, BITNAMI_CHART,
};

/// One shell command and the one-line comment that says why it runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    pub comment: String,
    pub line: String,
}

impl Command {
    pub(super) fn new<S: AsRef<str>>(comment: impl Into<String>, words: &[S]) -> Self {
        let line = words
            .iter()
            .map(|w| quote(w.as_ref()))
            .collect::<Vec<_>>()
            .join(" ");
        Command {
            comment: comment.into(),
            line,
        }
    }
}

// Words made only of characters no shell treats specially are left as they are (`--for=condition=x`
// reads better unquoted); anything else, such as a user's name with a space or `$`, is quoted by shlex.
// A NUL byte cannot be in a command line at all, so it is shown escaped.
fn quote(word: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./:=@%+,".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        return Cow::Borrowed(word);
    }
    shlex::try_quote(word).unwrap_or_else(|_| Cow::Owned(word.escape_default().to_string()))
}

/// Splits a command line into words as a POSIX shell would (quotes, backslashes), without running
/// anything; `None` when a quote is not closed. Used for probe commands and Job args typed as one line.
pub fn split_words(text: &str) -> Option<Vec<String>> {
    shlex::split(text)
}

/// The inverse of [`split_words`]: words joined with spaces, quoted where a shell would need it.
pub fn join_words<'a>(words: impl IntoIterator<Item = &'a str>) -> String {
    words.into_iter().map(quote).collect::<Vec<_>>().join(" ")
}

/// The commands that build the image and apply the objects one file at a time, in the order they
/// must run (the files view, `render --out`). No command ever carries a secret value: the Secret is
/// applied from its file.
pub fn commands(spec: &AppSpec, objects: &[Object]) -> Vec<Command> {
    commands_for(spec, objects, ApplyFrom::Files)
}

/// The commands for the objects saved as `from` says, so what the user copied or downloaded is what
/// the commands apply.
pub fn commands_for(spec: &AppSpec, objects: &[Object], from: ApplyFrom) -> Vec<Command> {
    let kubectl = Kubectl {
        namespace: spec.namespace(),
    };
    let mut out = build(spec, &kubectl);
    let mut steps = Vec::new();
    for object in objects {
        apply(spec, object, &kubectl, &mut steps);
    }
    match from {
        ApplyFrom::Files => out.extend(steps.into_iter().map(|s| s.command)),
        ApplyFrom::Stream(_) | ApplyFrom::Kustomize(_) => {
            let (prepare, rest): (Vec<Step>, Vec<Step>) =
                steps.into_iter().partition(|s| s.role == Role::Prepare);
            out.extend(prepare.into_iter().map(|s| s.command));
            out.push(apply_at_once(spec, objects, &kubectl, from));
            out.extend(
                rest.into_iter()
                    .filter(|s| s.role == Role::Follow)
                    .map(|s| s.command),
            );
        }
    }
    out.push(kubectl.run(
        "Wait until the rollout is done and the new pods are ready",
        &["rollout", "status"],
        &[&format!("deployment/{}", spec.app.name)],
    ));
    // Kept objects are in the one file or folder; one at a time they have their own step.
    if from == ApplyFrom::Files {
        out.extend(kept_step(objects, &kubectl));
    }
    out.push(reach(spec, &kubectl));
    out
}

/// What a command does for the one-file and folder variants: a `Prepare` step must run before
/// anything is applied (an operator the objects need), `Apply` is replaced there by one apply of
/// everything, a `Follow` step waits or installs once the objects are in.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Prepare,
    Apply,
    Follow,
}

pub(super) struct Step {
    pub role: Role,
    pub command: Command,
}

impl From<Command> for Step {
    /// A plain command is a follow-up: applying is what `apply` closures mark.
    fn from(command: Command) -> Self {
        Step {
            role: Role::Follow,
            command,
        }
    }
}

// Building the image where the target's nodes find it: inside Minikube, or pushed to a registry.
// Minikube with a pull policy other than Never pulls a registry image like a real cluster, and
// there is nothing to build. `docker build .` reads the Dockerfile of the folder it runs in.
fn build(spec: &AppSpec, kubectl: &Kubectl) -> Vec<Command> {
    let image = spec.image.reference();
    let here = "; run it in your app's own folder, the one with its Dockerfile";
    match spec.target {
        Target::Minikube if spec.image.pull_policy != PullPolicy::Never => Vec::new(),
        Target::Minikube => vec![
            Command {
                comment: "Point docker at Minikube's Docker daemon, so the image is built right on the node \
                          (imagePullPolicy: Never never pulls)"
                    .into(),
                line: "eval $(minikube docker-env)".into(),
            },
            Command::new(
                format!(
                    "Build the app's image {image} inside Minikube{here}{}",
                    latest_note(spec, kubectl)
                ),
                &["docker", "build", "-t", &image, "."],
            ),
        ],
        Target::Cluster => {
            let tag_note = if is_mutable_tag(&spec.image.tag) {
                ". Warning: use an immutable tag (a version or the git commit) instead of latest: nodes \
                 cache images by tag, so a re-pushed tag can leave old and new code running side by side"
            } else {
                ". Give every build a new tag: a pushed tag should never change"
            };
            vec![
                Command::new(
                    format!("Build the app's image {image}{here}{tag_note}"),
                    &["docker", "build", "-t", &image, "."],
                ),
                Command::new(
                    "Push it to the registry the cluster pulls from",
                    &["docker", "push", &image],
                ),
            ]
        }
    }
}

// A CronJob: applied, then one run started now from its template, so nobody waits for 03:30 to see
// whether it works.
fn cron_job(c: &crate::k8s::CronJob, file: &str, kubectl: &Kubectl) -> [Command; 2] {
    let name = &c.metadata.name;
    let words = crate::spec::describe_schedule(&c.spec.schedule).unwrap_or_default();
    let trial = format!("{name}-try");
    let delete = kubectl.hint(&["delete"], &[&format!("job/{trial}")]);
    [
        kubectl.run(
            format!(
                "CronJob {name}: runs the app's image on its schedule ({words}, schedule `{}`)",
                c.spec.schedule
            ),
            &["apply"],
            &["-f", file],
        ),
        kubectl.run(
            format!("Try it now rather than wait for the schedule: a Job made from the CronJob's template (`{delete}` when done)"),
            &["create", "job"],
            &[&format!("--from=cronjob/{name}"), &trial],
        ),
    ]
}

// Applying one object, and waiting for what it starts where the next step needs it done.
fn apply(spec: &AppSpec, object: &Object, kubectl: &Kubectl, out: &mut Vec<Step>) {
    let file = object.file_name();
    let name = object.name();
    let apply = |comment: String| apply_step(kubectl, &file, comment);
    match object {
        Object::Namespace(_) => out.push(Step {
            role: Role::Apply,
            command: Command::new(
                format!("Create the namespace {name} that every other object lives in"),
                &["kubectl", "apply", "-f", &file],
            ),
        }),
        Object::NetworkPolicy(_) | Object::ServiceAccount(_) => {
            out.push(apply(access::comment(spec, object, name)))
        }
        Object::ConfigMap(_) => out.push(apply(format!("ConfigMap {name}: the app's plain environment variables"))),
        Object::Secret(_) => out.push(apply(format!(
            "Secret {name}: the secret environment variables, applied from the file so no value lands in your shell history"
        ))),
        Object::SealedSecret(_) => {
            out.push(apply(format!(
                "SealedSecret {name}: the secrets, encrypted; the sealed-secrets controller in the cluster decrypts them into the Secret {name}"
            )));
            let describe = kubectl.hint(&["describe"], &[&format!("sealedsecret/{name}")]);
            out.push(wait_for_secret(kubectl, name, &format!(
                " (if this times out: `{describe}` says why, e.g. a certificate from another cluster; --for=create needs kubectl 1.31 or newer)"
            )).into());
        }
        Object::Deployment(_) => out.push(apply(format!(
            "Deployment {name}: runs the app's pods and replaces them step by step on every change"
        ))),
        Object::Service(_) => out.push(apply(format!("Service {name}: one stable address in front of the ready pods"))),
        Object::HeadlessService(_) => out.push(apply(format!(
            "Service {name}: headless, so its DNS name lists every pod's IP and the pods can find each other"
        ))),
        Object::DatabaseSecret(_) | Object::DatabaseSealedSecret(_) | Object::Cluster(_) => {
            database(spec, object, &file, kubectl, out)
        }
        Object::Job(j) => {
            let [create, wait] = run_job(j, name, &file, kubectl);
            out.push(Step { role: Role::Apply, command: create });
            out.push(wait.into());
        }
        Object::HorizontalPodAutoscaler(h) => out.push(apply(format!(
            "HorizontalPodAutoscaler {name}: keeps {}-{} pods, adding them when the pods' CPU use is above its target (needs metrics-server; `kubectl get hpa` shows its view)",
            h.spec.min_replicas, h.spec.max_replicas
        ))),
        Object::PodDisruptionBudget(_) => out.push(apply(format!(
            "PodDisruptionBudget {name}: a node drain or cluster upgrade waits rather than take down more of the app's pods than it allows"
        ))),
        Object::CronJob(c) => {
            let [create, try_now] = cron_job(c, &file, kubectl);
            out.push(Step { role: Role::Apply, command: create });
            out.push(try_now.into());
        }
        Object::RegistrySecret(_) => out.push(apply(access::comment(spec, object, name))),
        Object::RegistrySealedSecret(_) => {
            out.push(apply(access::comment(spec, object, name)));
            out.push(wait_for_secret(kubectl, name, ", which the pods need to pull the image (--for=create needs kubectl 1.31 or newer)").into());
        }
        Object::ClusterIssuer(_) if spec.route.creates_issuer() => {
            out.extend(route::issuer(spec, &file, name))
        }
        Object::ClusterIssuer(_) => out.extend(ingress::issuer(spec, &file, name)),
        Object::Ingress(_) => out.extend(ingress::ingress(spec, &file, name, kubectl)),
        Object::ReferenceGrant(_) | Object::Gateway(_) | Object::HttpRoute(_) => {
            out.extend(route::apply(spec, object, &file, kubectl))
        }
        // Their own step, after the app is up.
        Object::Extra(_) => {}
    }
}

fn apply_step(kubectl: &Kubectl, file: &str, comment: String) -> Step {
    Step {
        role: Role::Apply,
        command: kubectl.run(comment, &["apply"], &["-f", file]),
    }
}

// The database's objects: its password, then the server (a Helm release or the operator's Cluster).
fn database(spec: &AppSpec, object: &Object, file: &str, kubectl: &Kubectl, out: &mut Vec<Step>) {
    let name = object.name();
    let apply = |comment: String| apply_step(kubectl, file, comment);
    match object {
        Object::DatabaseSecret(_) => {
            out.push(apply(format!(
                "Secret {name}: the database password, read by the database itself; applied from the file, never typed on a command line"
            )));
            out.extend(helm_install(spec, kubectl).map(Step::from));
        }
        Object::DatabaseSealedSecret(_) => {
            out.push(apply(format!(
                "SealedSecret {name}: the database password, encrypted; the controller decrypts it into the Secret {name} that the database reads"
            )));
            out.push(wait_for_secret(kubectl, name, ", which the database needs before it starts (--for=create needs kubectl 1.31 or newer)").into());
            out.extend(helm_install(spec, kubectl).map(Step::from));
        }
        Object::Cluster(_) => {
            out.push(Step { role: Role::Prepare, command: Command::new(
                "Install the CloudNativePG operator (once per cluster; skip if it is there): it turns Cluster objects into running PostgreSQL",
                &[
                    "helm", "upgrade", "--install", "cnpg", "cloudnative-pg",
                    "--repo", "https://cloudnative-pg.github.io/charts",
                    "--namespace", "cnpg-system", "--create-namespace", "--wait",
                ],
            )});
            out.push(apply(format!(
                "Cluster {name}: PostgreSQL run by the operator, with the database and user from the Secret"
            )));
            out.push(
                kubectl
                    .run(
                        format!(
                            "Wait until PostgreSQL accepts connections at {}",
                            spec.database.service_name().unwrap_or_default()
                        ),
                        &["wait"],
                        // The full resource name: Rancher and Cluster API have `clusters` of their own.
                        &[
                            "--for=condition=Ready",
                            &format!("clusters.postgresql.cnpg.io/{name}"),
                            "--timeout=10m",
                        ],
                    )
                    .into(),
            );
        }
        _ => {}
    }
}

// Waiting for the sealed-secrets controller to make the Secret `name` from its SealedSecret; `why`
// ends the comment.
fn wait_for_secret(kubectl: &Kubectl, name: &str, why: &str) -> Command {
    kubectl.run(
        format!("Wait until the controller has created the Secret {name}{why}"),
        &["wait"],
        &["--for=create", &format!("secret/{name}"), "--timeout=60s"],
    )
}

// A Job runs once, before the new code starts; the wait says where to look when it fails.
fn run_job(job: &k8s::Job, name: &str, file: &str, kubectl: &Kubectl) -> [Command; 2] {
    let create = kubectl.run(
        format!("Job {name}: runs once, before the new code starts. `create`, not `apply`: a finished Job keeps its name, so bump the run number for the next run"),
        &["create"],
        &["-f", file],
    );
    let target = format!("job/{name}");
    // Where the logs of a failed run are depends on the restart policy: OnFailure restarts the same
    // pod and deletes it once backoffLimit is reached.
    let why = if job.spec.template.spec.restart_policy == Some("Never") {
        format!(
            "then `{}` and `{}` (failed pods are kept) say why",
            kubectl.hint(&["describe"], &[&target]),
            kubectl.hint(&["logs"], &[&target])
        )
    } else {
        format!(
            "follow it with `{}` meanwhile: with restartPolicy OnFailure the pod is deleted once the retries run out (Never keeps failed pods and their logs)",
            kubectl.hint(&["logs"], &["-f", &target])
        )
    };
    let wait = kubectl.run(
        format!("Wait for Job {name} to succeed; if it fails this only times out: {why}"),
        &["wait"],
        &["--for=condition=complete", &target, "--timeout=10m"],
    );
    [create, wait]
}

// The kept objects the user included, in a step of their own after the app's objects, each named:
// Kubewright did not write them and cannot vouch for them. A namespace of their own wins over ours
// (kubectl refuses a `-n` that contradicts the file).
fn kept_step(objects: &[Object], kubectl: &Kubectl) -> Vec<Command> {
    let kept: Vec<&Object> = objects
        .iter()
        .filter(|o| matches!(o, Object::Extra(_)))
        .collect();
    kept.iter()
        .enumerate()
        .map(|(i, object)| {
            let step = if i == 0 {
                format!(
                    "Kept objects ({} of them): not written by Kubewright, included by you after review. ",
                    kept.len()
                )
            } else {
                String::new()
            };
            let file = object.file_name();
            let comment = format!("{step}{} {}, as it came", object.kind(), object.name());
            match object {
                Object::Extra(extra) if extra.namespace().is_some() => {
                    Command::new(comment, &["kubectl", "apply", "-f", &file])
                }
                _ => kubectl.run(comment, &["apply"], &["-f", &file]),
            }
        })
        .collect()
}

// Bitnami's chart from its OCI registry, when the database comes from it. The password is not on the
// command line: the chart reads it from the Secret applied just before (`auth.existingSecret`).
// `upgrade --install` can be re-run.
/// Bitnami's frozen copy of the chart's PostgreSQL image.
const LEGACY_IMAGE: &str = "image.repository=bitnamilegacy/postgresql";

fn helm_install(spec: &AppSpec, kubectl: &Kubectl) -> Option<Command> {
    let db = &spec.database;
    if db.kind != DatabaseKind::Helm {
        return None;
    }
    let mut words = vec![
        "helm".to_string(),
        "upgrade".into(),
        "--install".into(),
        db.name.clone(),
        BITNAMI_CHART.into(),
    ];
    if !db.chart_version.is_empty() {
        words.extend(["--version".into(), db.chart_version.clone()]);
    }
    if let Some(ns) = kubectl.namespace {
        words.extend(["--namespace".into(), ns.to_string()]);
    }
    for (key, value) in [
        ("auth.username", &db.user),
        ("auth.database", &db.database),
        ("auth.existingSecret", &db.secret_name()),
    ] {
        words.extend(["--set-string".into(), format!("{key}={value}")]);
    }
    if db.legacy_image {
        for set in [LEGACY_IMAGE, "global.security.allowInsecureImages=true"] {
            words.extend(["--set".into(), set.into()]);
        }
    }
    words.push("--wait".into());
    // Checked against the chart's values.yaml and its common library's insecureImages check (which
    // accepts bitnamilegacy images with a warning since common 2.31.4, chart 16.7.25).
    let version_note = if db.chart_version.is_empty() {
        " Unpinned, a reinstall gets the newest chart."
    } else {
        ""
    };
    let image_note = if db.legacy_image {
        "It runs Bitnami's frozen image copy from docker.io/bitnamilegacy (the chart's default images are gone \
         from Docker Hub since 2025, bitnami/containers#83267; charts 16.3.0 to 16.7.24 need allowInsecureImages \
         to accept it, bitnami/charts#30850): it gets no more security updates, so for anything lasting use \
         CloudNativePG instead"
    } else {
        "Every chart version's default image, a versioned docker.io/bitnami/postgresql tag, is gone: Bitnami \
         moved those to docker.io/bitnamilegacy in 2025 (bitnami/containers#83267), so the pod would stay in \
         ImagePullBackOff. To run that frozen copy, which gets no more updates, add \
         --set image.repository=bitnamilegacy/postgresql --set global.security.allowInsecureImages=true \
         (charts 16.3.0 to 16.7.24 refuse the substitute without the second, bitnami/charts#30850; later ones only warn); for \
         anything lasting, use CloudNativePG instead"
    };
    Some(Command::new(
        format!(
            "PostgreSQL from Bitnami's Helm chart; it reads the passwords from Secret {} and serves at {}.{version_note} \
             {image_note}",
            db.secret_name(),
            db.service_name().unwrap_or_default()
        ),
        &words,
    ))
}

// A rebuilt image under the same tag does not change the Deployment, so nothing restarts: say so.
fn latest_note(spec: &AppSpec, kubectl: &Kubectl) -> String {
    if is_mutable_tag(&spec.image.tag) {
        let restart = kubectl.hint(
            &["rollout", "restart"],
            &[&format!("deployment/{}", spec.app.name)],
        );
        format!(". Same tag every build: after a rebuild, `{restart}` (or use a new tag)")
    } else {
        String::new()
    }
}

/// `kubectl VERB... [-n NS] ARGS...`: every namespaced command names the namespace explicitly.
pub(super) struct Kubectl<'a> {
    pub namespace: Option<&'a str>,
}

impl Kubectl<'_> {
    pub fn run(&self, comment: impl Into<String>, verb: &[&str], args: &[&str]) -> Command {
        let mut words = vec!["kubectl"];
        words.extend(verb);
        if let Some(ns) = self.namespace {
            words.extend(["-n", ns]);
        }
        words.extend(args);
        Command::new(comment, &words)
    }

    /// A command quoted in a comment: it names the namespace too, or from another terminal it
    /// looks in kubectl's current one and finds nothing.
    fn hint(&self, verb: &[&str], args: &[&str]) -> String {
        self.run("", verb, args).line
    }
}

// How to open the app from the developer's machine depends on the Service type.
fn reach(spec: &AppSpec, kubectl: &Kubectl) -> Command {
    if spec.route.enabled {
        return route::reach(spec);
    }
    if spec.ingress.enabled {
        return ingress::reach(spec);
    }
    let app = spec.app.name.as_str();
    // Forward from a local port above 1024, so no root is needed.
    let forward = |target: i64, what: String| {
        let local = if target > 1024 { target } else { 8080 };
        kubectl.run(
            format!("Forward http://127.0.0.1:{local} to the app (Ctrl+C stops it)"),
            &["port-forward"],
            &[&what, &format!("{local}:{target}")],
        )
    };
    match spec.service.kind {
        ServiceType::NodePort if spec.target == Target::Cluster => kubectl.run(
            "The app answers on every node's IP at the node port shown here (PORT(S) 80:3xxxx)",
            &["get", "service"],
            &[app],
        ),
        ServiceType::NodePort => {
            let mut words = vec!["minikube", "service"];
            if let Some(ns) = spec.namespace() {
                words.extend(["-n", ns]);
            }
            words.extend([app, "--url"]);
            Command::new("Print the app's URL through the NodePort", &words)
        }
        ServiceType::LoadBalancer if spec.target == Target::Minikube => kubectl.run(
            "Watch for the load balancer's EXTERNAL-IP: Minikube only gives one while `minikube tunnel` runs in another terminal",
            &["get", "service"],
            &[app, "--watch"],
        ),
        ServiceType::LoadBalancer => kubectl.run(
            "Watch for the cloud load balancer's EXTERNAL-IP (Ctrl+C once it shows)",
            &["get", "service"],
            &[app, "--watch"],
        ),
        ServiceType::ClusterIp => forward(spec.service.port, format!("service/{app}")),
        // A headless Service has no virtual IP to forward to: go to one of the Deployment's pods.
        ServiceType::Headless => forward(spec.port.number, format!("deployment/{app}")),
    }
}

/// The commands as shell text: `# comment` then the command, one blank line between commands.
pub fn commands_text(commands: &[Command]) -> String {
    let mut out = String::new();
    for (i, c) in commands.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("# ");
        out.push_str(&c.comment);
        out.push('\n');
        out.push_str(&c.line);
        out.push('\n');
    }
    out
}
