//! The `volumes` tab: claims, scratch directories, and files typed in the page (a ConfigMap, or a
//! Secret whose file content is a secret value: masked, never stored or shared).

use kubewright::spec::{AccessMode, AppSpec, ConfigFile, Volume, VolumeKind};
use leptos::prelude::*;

use super::fields::{CheckField, FieldIssues, SelectField, TextField};
use crate::ui::teach::explain::Explain;
use crate::ui::use_ui;

/// The volumes, for an edit: an edited secret file must reach the pods, so the spec gets its
/// random checksum key.
fn volumes_mut(spec: &mut AppSpec) -> &mut Vec<Volume> {
    if spec
        .volumes
        .iter()
        .any(|v| v.kind == VolumeKind::SecretFiles)
    {
        spec.ensure_checksum_key();
    }
    &mut spec.volumes
}

/// A volume for the "add" button: the first free name of `data`, `data-2`, ... at `/data`, ...
fn new_volume(spec: &AppSpec) -> Volume {
    let taken = |name: &str| spec.volumes.iter().any(|v| v.name == name);
    let name = std::iter::once("data".to_string())
        .chain((2..).map(|n| format!("data-{n}")))
        .find(|n| !taken(n))
        .unwrap_or_default();
    Volume {
        mount_path: format!("/{name}"),
        name,
        ..Volume::default()
    }
}

#[component]
pub fn VolumesTab() -> impl IntoView {
    let spec = use_ui().spec;
    let len = Memo::new(move |_| spec.with(|s| s.volumes.len()));
    view! {
        <h2>"Volumes"</h2>
        <p class="intro">
            "A container's own filesystem is lost whenever its pod is replaced. A PersistentVolumeClaim "
            "keeps data across pods; an emptyDir is scratch space for one pod; config and secret files "
            "are typed here and mounted as a directory (never with subPath, which would freeze them). "
            "The Jobs and CronJobs mount only the emptyDirs."
        </p>
        {move || (0..len.get()).map(|i| view! { <VolumeRow i /> }).collect_view()}
        <button type="button" data-testid="volume-add" on:click=move |_| spec.update(|s| {
            let volume = new_volume(s);
            s.volumes.push(volume);
        })>"+ add volume"</button>
    }
}

#[component]
fn VolumeRow(i: usize) -> impl IntoView {
    let spec = use_ui().spec;
    let edit = editor(i);
    let get = move |f: fn(&Volume) -> String| {
        Signal::derive(move || spec.with(|s| s.volumes.get(i).map(f).unwrap_or_default()))
    };
    let kind =
        Memo::new(move |_| spec.with(|s| s.volumes.get(i).map(|v| v.kind).unwrap_or_default()));
    let object = Memo::new(move |_| {
        spec.with(|s| {
            s.volumes
                .get(i)
                .map(|v| s.volume_object_name(v))
                .unwrap_or_default()
        })
    });
    view! {
        <fieldset class="volume" data-testid="volume">
            <legend>{move || format!("Volume {}", i + 1)}</legend>
            <SelectField label="Kind" path=format!("volumes[{i}].kind") testid="volume-kind"
                options=VolumeKind::ALL.to_vec() name=VolumeKind::label
                get=Signal::derive(move || kind.get())
                set=move |v| edit(Box::new(move |x| x.kind = v)) />
            <TextField label="Name" path=format!("volumes[{i}].name") testid="volume-name"
                hint="A DNS label, unique; its object is <app>-<name>."
                get=get(|v| v.name.clone()) set=move |v: String| edit(Box::new(move |x| x.name = v)) />
            <TextField label="Mount path" path=format!("volumes[{i}].mount_path") testid="volume-mount-path"
                hint="Absolute, where the container sees it, e.g. /data."
                get=get(|v| v.mount_path.clone()) set=move |v: String| edit(Box::new(move |x| x.mount_path = v)) />
            {move || match kind.get() {
                VolumeKind::Claim => view! { <ClaimFields i /> }.into_any(),
                VolumeKind::EmptyDir => view! { <ScratchFields i /> }.into_any(),
                files => view! { <FilesFields i secret=files == VolumeKind::SecretFiles /> }.into_any(),
            }}
            <p class="hint">"Object: "<code data-testid="volume-object">{object}</code></p>
            <button type="button" class="small remove" data-testid="volume-remove"
                on:click=move |_| spec.update(|s| { if i < s.volumes.len() { s.volumes.remove(i); } })>"remove this volume"</button>
        </fieldset>
    }
}

/// One change to a volume.
type Edit = Box<dyn FnOnce(&mut Volume)>;

/// Applies an edit to `volumes[i]` (nothing when the row is gone).
fn editor(i: usize) -> impl Fn(Edit) + Copy {
    let spec = use_ui().spec;
    move |f| {
        spec.update(|s| {
            if let Some(v) = volumes_mut(s).get_mut(i) {
                f(v)
            }
        })
    }
}

