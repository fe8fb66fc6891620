//! The explanations themselves: one entry per form field, in our own words. Paths use `[]` for any
//! list index and `*` for any of the three probes; `{probe}` in an explain path becomes
//! `livenessProbe`, `readinessProbe` or `startupProbe`.

use super::Entry;

const K: &str = "https://kubernetes.io/docs/";
const ROLLING: &str = "concepts/workloads/controllers/deployment/#rolling-update-deployment";
const DEPLOY: &str = "concepts/workloads/controllers/deployment/";
const NS: &str = "concepts/overview/working-with-objects/namespaces/";
const IMAGES: &str = "concepts/containers/images/";
const PULL: &str = "concepts/containers/images/#image-pull-policy";
const CM: &str = "concepts/configuration/configmap/";
const SECRET: &str = "concepts/configuration/secret/";
const DOWNWARD: &str = "concepts/workloads/pods/downward-api/";
const DEPENDENT: &str =
    "tasks/inject-data-application/define-interdependent-environment-variables/";
const PROBES: &str = "tasks/configure-pod-container/configure-liveness-readiness-startup-probes/";
const RESOURCES: &str = "concepts/configuration/manage-resources-containers/";
const SECCTX: &str = "tasks/configure-pod-container/security-context/";
const SERVICE: &str = "concepts/services-networking/service/";
const NODEPORT: &str = "concepts/services-networking/service/#type-nodeport";
const HEADLESS: &str = "concepts/services-networking/service/#headless-services";
const JOB: &str = "concepts/workloads/controllers/job/";
const TTL: &str = "concepts/workloads/controllers/ttlafterfinished/";
const DNS: &str = "concepts/services-networking/dns-pod-service/";
const SA: &str = "tasks/configure-pod-container/configure-service-account/";
const INGRESS: &str = "concepts/services-networking/ingress/";
const CM_INGRESS: &str = "https://cert-manager.io/docs/usage/ingress/";
const CM_ACME: &str = "https://cert-manager.io/docs/configuration/acme/";
const NETPOL: &str = "concepts/services-networking/network-policies/";
const PULL_SECRET: &str = "tasks/configure-pod-container/pull-image-private-registry/";
const EMPTYDIR: &str = "concepts/storage/volumes/#emptydir";
// Not on kubernetes.io: the tools that own these settings document them.
const MINIKUBE: &str = "https://minikube.sigs.k8s.io/docs/handbook/pushing/";
const BITNAMI: &str = "https://github.com/bitnami/charts/tree/main/bitnami/postgresql";
const CNPG: &str = "https://cloudnative-pg.io/documentation/current/bootstrap/";

macro_rules! e {
    ($path:expr, $text:expr, $default:expr, $without:expr, $explain:expr, $link:expr $(,)?) => {
        Entry {
            path: $path,
            text: $text,
            default: $default,
            without: $without,
            explain: $explain,
            link: $link,
        }
    };
}

/// (link base, path): kubernetes.io pages are stored without their common prefix.
pub(super) fn link(entry: &Entry) -> String {
    if entry.link.starts_with("https://") {
        entry.link.to_string()
    } else {
        format!("{K}{}", entry.link)
    }
}

