use serde::{Deserialize, Serialize};

/// One volume mounted into the app's container: a claim on persistent storage, a scratch
/// directory, or files typed in the page (from a ConfigMap, or a Secret for secret content).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Volume {
    /// The pod's volume name: a DNS-1123 label, unique, not `tmp` when `security.writable_tmp` is
    /// set. Also the end of the objects' names (`<app>-<name>`). Default `data`.
    pub name: String,
    /// What backs it. Default a PersistentVolumeClaim.
    pub kind: VolumeKind,
    /// Where the container sees it: an absolute path without `..` or `:`, unique. Default `/data`.
    pub mount_path: String,
    /// Mounts it read-only. Default off (config and secret files are always read-only).
    pub read_only: bool,
    /// The claim's size, a quantity such as `1Gi`. Default `1Gi`; more than 0.
    pub size: String,
    /// How many nodes may mount the claim at once. Default ReadWriteOnce.
    pub access_mode: AccessMode,
    /// The claim's StorageClass; empty uses the cluster's default class. Default empty; a
    /// DNS-1123 subdomain.
    pub storage_class: String,
    /// An emptyDir in memory (tmpfs): fast, but what is written counts against the container's
    /// memory limit. Default off (on the node's disk).
    pub memory: bool,
    /// The emptyDir's size limit, a quantity such as `64Mi`; the pod is evicted past it. Default
    /// empty (no limit).
    pub size_limit: String,
    /// The files of a ConfigMap or Secret volume, each a key of the object and a file in the
    /// mounted directory. Default none.
    pub files: Vec<ConfigFile>,
}

/// What backs a volume.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VolumeKind {
    /// A PersistentVolumeClaim `<app>-<name>`: storage that outlives the pods.
    #[default]
    Claim,
    /// An emptyDir: created empty with the pod, deleted with it.
    EmptyDir,
    /// A ConfigMap `<app>-<name>` holding the files.
    ConfigFiles,
    /// A Secret `<app>-<name>` holding the files; their content is a secret value.
    SecretFiles,
}

impl VolumeKind {
    pub const ALL: [VolumeKind; 4] = [
        VolumeKind::Claim,
        VolumeKind::EmptyDir,
        VolumeKind::ConfigFiles,
        VolumeKind::SecretFiles,
    ];

    /// The spec file's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            VolumeKind::Claim => "claim",
            VolumeKind::EmptyDir => "empty_dir",
            VolumeKind::ConfigFiles => "config_files",
            VolumeKind::SecretFiles => "secret_files",
        }
    }

    /// The form's words for it.
    pub fn label(self) -> &'static str {
        match self {
            VolumeKind::Claim => "PersistentVolumeClaim (storage that stays)",
            VolumeKind::EmptyDir => "emptyDir (scratch, deleted with the pod)",
            VolumeKind::ConfigFiles => "Config files (ConfigMap)",
            VolumeKind::SecretFiles => "Secret files (Secret)",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Whether its content is typed in the page as files.
    pub fn has_files(self) -> bool {
        matches!(self, VolumeKind::ConfigFiles | VolumeKind::SecretFiles)
    }
}

/// A claim's access mode, as the API spells it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccessMode {
    /// Mounted read-write by the pods of one node at a time.
    #[default]
    ReadWriteOnce,
    /// Mounted read-write by one pod at a time (Kubernetes 1.29+, CSI drivers only).
    ReadWriteOncePod,
    /// Mounted read-write by pods on many nodes (NFS, CephFS, EFS, Azure Files...).
    ReadWriteMany,
}

impl AccessMode {
    pub const ALL: [AccessMode; 3] = [
        AccessMode::ReadWriteOnce,
        AccessMode::ReadWriteOncePod,
        AccessMode::ReadWriteMany,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccessMode::ReadWriteOnce => "ReadWriteOnce",
            AccessMode::ReadWriteOncePod => "ReadWriteOncePod",
            AccessMode::ReadWriteMany => "ReadWriteMany",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.as_str() == text)
    }

    /// Whether only one node (or one pod) can use the claim at a time.
    pub fn is_single(self) -> bool {
        self != AccessMode::ReadWriteMany
    }
}

/// One file of a config or secret volume.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ConfigFile {
    /// The file's name in the mounted directory, also the object's key: letters, digits, `-`,
    /// `_` and `.`, at most 253 characters. Default empty; required.
    pub name: String,
    /// The file's content, as typed. Default empty.
    pub content: String,
}

impl Default for Volume {
    fn default() -> Self {
        Volume {
            name: "data".into(),
            kind: VolumeKind::Claim,
            mount_path: "/data".into(),
            read_only: false,
            size: "1Gi".into(),
            access_mode: AccessMode::ReadWriteOnce,
            storage_class: String::new(),
            memory: false,
            size_limit: String::new(),
            files: Vec::new(),
        }
    }
}

impl Volume {
    /// Whether it is a claim only one node or pod can use at a time.
    pub fn is_single_claim(&self) -> bool {
        self.kind == VolumeKind::Claim && self.access_mode.is_single()
    }

    /// Whether the Jobs' and CronJobs' pods mount it too: only scratch space (a read-only root
    /// needs it). A ReadWriteOnce claim held by the app's pod on another node would keep a Job's
    /// pod Pending, and in the Helm chart a Job runs as a hook before the release's claim and
    /// files exist.
    pub fn in_jobs(&self) -> bool {
        self.kind == VolumeKind::EmptyDir
    }
}

/// How a secret file's name starts where the page asks for its content again.
pub const SECRET_FILE_PREFIX: &str = "the secret file ";

/// The secret files with no content, named `the secret file <volume>/<file>`: what a restored form
/// asks to re-enter (their content is never stored or shared).
pub fn empty_secret_files(spec: &super::AppSpec) -> Vec<String> {
    spec.volumes
        .iter()
        .filter(|v| v.kind == VolumeKind::SecretFiles)
        .flat_map(|v| {
            v.files
                .iter()
                .filter(|f| f.content.is_empty())
                .map(move |f| format!("{SECRET_FILE_PREFIX}{}/{}", v.name, f.name))
        })
        .collect()
}
