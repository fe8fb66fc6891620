//! The `jobs` tab: one-off Jobs from the app's image, such as database migrations.

use kubewright::spec::{Job, PullPolicy, RestartPolicy};
use leptos::prelude::*;

use super::fields::{
    parse_int, parse_opt_int, parse_words, show_int, show_opt_int, show_words, ParsedField,
    SelectField, TextField,
};
use crate::ui::use_ui;

/// The pull policy choice for a Job: the app's, or its own.
#[derive(Clone, Copy, PartialEq)]
enum JobPull {
    Inherit,
    Own(PullPolicy),
}

impl JobPull {
    const ALL: [JobPull; 4] = [
        JobPull::Inherit,
        JobPull::Own(PullPolicy::Never),
        JobPull::Own(PullPolicy::IfNotPresent),
        JobPull::Own(PullPolicy::Always),
    ];

    fn name(self) -> &'static str {
        match self {
            JobPull::Inherit => "same as the app",
            JobPull::Own(p) => p.as_str(),
        }
    }
}

#[component]
pub fn JobsTab() -> impl IntoView {
    let spec = use_ui().spec;
    let len = Memo::new(move |_| spec.with(|s| s.jobs.len()));
    view! {
        <h2>"Jobs"</h2>
        <p class="intro">
            "A Job runs the app's image once, with the same env and resources, until it exits 0: the way to run "
            "database migrations or seeds. A finished Job keeps its name, so each run needs a new one: bump the run number."
        </p>
        {move || (0..len.get()).map(|i| {
            let get = move |f: fn(&Job) -> i64| Signal::derive(move || spec.with(|s| s.jobs.get(i).map(f).unwrap_or_default()));
            let get_opt = move |f: fn(&Job) -> Option<i64>| Signal::derive(move || spec.with(|s| s.jobs.get(i).and_then(f)));
            let edit = move |f: Box<dyn FnOnce(&mut Job)>| spec.update(|s| if let Some(j) = s.jobs.get_mut(i) { f(j) });
            view! {
                <fieldset class="job" data-testid="job">
                    <legend>{move || spec.with(|s| s.jobs.get(i).map(|j| kubewright::k8s::Job::name(s, j)).unwrap_or_default())}</legend>
                    <TextField label="Name" path=format!("jobs[{i}].name") testid="job-name" hint="Short name: the Job is <app>-<name>-<run>, its file job-<name>.yaml."
                        get=Signal::derive(move || spec.with(|s| s.jobs.get(i).map(|j| j.name.clone()).unwrap_or_default()))
                        set=move |v| edit(Box::new(move |j| j.name = v)) />
                    <ParsedField label="Run number" path=format!("jobs[{i}].run") testid="job-run"
                        hint="Part of the Job's name. Running the Job again? Take the next number first."
                        get=get(|j| j.run) set=move |v| edit(Box::new(move |j| j.run = v)) parse=parse_int show=show_int />
                    <button type="button" class="small" data-testid="job-next-run"
                        on:click=move |_| edit(Box::new(|j| j.run = j.run.saturating_add(1)))>"next run number (+1)"</button>
                    <ParsedField label="Args" path=format!("jobs[{i}].args") testid="job-args"
                        hint="Passed to the image's entrypoint, e.g. migrate. Quote words with spaces."
                        get=Signal::derive(move || spec.with(|s| s.jobs.get(i).map(|j| j.args.clone()).unwrap_or_default()))
                        set=move |v| edit(Box::new(move |j| j.args = v)) parse=parse_words show=show_words />
                    <SelectField label="restartPolicy" path=format!("jobs[{i}].restart_policy") testid="job-restart-policy"
                        hint="OnFailure: restart the container in the same pod. Never: start a new pod."
                        options=RestartPolicy::ALL.to_vec() name=RestartPolicy::as_str
                        get=Signal::derive(move || spec.with(|s| s.jobs.get(i).map(|j| j.restart_policy).unwrap_or(RestartPolicy::OnFailure)))
                        set=move |v| edit(Box::new(move |j| j.restart_policy = v)) />
                    <SelectField label="imagePullPolicy" path=format!("jobs[{i}].image_pull_policy") testid="job-pull-policy"
                        options=JobPull::ALL.to_vec() name=JobPull::name
                        get=Signal::derive(move || spec.with(|s| match s.jobs.get(i).and_then(|j| j.image_pull_policy) { Some(p) => JobPull::Own(p), None => JobPull::Inherit }))
                        set=move |v: JobPull| edit(Box::new(move |j| j.image_pull_policy = match v { JobPull::Inherit => None, JobPull::Own(p) => Some(p) })) />
                    <ParsedField label="backoffLimit" path=format!("jobs[{i}].backoff_limit") testid="job-backoff-limit"
                        placeholder="default (6)" hint="Retries before the Job counts as failed."
                        get=get_opt(|j| j.backoff_limit) set=move |v| edit(Box::new(move |j| j.backoff_limit = v)) parse=parse_opt_int show=show_opt_int />
                    <ParsedField label="ttlSecondsAfterFinished" path=format!("jobs[{i}].ttl_seconds_after_finished") testid="job-ttl"
                        placeholder="keep" hint="Delete the finished Job (and its pods) after this many seconds."
                        get=get_opt(|j| j.ttl_seconds_after_finished) set=move |v| edit(Box::new(move |j| j.ttl_seconds_after_finished = v)) parse=parse_opt_int show=show_opt_int />
                    <button type="button" class="small remove" data-testid="job-remove"
                        on:click=move |_| spec.update(|s| { if i < s.jobs.len() { s.jobs.remove(i); } })>"remove this Job"</button>
                </fieldset>
            }
        }).collect_view()}
        <button type="button" data-testid="job-add" on:click=move |_| spec.update(|s| {
            let job = s.new_job();
            s.jobs.push(job);
        })>"+ add Job"</button>
    }
}
