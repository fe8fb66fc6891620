use std::borrow::Cow;

use crate::k8s::Object;
use crate::spec::{AppSpec, PullPolicy, ServiceType};

/// One shell command and the one-line comment that says why it runs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    pub comment: String,
    pub line: String,
}

impl Command {
    fn new<S: AsRef<str>>(comment: impl Into<String>, words: &[S]) -> Self {
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

/// The commands that build the image and apply the objects, in the order they must run. No command
/// ever carries a secret value: the Secret is applied from its file.
pub fn commands(spec: &AppSpec, objects: &[Object]) -> Vec<Command> {
    let image = spec.image.reference();
    let kubectl = Kubectl {
        namespace: spec.namespace(),
    };
    let mut out = Vec::new();

    if spec.image.pull_policy == PullPolicy::Never {
        out.push(Command {
            comment:
                "Point docker at Minikube's Docker daemon, so the image is built right on the node \
                      (imagePullPolicy: Never never pulls)"
                    .into(),
            line: "eval $(minikube docker-env)".into(),
        });
        out.push(Command::new(
            format!(
                "Build the app's image {image} inside Minikube{}",
                latest_note(spec)
            ),
            &["docker", "build", "-t", &image, "."],
        ));
    } else {
        out.push(Command::new(
            format!("Build the app's image {image}{}", latest_note(spec)),
            &["docker", "build", "-t", &image, "."],
        ));
        out.push(Command::new(
            "Push it to the registry the cluster pulls from",
            &["docker", "push", &image],
        ));
    }

    for object in objects {
        let file = object.file_name();
        let name = object.name();
        let apply = |comment: String| kubectl.run(comment, &["apply"], &["-f", &file]);
        match object {
            Object::Namespace(_) => out.push(Command::new(
                format!("Create the namespace {name} that every other object lives in"),
                &["kubectl", "apply", "-f", &file],
            )),
            Object::ConfigMap(_) => out.push(apply(format!("ConfigMap {name}: the app's plain environment variables"))),
            Object::Secret(_) => out.push(apply(format!(
                "Secret {name}: the secret environment variables, applied from the file so no value lands in your shell history"
            ))),
            Object::SealedSecret(_) => {
                out.push(apply(format!(
                    "SealedSecret {name}: the secrets, encrypted; the sealed-secrets controller in the cluster decrypts them into the Secret {name}"
                )));
                out.push(kubectl.run(
                    format!("Wait until the controller has created the Secret {name} (if this times out: `kubectl describe sealedsecret/{name}` says why, e.g. a certificate from another cluster)"),
                    &["wait"],
                    &["--for=create", &format!("secret/{name}"), "--timeout=60s"],
                ));
            }
            Object::Deployment(_) => out.push(apply(format!(
                "Deployment {name}: runs the app's pods and replaces them step by step on every change"
            ))),
            Object::Service(_) => out.push(apply(format!("Service {name}: one stable address in front of the ready pods"))),
            Object::Job(_) => {
                out.push(kubectl.run(
                    format!("Job {name}: runs once. `create`, not `apply`: a finished Job keeps its name, so bump the run number for the next run"),
                    &["create"],
                    &["-f", &file],
                ));
                let job = format!("job/{name}");
                out.push(kubectl.run(
                    format!("Wait for Job {name} to succeed; if it fails this only times out: then `kubectl describe {job}` and `kubectl logs {job}` say why"),
                    &["wait"],
                    &["--for=condition=complete", &job, "--timeout=10m"],
                ));
            }
            // Kept from an import as it was: a namespace of its own wins over ours (kubectl refuses a
            // `-n` that contradicts the file).
            Object::Extra(extra) => {
                let comment = format!("{} {name}: kept as it was imported", extra.kind());
                out.push(if extra.namespace().is_some() {
                    Command::new(comment, &["kubectl", "apply", "-f", &file])
                } else {
                    apply(comment)
                });
            }
        }
    }

    let app = spec.app.name.as_str();
    out.push(kubectl.run(
        "Wait until the rollout is done and the new pods are ready",
        &["rollout", "status"],
        &[&format!("deployment/{app}")],
    ));
    out.push(reach(spec, &kubectl));
    out
}

// A rebuilt image under the same tag does not change the Deployment, so nothing restarts: say so.
fn latest_note(spec: &AppSpec) -> &'static str {
    if matches!(spec.image.tag.as_str(), "" | "latest") {
        ". Same tag every build: after a rebuild, `kubectl rollout restart` the Deployment (or use a new tag)"
    } else {
        ""
    }
}

/// `kubectl VERB... [-n NS] ARGS...`: every namespaced command names the namespace explicitly.
struct Kubectl<'a> {
    namespace: Option<&'a str>,
}

impl Kubectl<'_> {
    fn run(&self, comment: impl Into<String>, verb: &[&str], args: &[&str]) -> Command {
        let mut words = vec!["kubectl"];
        words.extend(verb);
        if let Some(ns) = self.namespace {
            words.extend(["-n", ns]);
        }
        words.extend(args);
        Command::new(comment, &words)
    }
}

// How to open the app from the developer's machine depends on the Service type.
fn reach(spec: &AppSpec, kubectl: &Kubectl) -> Command {
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
        ServiceType::NodePort => {
            let mut words = vec!["minikube", "service"];
            if let Some(ns) = spec.namespace() {
                words.extend(["-n", ns]);
            }
            words.extend([app, "--url"]);
            Command::new("Print the app's URL through the NodePort (on another cluster: any node's IP and the node port)", &words)
        }
        ServiceType::LoadBalancer => kubectl.run(
            "Watch for the load balancer's EXTERNAL-IP (on Minikube, run `minikube tunnel` in another terminal first)",
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
