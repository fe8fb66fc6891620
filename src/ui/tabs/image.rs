//! The `image` tab: repository, tag and pull policy.

use kubewright::spec::PullPolicy;
use leptos::prelude::*;

use super::fields::{SelectField, TextField};
use crate::ui::use_ui;

#[component]
pub fn ImageTab() -> impl IntoView {
    let spec = use_ui().spec;
    view! {
        <h2>"Image"</h2>
        <TextField
            label="Repository"
            path="image.repository"
            testid="image"
            hint="Where the image is: a local name for Minikube (kube-native) or a registry path (ghcr.io/acme/web)."
            get=Signal::derive(move || spec.with(|s| s.image.repository.clone()))
            set=move |v| spec.update(|s| s.image.repository = v)
        />
        <TextField
            label="Tag"
            path="image.tag"
            testid="image-tag"
            hint="A version such as 1.4.2. An immutable tag lets a rollout be undone; latest cannot."
            get=Signal::derive(move || spec.with(|s| s.image.tag.clone()))
            set=move |v| spec.update(|s| s.image.tag = v)
        />
        <TextField
            label="Digest"
            path="image.digest"
            testid="image-digest"
            placeholder="optional: sha256:..."
            hint="Pins the exact image, whatever the tag points at later (docker images --digests shows it)."
            get=Signal::derive(move || spec.with(|s| s.image.digest.clone()))
            set=move |v| spec.update(|s| s.image.digest = v)
        />
        <SelectField
            label="imagePullPolicy"
            path="image.pull_policy"
            testid="image-pull-policy"
            hint="Never: use the image already on the node (Minikube docker-env). IfNotPresent: pull once. Always: pull on every start."
            options=PullPolicy::ALL.to_vec()
            name=PullPolicy::as_str
            get=Signal::derive(move || spec.with(|s| s.image.pull_policy))
            set=move |v| spec.update(|s| s.image.pull_policy = v)
        />
        <super::registry::RegistryFields />
    }
}