pub(super) const ENTRIES: &[Entry] = &[
    // app
    e!("app.name", "Names the Deployment, its Service and container, and labels every object app: <name>; the Service finds the pods by that label.",
        "web", "Renaming a running app creates new objects beside the old ones instead of changing them.",
        Some("deployment.metadata.name"), "concepts/overview/working-with-objects/names/"),
    e!("app.namespace", "The namespace every object goes into; applied first as its own object.",
        "web; empty uses kubectl's current namespace", "Without one, objects land in whatever namespace kubectl points at, often `default`, mixed with other apps.",
        Some("deployment.metadata.namespace"), NS),
    e!("app.replicas", "How many copies of the pod run at once; the Service spreads requests over the ready ones.",
        "2", "With 1, a node drain or failure leaves no pod serving until a new one is ready; rollouts are covered while maxUnavailable is 0 and maxSurge at least 1 (the new pod is ready before the old one stops); 0 stops the app.",
        Some("deployment.spec.replicas"), DEPLOY),
    e!("app.revision_history_limit", "How many old ReplicaSets the Deployment keeps so `kubectl rollout undo` can go back to them.",
        "10", "0 makes rollbacks impossible; very high values leave clutter in the namespace.",
        Some("deployment.spec.revisionHistoryLimit"), DEPLOY),
    e!("app.max_surge", "During a rollout, how many pods may run above the replica count (a number, or a percentage rounded up).",
        "25%", "0 means an old pod must stop before a new one starts, so capacity drops unless maxUnavailable allows it.",
        Some("deployment.spec.strategy.rollingUpdate.maxSurge"), ROLLING),
    e!("app.max_unavailable", "During a rollout, how many pods may be missing below the replica count (a number, or a percentage rounded down).",
        "0 here (Kubernetes' own default is 25%)", "Above 0, part of the capacity goes away while new pods start; both this and maxSurge 0 is refused.",
        Some("deployment.spec.strategy.rollingUpdate.maxUnavailable"), ROLLING),
    e!("app.labels[].key", "An extra label on every object and pod, e.g. app.kubernetes.io/part-of; tools and `kubectl get -l` select by labels.",
        "none", "Not in the selectors on purpose: a selector cannot change after creation, labels can.",
        Some("deployment.metadata.labels"), "concepts/overview/working-with-objects/labels/"),
    e!("app.labels[].value", "The label's value: empty, or up to 63 letters, digits, '-', '_', '.', starting and ending with a letter or digit.",
        "empty", "A value with other characters is refused by the API server.",
        Some("deployment.metadata.labels"), "concepts/overview/working-with-objects/labels/"),
    // target
    e!("target", "Where the app runs: Minikube on your machine (image built inside Minikube, never pulled, NodePort) or a real cluster (image pushed to a registry, pulled, LoadBalancer or ClusterIP).",
        "cluster", "A Minikube setup on a real cluster cannot pull its image (imagePullPolicy Never) and is not reachable from outside.",
        None, MINIKUBE),
    // image
    e!("image.repository", "Where the container image comes from: a registry path such as ghcr.io/acme/web, or a local name for Minikube.",
        "web", "A name the nodes cannot pull leaves the pods in ErrImagePull / ImagePullBackOff.",
        Some("deployment.spec.template.spec.containers.image"), IMAGES),
    e!("image.tag", "Which build of the image to run, e.g. 1.4.2 or the git commit.",
        "latest", "`latest` or no tag can point at different builds over time: nodes keep the one they pulled first, and re-applying the same tag changes nothing.",
        Some("deployment.spec.template.spec.containers.image"), IMAGES),
    e!("image.digest", "Pins the exact image content (sha256:...), whatever the tag points at later.",
        "none", "Without it a re-pushed tag silently changes what new pods run.",
        Some("deployment.spec.template.spec.containers.image"), IMAGES),
    e!("image.pull_policy", "When the node downloads the image: Never (only use one already there, as with Minikube's docker), IfNotPresent, or Always.",
        "IfNotPresent", "Never on a real cluster fails with ErrImageNeverPull; Always with a mutable tag makes every restart a possible upgrade.",
        Some("deployment.spec.template.spec.containers.imagePullPolicy"), PULL),
    // env
    e!("env[].name", "The environment variable's name, stored as a key of the ConfigMap <name>-env; envFrom turns every key into a variable.",
        "none", "A name with characters other than letters, digits, '_', '-', '.' is refused by the API server.",
        Some("configmap.data"), CM),
    e!("env[].value", "The variable's value, always a string: 4000 is written \"4000\", because YAML would read a bare 4000 as a number and the ConfigMap refuses it.",
        "empty", "Secrets do not belong here: ConfigMaps are readable by anyone who can read the namespace.",
        Some("configmap.data"), CM),
    e!("secrets[].name", "The secret variable's name, a key of the Secret <name>-env-secret, read whole through envFrom.",
        "none", "A name the API server refuses stops the whole Secret from applying.",
        Some("secret.data"), SECRET),
    e!("secrets[].value", "The secret value, base64-encoded here in the browser. Base64 is an encoding, not encryption: limit who can read Secrets.",
        "empty", "Put in the ConfigMap instead, it would be shown by `kubectl describe` to anyone.",
        Some("secret.data"), SECRET),
    e!("secret_options.string_data", "Writes the Secret's values as plain text under stringData; the API server base64-encodes them into data when it stores the Secret.",
        "off (data, base64)", "Either way the file holds readable secrets: never commit it; seal it instead.",
        Some("secret.stringData"), SECRET),
    e!("secret_options.seal.cert", "The sealed-secrets controller's public certificate (PEM, from `kubeseal --fetch-cert`): with it the page encrypts the values into a SealedSecret that only the controller in your cluster can open.",
        "empty: not sealed", "Without it the Secret file holds the values readably; a certificate from another cluster makes a SealedSecret nobody there can open.",
        Some("sealedsecret.spec.encryptedData"), "https://github.com/bitnami-labs/sealed-secrets"),
    e!("secret_options.seal.scope", "Which name and namespace the sealed values are bound to: strict (this name and namespace), namespace-wide, or cluster-wide.",
        "strict", "A SealedSecret renamed or moved outside its scope cannot be opened by the controller.",
        Some("sealedsecret.metadata.annotations"), "https://github.com/bitnami-labs/sealed-secrets"),
    e!("downward[].name", "A variable Kubernetes fills in when the pod starts (Downward API), e.g. POD_IP.",
        "POD_IP", "Values such as the pod's IP are unknown before the pod exists, so they cannot be typed into a ConfigMap.",
        Some("deployment.spec.template.spec.containers.env.valueFrom.fieldRef"), DOWNWARD),
    e!("downward[].field", "Which fact about the pod fills the variable: its IP (status.podIP), name, namespace or node.",
        "status.podIP", "An Erlang node name built from a fixed host name cannot be reached by the other pods.",
        Some("deployment.spec.template.spec.containers.env.valueFrom.fieldRef.fieldPath"), DOWNWARD),
    e!("pod_env[].name", "A variable set on the container itself, after the Downward API ones, e.g. RELEASE_NODE.",
        "none", "Put in the ConfigMap instead, a $(POD_IP) in its value would stay literal text.",
        Some("deployment.spec.template.spec.containers.env.name"), DEPENDENT),
    e!("pod_env[].value", "Its value; the kubelet replaces $(NAME) with a variable set before it: a key of the ConfigMap or Secret (loaded first), a Downward API variable or a row above, so app@$(POD_IP) becomes app@10.1.2.3.",
        "empty", "A $(NAME) of a variable set only in a later row, or nowhere, is left as is.",
        Some("deployment.spec.template.spec.containers.env.value"), DEPENDENT),
    // port
    e!("port.name", "Names the container port so the Service and the probes can point at it by name.",
        "http", "Without a name the Service must repeat the number, and renumbering the container breaks it.",
        Some("deployment.spec.template.spec.containers.ports.name"), SERVICE),
    e!("port.number", "The port the app listens on inside the container (e.g. 4000 for Phoenix).",
        "8080", "If the app listens elsewhere, probes fail and the Service forwards to nothing.",
        Some("deployment.spec.template.spec.containers.ports.containerPort"), SERVICE),
    e!("port.protocol", "TCP for web apps; UDP or SCTP for other kinds of servers.",
        "TCP", "The wrong protocol makes the Service forward packets the app never sees.",
        Some("deployment.spec.template.spec.containers.ports.protocol"), SERVICE),
    // probes
    e!("probes.liveness.action", "How the kubelet checks the app is alive; when the check keeps failing the container is restarted.",
        "none", "A hung app keeps running without it; a check that depends on the database restarts healthy pods whenever the database blips.",
        Some("deployment.spec.template.spec.containers.livenessProbe"), PROBES),
    e!("probes.readiness.action", "How the kubelet checks the app can take traffic; while it fails the pod is taken out of the Service.",
        "none", "Without it requests reach pods that are still starting, and rollouts replace pods before the new ones work.",
        Some("deployment.spec.template.spec.containers.readinessProbe"), PROBES),
    e!("probes.startup.action", "Holds back the liveness and readiness checks until the app has started once, for slow boots.",
        "none", "A slow start plus a strict liveness probe restarts the container before it ever comes up (CrashLoopBackOff).",
        Some("deployment.spec.template.spec.containers.startupProbe"), PROBES),
    e!("probes.*.action.command", "The command run inside the container, without a shell; exit code 0 passes.",
        "none", "A command missing from the image always fails the probe.",
        Some("deployment.spec.template.spec.containers.{probe}.exec.command"), PROBES),
    e!("probes.*.action.path", "The HTTP path requested; any 2xx or 3xx answer passes. Prefer a cheap health endpoint.",
        "/ (the API server sets an empty path to /, and the kubelet adds a missing leading /)", "A heavy page as the probe costs a request every period on every pod.",
        Some("deployment.spec.template.spec.containers.{probe}.httpGet.path"), PROBES),
    e!("probes.*.action.port", "The container port to check, by name (http) or number.",
        "the container port", "A port the app does not listen on fails every check.",
        Some("deployment.spec.template.spec.containers.{probe}.httpGet.port"), PROBES),
    e!("probes.*.initial_delay_seconds", "Seconds after the container starts before the first check.",
        "0", "Too short with a liveness probe restarts a slow-starting app; a startup probe is the better fix.",
        Some("deployment.spec.template.spec.containers.{probe}.initialDelaySeconds"), PROBES),
    e!("probes.*.period_seconds", "Seconds between checks.",
        "10", "Very short periods load the app; long ones notice failures late.",
        Some("deployment.spec.template.spec.containers.{probe}.periodSeconds"), PROBES),
    e!("probes.*.timeout_seconds", "How long one check may take before it counts as failed.",
        "1", "A busy app (or a BEAM under load) can miss 1 second and get restarted for being slow.",
        Some("deployment.spec.template.spec.containers.{probe}.timeoutSeconds"), PROBES),
    e!("probes.*.failure_threshold", "Failures in a row before the kubelet acts (restart, or out of the Service).",
        "3", "1 reacts to a single hiccup; for a startup probe, period x threshold is the longest boot allowed.",
        Some("deployment.spec.template.spec.containers.{probe}.failureThreshold"), PROBES),
    e!("probes.*.success_threshold", "Passes in a row before a failing probe counts as passing again.",
        "1 (must be 1 for liveness and startup)", "Other values for liveness or startup are refused by the API server.",
        Some("deployment.spec.template.spec.containers.{probe}.successThreshold"), PROBES),
    // resources
    e!("resources.requests.cpu", "CPU the scheduler reserves for each pod (250m is a quarter of a core); also its share when the node is busy.",
        "not set: the limit, when one is set", "With neither a request nor a limit the scheduler reserves no CPU, so pods get packed onto busy nodes; with no requests or limits at all the pod is BestEffort, evicted first.",
        Some("deployment.spec.template.spec.containers.resources.requests"), RESOURCES),
    e!("resources.requests.memory", "Memory the scheduler reserves for each pod (128Mi = 128 mebibytes).",
        "not set: the limit, when one is set", "Too low a request lets the node overcommit, and the pod is among the first evicted under memory pressure.",
        Some("deployment.spec.template.spec.containers.resources.requests"), RESOURCES),
    e!("resources.limits.cpu", "The most CPU a pod may use; above it the pod is throttled, not killed.",
        "not set", "Without a limit the pod may use any idle CPU on its node: neighbours still get the CPU they requested (requests are the kernel's weights), but the app's speed varies with how busy the node is. Too low a limit throttles it even on an idle node.",
        Some("deployment.spec.template.spec.containers.resources.limits"), RESOURCES),
    e!("resources.limits.memory", "The most memory a pod may use; above it the container is killed (OOMKilled) and restarted.",
        "not set", "Without a limit a leak can take the node's memory; equal requests and limits make the pod Guaranteed.",
        Some("deployment.spec.template.spec.containers.resources.limits"), RESOURCES),
    // security
    e!("security.run_as_non_root", "The kubelet refuses to start the container as root (uid 0). With runAsUser empty, the image's USER must be a number: a name such as `app` is refused too, since the kubelet cannot tell its uid.",
        "off", "An image that runs as root gives an attacker who breaks in root inside the container.",
        Some("deployment.spec.template.spec.securityContext.runAsNonRoot"), SECCTX),
    e!("security.run_as_user", "The user id the processes run as; 65534 is `nobody`, which a Phoenix release image uses.",
        "the image's USER", "With runAsNonRoot on and an image without a numeric USER, the pod does not start.",
        Some("deployment.spec.template.spec.securityContext.runAsUser"), SECCTX),
    e!("security.run_as_group", "The primary group id of the processes.",
        "the container runtime's choice", "The runtime takes the group from the image's USER or its /etc/passwd; for a uid not listed there (common with runAsUser) that is group 0 (root), so files the app writes belong to root's group.",
        Some("deployment.spec.template.spec.securityContext.runAsGroup"), SECCTX),
    e!("security.seccomp_runtime_default", "Applies the container runtime's default syscall filter.",
        "off (Unconfined on many clusters)", "Every Linux syscall stays reachable from inside the container.",
        Some("deployment.spec.template.spec.securityContext.seccompProfile"), SECCTX),
    e!("security.no_privilege_escalation", "Stops a process from gaining more privileges than its parent (setuid binaries).",
        "off", "A setuid binary in the image could turn into root.",
        Some("deployment.spec.template.spec.containers.securityContext.allowPrivilegeEscalation"), SECCTX),
    e!("security.read_only_root_filesystem", "Makes the image's files read-only; an attacker cannot change the app's code.",
        "off", "Apps that write temporary files then fail: give them a writable /tmp.",
        Some("deployment.spec.template.spec.containers.securityContext.readOnlyRootFilesystem"), SECCTX),
    e!("security.drop_all_capabilities", "Removes every Linux capability (binding low ports, changing file owners, ...).",
        "off (the runtime's default set)", "Capabilities the app never needs stay available to an attacker.",
        Some("deployment.spec.template.spec.containers.securityContext.capabilities"), SECCTX),
    e!("security.writable_tmp", "Mounts an empty writable directory (emptyDir) there, e.g. /tmp, for a read-only root filesystem.",
        "none", "With a read-only root, anything that writes temporary files (a BEAM release's RELEASE_TMP) fails at start.",
        Some("deployment.spec.template.spec.volumes.emptyDir"), EMPTYDIR),
    // service
    e!("service.type", "How the app is reached: ClusterIP (inside the cluster), NodePort (a high port on every node; Minikube), LoadBalancer (a cloud load balancer), Headless (DNS returns the pod IPs).",
        "ClusterIP", "ClusterIP alone is not reachable from your browser; LoadBalancer on Minikube waits for `minikube tunnel`.",
        Some("service.spec.type"), SERVICE),
    e!("service.port", "The Service's own port, which clients connect to; it forwards to the container port.",
        "80", "Clients that use another port get connection refused.",
        Some("service.spec.ports.port"), SERVICE),
    e!("service.node_port", "A fixed port (30000-32767) on every node for NodePort and LoadBalancer Services.",
        "none: Kubernetes picks a free one", "A fixed port already used by another Service is refused.",
        Some("service.spec.ports.nodePort"), NODEPORT),
    // jobs
    e!("jobs[].name", "Short name of a one-off task such as migrate; the Job is <app>-<name>-<run> and its pods are labelled <app>-<name>.",
        "migrate", "Pods labelled like the app would get traffic from the app's Service.",
        Some("job.metadata.name"), JOB),
    e!("jobs[].run", "Run number, part of the Job's name: a finished Job keeps its name and its pod template cannot change, so each run needs a new one.",
        "0", "Creating a Job with a name that exists fails with AlreadyExists.",
        Some("job.metadata.name"), JOB),
    e!("jobs[].args", "Arguments for the image's entrypoint, e.g. /app/bin/migrate or ./bin/rails db:migrate.",
        "none", "Without args the Job runs the image's default command: usually the web server, which never finishes.",
        Some("job.spec.template.spec.containers.args"), JOB),
    e!("jobs[].restart_policy", "What happens when the task fails: OnFailure restarts it in the same pod, Never starts a new pod (keeping the failed one's logs).",
        "OnFailure", "Always is refused for Jobs.",
        Some("job.spec.template.spec.restartPolicy"), JOB),
    e!("jobs[].image_pull_policy", "Pull policy for this Job's container; empty uses the app's.",
        "the app's", "Never on a real cluster fails with ErrImageNeverPull.",
        Some("job.spec.template.spec.containers.imagePullPolicy"), PULL),
    e!("jobs[].backoff_limit", "Retries before the Job is marked failed.",
        "6 (Kubernetes' default)", "A broken migration keeps retrying with growing delays.",
        Some("job.spec.backoffLimit"), JOB),
    e!("jobs[].ttl_seconds_after_finished", "Seconds after finishing before Kubernetes deletes the Job and its pods.",
        "kept forever", "Finished Jobs pile up; with a short TTL their logs are gone before you look.",
        Some("job.spec.ttlSecondsAfterFinished"), TTL),
    // database
    e!("database.kind", "Whether Kubewright sets up PostgreSQL: Bitnami's Helm chart (installed by helm from its OCI registry) or a CloudNativePG Cluster object (run by the operator).",
        "none", "With none, put your database's URL into the secrets yourself.",
        None, "https://cloudnative-pg.io/documentation/current/"),
    e!("database.name", "The Helm release or CloudNativePG Cluster name; the database Service is <name>-postgresql (chart; the release name itself when it already contains postgresql) or <name>-rw (CloudNativePG), so it starts with a letter. CloudNativePG allows 50 characters; Helm 53, but the chart's StatefulSet, named like the Service, must stay within 52 for its pods to start.",
        "db", "Two releases with one name in a namespace overwrite each other.",
        Some("cluster.metadata.name"), CNPG),
    e!("database.user", "The user the app connects as; it owns the database.",
        "app", "Connecting as the superuser gives the app more power than it needs.",
        Some("cluster.spec.bootstrap.initdb.owner"), CNPG),
    e!("database.database", "The database created for the app.",
        "app", "The app's migrations fail when the database it names does not exist.",
        Some("cluster.spec.bootstrap.initdb.database"), CNPG),
    e!("database.password", "The app user's password; it goes into the Secret <name>-credentials that the chart or operator reads, and into DATABASE_URL, never onto a command line.",
        "empty", "An empty password makes the chart or operator refuse to start or generate its own, which the app does not know.",
        Some("cluster.spec.bootstrap.initdb.secret"), CNPG),
    e!("database.admin_password", "Helm chart only: the postgres superuser's password, which the chart requires in the same Secret.",
        "empty", "Without it the chart cannot start PostgreSQL from the existing Secret.",
        None, BITNAMI),
    e!("database.chart_version", "Helm chart only: the chart version to install (--version).",
        "empty: the newest", "Unpinned, a reinstall months later may get a chart with different settings. Pinned or not, the chart's default image left docker.io/bitnami in 2025: the install command's comment says how to run the frozen bitnamilegacy copy.",
        None, BITNAMI),
    e!("database.instances", "CloudNativePG only: PostgreSQL instances, one primary and the rest streaming replicas.",
        "1", "With 1, a node failure means the database is down until the pod is rescheduled.",
        Some("cluster.spec.instances"), "https://cloudnative-pg.io/documentation/current/architecture/"),
    e!("database.storage_size", "CloudNativePG only: the volume size for each instance, e.g. 1Gi.",
        "1Gi", "A full volume stops PostgreSQL from writing.",
        Some("cluster.spec.storage.size"), "https://cloudnative-pg.io/documentation/current/storage/"),
    e!("database.url_env", "The app's variable that receives the connection URL, derived from these settings and the database Service's DNS name <service>.<namespace>.svc.cluster.local.",
        "DATABASE_URL", "Empty: the app gets no URL and must be told where the database is some other way.",
        Some("secret.data"), DNS),
    e!("database.url_scheme", "The URL's scheme: postgres for most libraries, ecto for Phoenix.",
        "postgres", "A scheme the app's library does not know fails at boot.",
        None, DNS),
    e!("database.legacy_image", "Helm chart only: runs Bitnami's frozen image copy from docker.io/bitnamilegacy (--set image.repository=bitnamilegacy/postgresql --set global.security.allowInsecureImages=true), because the chart's default images are gone from Docker Hub since 2025.",
        "off", "Off: the chart's default image cannot be pulled and PostgreSQL stays in ImagePullBackOff; on: it runs, but gets no security updates (use CloudNativePG for anything lasting).",
        None, BITNAMI),
    e!("database.url_port", "Writes PostgreSQL's port :5432 into the URL; off leaves it out, which every PostgreSQL library reads as the same default port (the 2018 article's URL has none).",
        "on", "Off changes nothing for the app: 5432 is the default.",
        None, DNS),
    // clustering
    e!("clustering.enabled", "Adds a headless Service <name>-headless whose DNS name lists every pod's IP, so the pods can find each other (Erlang clustering).",
        "off", "Without it each pod only knows itself: no distributed PubSub or presence across pods.",
        Some("service.spec.clusterIP"), HEADLESS),
    e!("clustering.query_env", "The variable (in the ConfigMap) that receives the headless Service's DNS name; Phoenix's dns_cluster reads DNS_CLUSTER_QUERY.",
        "DNS_CLUSTER_QUERY", "Empty: the app has to be told the DNS name some other way.",
        Some("configmap.data"), DNS),
    // service account
    e!("service_account.enabled", "Adds the ServiceAccount <name> with automountServiceAccountToken: false and runs the pods and Jobs as it, with the token off on the pods too: a web app never calls the Kubernetes API, so it holds no credential for it.",
        "off", "Off: the pods run as the namespace's default account and get its API token mounted at /var/run/secrets/kubernetes.io/serviceaccount, which anyone who breaks into the app can use against the cluster.",
        Some("pod.spec.automountServiceAccountToken"), SA),
    // ingress
    e!("ingress.enabled", "Adds an Ingress <name>: a controller in the cluster sends requests for these host names and paths to the app's Service.",
        "off", "Off: the app is reached through the Service's own type (a node port, a load balancer or port-forward), with no host name routing and no TLS.",
        Some("ingress.spec"), INGRESS),
    e!("ingress.class_name", "Which ingress controller serves the Ingress (ingressClassName): nginx, traefik, ... as `kubectl get ingressclass` lists them.",
        "nginx", "Empty: the cluster's default class; with no default, no controller picks the Ingress up and nothing answers.",
        Some("ingress.spec.ingressClassName"), INGRESS),
    e!("ingress.rules[].host", "A host name the app answers to; *.example.com matches one level of subdomains; empty matches any host.",
        "app.example.com", "A host nobody's DNS points at the controller never receives a request.",
        Some("ingress.spec.rules.host"), INGRESS),
    e!("ingress.rules[].path", "The path the row sends to the app, starting with /.",
        "/", "Without / at the start the API server refuses the Ingress.",
        Some("ingress.spec.rules.http.paths.path"), INGRESS),
    e!("ingress.rules[].path_type", "Prefix: this path and everything below it, element by element (/api matches /api/users, not /apix). Exact: only this path.",
        "Prefix", "Exact on / serves only the front page.",
        Some("ingress.spec.rules.http.paths.pathType"), INGRESS),
    e!("ingress.tls", "Where the HTTPS certificate comes from: none, cert-manager (it requests and renews one into the Secret <name>-tls) or an existing kubernetes.io/tls Secret.",
        "none", "None: the hosts are served over plain HTTP, passwords and cookies readable on the way.",
        Some("ingress.spec.tls"), CM_INGRESS),
    e!("ingress.tls_secret", "The existing kubernetes.io/tls Secret (tls.crt and tls.key) in the app's namespace that holds the certificate.",
        "empty", "A Secret that does not exist: the controller serves its own fake certificate.",
        Some("ingress.spec.tls.secretName"), INGRESS),
    e!("ingress.issuer.kind", "cert-manager's issuer kind: a ClusterIssuer serves every namespace, an Issuer only its own.",
        "ClusterIssuer", "The wrong kind names an issuer cert-manager cannot find: the certificate never becomes Ready.",
        None, CM_INGRESS),
    e!("ingress.issuer.name", "The issuer cert-manager asks for the certificate (annotation cert-manager.io/cluster-issuer or cert-manager.io/issuer).",
        "letsencrypt-prod", "An issuer that does not exist: the certificate stays pending.",
        None, CM_INGRESS),
    e!("ingress.issuer.create", "Also writes the ClusterIssuer: Let's Encrypt over ACME, proving each host over HTTP-01 through the Ingress's class.",
        "off", "Off: an issuer of that name must already exist in the cluster.",
        None, CM_ACME),
    e!("ingress.issuer.staging", "Let's Encrypt's staging server: untrusted certificates but generous rate limits, for trying the setup out.",
        "off", "Production has strict rate limits: repeated failed tries can lock a host out for an hour or more.",
        None, CM_ACME),
    e!("ingress.issuer.email", "The ACME account's e-mail, where Let's Encrypt sends notices.",
        "empty", "Empty: an account without a contact.",
        None, CM_ACME),
    // network policy
    e!("network_policy.enabled", "Adds a NetworkPolicy <name>: the app's pods get only the app's port (from the ingress controller's namespace behind an Ingress), DNS, the database's port and, with clustering, each other. It needs a network plugin that enforces it (Calico, Cilium; Minikube: minikube start --cni=calico).",
        "off", "Off: any pod in the cluster can reach the app's pods on any port, and they can reach anything.",
        Some("networkpolicy.spec"), NETPOL),
    e!("network_policy.controller_namespace", "The namespace the ingress controller or gateway runs in (selected by its kubernetes.io/metadata.name label): ingress-nginx for Minikube's addon and the NGINX chart, traefik for Traefik.",
        "ingress-nginx", "A namespace the controller is not in: the controller cannot reach the app and every request fails.",
        Some("networkpolicy.spec.ingress.from.namespaceSelector"), NETPOL),
    e!("network_policy.open_egress", "Lets the app's pods connect anywhere (external APIs, a managed database) instead of only DNS, the database and each other.",
        "off", "Off: calls to anything outside (a payment API, a mail server) time out.",
        Some("networkpolicy.spec.egress"), NETPOL),
    // registry
    e!("registry.enabled", "Adds the Secret <name>-registry (kubernetes.io/dockerconfigjson), encoded in this page, and names it in the pods' and Jobs' imagePullSecrets, so the nodes can pull a private image.",
        "off", "Off: a private image fails with ErrImagePull / ImagePullBackOff (unauthorized).",
        Some("pod.spec.imagePullSecrets"), PULL_SECRET),
    e!("registry.server", "The registry's host as the image names it (ghcr.io, registry.example.com:5000); https://index.docker.io/v1/ for Docker Hub.",
        "empty", "A server that differs from the image's registry: the login is never used.",
        None, PULL_SECRET),
    e!("registry.username", "The registry user name.",
        "empty", "The registry refuses the pull.", None, PULL_SECRET),
    e!("registry.password", "The password or access token (a read-only token is enough). A secret value: never stored, shared or put on a command line; sealed with the other secrets.",
        "empty", "The registry refuses the pull.", None, PULL_SECRET),
];