#[component]
fn ClaimFields(i: usize) -> impl IntoView {
    let spec = use_ui().spec;
    let edit = editor(i);
    let get = move |f: fn(&Volume) -> String| {
        Signal::derive(move || spec.with(|s| s.volumes.get(i).map(f).unwrap_or_default()))
    };
    view! {
        <TextField label="Size" path=format!("volumes[{i}].size") testid="volume-size"
            hint="A quantity: 1Gi, 500Mi. Most classes can grow a claim, never shrink it."
            get=get(|v| v.size.clone()) set=move |v: String| edit(Box::new(move |x| x.size = v)) />
        <SelectField label="Access mode" path=format!("volumes[{i}].access_mode") testid="volume-access-mode"
            hint="ReadWriteOnce: one node's pods; ReadWriteMany needs shared storage (NFS, EFS...)."
            options=AccessMode::ALL.to_vec() name=AccessMode::as_str
            get=Signal::derive(move || spec.with(|s| s.volumes.get(i).map(|v| v.access_mode).unwrap_or_default()))
            set=move |v| edit(Box::new(move |x| x.access_mode = v)) />
        <TextField label="Storage class" path=format!("volumes[{i}].storage_class") testid="volume-storage-class"
            placeholder="the cluster's default" hint="Empty: the default class (kubectl get storageclass)."
            get=get(|v| v.storage_class.clone()) set=move |v: String| edit(Box::new(move |x| x.storage_class = v)) />
        <CheckField label="Read-only" path=format!("volumes[{i}].read_only") testid="volume-read-only"
            get=Signal::derive(move || spec.with(|s| s.volumes.get(i).is_some_and(|v| v.read_only)))
            set=move |v| edit(Box::new(move |x| x.read_only = v)) />
    }
}

#[component]
fn ScratchFields(i: usize) -> impl IntoView {
    let spec = use_ui().spec;
    let edit = editor(i);
    view! {
        <CheckField label="In memory (tmpfs)" path=format!("volumes[{i}].memory") testid="volume-memory"
            hint="Fast, but what is written counts against the container's memory limit."
            get=Signal::derive(move || spec.with(|s| s.volumes.get(i).is_some_and(|v| v.memory)))
            set=move |v| edit(Box::new(move |x| x.memory = v)) />
        <TextField label="Size limit" path=format!("volumes[{i}].size_limit") testid="volume-size-limit"
            placeholder="no limit" hint="A quantity such as 64Mi; past it the pod is evicted."
            get=Signal::derive(move || spec.with(|s| s.volumes.get(i).map(|v| v.size_limit.clone()).unwrap_or_default()))
            set=move |v: String| edit(Box::new(move |x| x.size_limit = v)) />
    }
}

#[component]
fn FilesFields(i: usize, secret: bool) -> impl IntoView {
    let spec = use_ui().spec;
    let count = Memo::new(move |_| spec.with(|s| s.volumes.get(i).map_or(0, |v| v.files.len())));
    let edit = editor(i);
    view! {
        <FieldIssues path=format!("volumes[{i}].files") />
        {move || (0..count.get()).map(|j| view! { <FileRow i j secret /> }).collect_view()}
        <button type="button" class="small" data-testid="volume-file-add"
            on:click=move |_| edit(Box::new(|x| x.files.push(ConfigFile::default())))>"+ add file"</button>
    }
}

#[component]
fn FileRow(i: usize, j: usize, secret: bool) -> impl IntoView {
    let spec = use_ui().spec;
    let edit = editor(i);
    let file = move |f: fn(&ConfigFile) -> String| {
        Memo::new(move |_| {
            spec.with(|s| {
                s.volumes
                    .get(i)
                    .and_then(|v| v.files.get(j))
                    .map(f)
                    .unwrap_or_default()
            })
        })
    };
    let name = file(|f| f.name.clone());
    let content = file(|f| f.content.clone());
    let path = format!("volumes[{i}].files[{j}].content");
    let shown = RwSignal::new(!secret);
    view! {
        <div class="row file" data-testid="volume-file">
            <TextField label="File name" path=format!("volumes[{i}].files[{j}].name") testid="volume-file-name"
                hint="Letters, digits, '-', '_', '.'; a file in the mounted directory."
                get=Signal::derive(move || name.get())
                set=move |v: String| edit(Box::new(move |x| if let Some(f) = x.files.get_mut(j) { f.name = v }))  />
            <label class="field">
                <span class="label">"Content"<Explain path=path.clone() label="Content" /></span>
                <textarea rows="4" spellcheck="false" autocomplete="off" data-1p-ignore="" data-lpignore="true"
                    class:masked=move || !shown.get()
                    data-testid="volume-file-content" data-path=path.clone()
                    prop:value=move || content.get()
                    on:input=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |x| if let Some(f) = x.files.get_mut(j) { f.content = v }))
                    }></textarea>
                <FieldIssues path=path />
                {secret.then(|| view! {
                    <button type="button" class="small" data-testid="volume-file-reveal"
                        on:click=move |_| shown.update(|s| *s = !*s)>{move || if shown.get() { "hide" } else { "show" }}</button>
                    <span class="hint">"A secret value: never stored in this browser, in a share link or in a command."</span>
                })}
            </label>
            <button type="button" class="small remove" data-testid="volume-file-remove"
                on:click=move |_| edit(Box::new(move |x| { if j < x.files.len() { x.files.remove(j); } }))>"remove this file"</button>
        </div>
    }
}
