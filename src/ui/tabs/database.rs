//! The `database` tab: PostgreSQL from Bitnami's Helm chart or as a CloudNativePG Cluster, and the
//! connection URL the app gets (derived, shown with the password hidden).

use kubewright::spec::{Database, DatabaseKind};
use kubewright::AppSpec;
use leptos::prelude::*;

use super::fields::{parse_int, show_int, CheckField, ParsedField, SelectField, TextField};
use crate::ui::use_ui;

#[component]
pub fn DatabaseTab() -> impl IntoView {
    let spec = use_ui().spec;
    let kind = Memo::new(move |_| spec.with(|s| s.database.kind));
    // What the app will connect to, with the password hidden.
    let url = move || spec.with(|s| s.database.masked_url(s.namespace()));
    view! {
        <h2>"Database"</h2>
        <p class="intro">
            "PostgreSQL next to the app, in its namespace. The password goes into the Secret "
            <code>{move || spec.with(|s| s.database.secret_name())}</code>
            " that the chart or the operator reads, never onto a command line (sealed too, when you paste a certificate in the secrets tab). The app gets the connection URL as one more key of its own Secret."
        </p>
        <SelectField
            label="PostgreSQL from"
            path="database.kind"
            testid="database-kind"
            hint="none: bring your own (put its URL in the secrets). helm: Bitnami's PostgreSQL Helm chart. cloud_native_pg: a Cluster object that the CloudNativePG operator (installed once per cluster) turns into PostgreSQL. The names are the spec file's."
            options=DatabaseKind::ALL.to_vec()
            name=DatabaseKind::as_str
            get=kind
            set=move |v| spec.update(|s| s.database.kind = v)
        />
        {move || (kind.get() != DatabaseKind::None).then(|| view! {
            {text(spec, "Name", "name", "Helm release or Cluster name; the database Service is named after it.", false, |d| &d.name, |d| &mut d.name)}
            {text(spec, "User", "user", "The user the app connects as; it owns the database.", false, |d| &d.user, |d| &mut d.user)}
            {text(spec, "Database", "database", "The database created for the app.", false, |d| &d.database, |d| &mut d.database)}
            {text(spec, "Password", "password", "The app user's password (stays in this page and the Secret files).", true, |d| &d.password, |d| &mut d.password)}
            {move || (kind.get() == DatabaseKind::Helm).then(|| view! {
                {text(spec, "Superuser password", "admin_password", "The chart also needs a password for the postgres superuser.", true, |d| &d.admin_password, |d| &mut d.admin_password)}
                {text(spec, "Chart version", "chart_version", "Pins the chart for helm --version; empty installs the newest.", false, |d| &d.chart_version, |d| &mut d.chart_version)}
                {check(spec, "Bitnami's frozen image (bitnamilegacy)", "legacy_image", "The chart's own images are gone from Docker Hub: this runs the frozen copy, without security updates.", |d| d.legacy_image, |d| &mut d.legacy_image)}
            })}
            {move || (kind.get() == DatabaseKind::CloudNativePg).then(|| view! {
                <ParsedField
                    label="Instances"
                    path="database.instances"
                    testid="database-instances"
                    hint="1 primary plus streaming replicas."
                    get=Signal::derive(move || spec.with(|s| s.database.instances))
                    set=move |v| spec.update(|s| s.database.instances = v)
                    parse=parse_int
                    show=show_int
                />
                {text(spec, "Storage per instance", "storage_size", "A quantity such as 1Gi.", false, |d| &d.storage_size, |d| &mut d.storage_size)}
            })}
            {text(spec, "URL variable", "url_env", "The app's variable that gets the connection URL; empty adds none.", false, |d| &d.url_env, |d| &mut d.url_env)}
            {text(spec, "URL scheme", "url_scheme", "postgres for most libraries, ecto for Phoenix.", false, |d| &d.url_scheme, |d| &mut d.url_scheme)}
            {check(spec, "Write the port :5432 in the URL", "url_port", "Off leaves it out; PostgreSQL libraries use 5432 anyway.", |d| d.url_port, |d| &mut d.url_port)}
            <p class="derived" data-testid="database-url">
                "The app gets "<code>{move || spec.with(|s| s.database.url_env.clone())}</code>" = "
                <code>{url}</code>
            </p>
        })}
        <super::init::InitSection />
        <super::sidecars::SidecarsSection />
    }
}

// One text field of the database section.
fn text(
    spec: RwSignal<AppSpec>,
    label: &'static str,
    field: &'static str,
    hint: &'static str,
    masked: bool,
    get: fn(&Database) -> &String,
    set: fn(&mut Database) -> &mut String,
) -> impl IntoView {
    view! {
        <TextField
            label=label
            path=format!("database.{field}")
            testid=format!("database-{}", field.replace('_', "-"))
            hint=hint
            masked=masked
            get=Signal::derive(move || spec.with(|s| get(&s.database).clone()))
            set=move |v| spec.update(|s| *set(&mut s.database) = v)
        />
    }
}

// One checkbox of the database section.
fn check(
    spec: RwSignal<AppSpec>,
    label: &'static str,
    field: &'static str,
    hint: &'static str,
    get: fn(&Database) -> bool,
    set: fn(&mut Database) -> &mut bool,
) -> impl IntoView {
    view! {
        <CheckField
            label=label
            path=format!("database.{field}")
            testid=format!("database-{}", field.replace('_', "-"))
            hint=hint
            get=Signal::derive(move || spec.with(|s| get(&s.database)))
            set=move |v| spec.update(|s| *set(&mut s.database) = v)
        />
    }
}
