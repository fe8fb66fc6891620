//! The `cron_jobs` tab: the app's image run on a schedule (CronJobs), each schedule said back in
//! words.

use kubewright::spec::{describe_schedule, ConcurrencyPolicy, CronJob, RestartPolicy};
use leptos::prelude::*;

use super::fields::{
    parse_opt_int, parse_words, show_opt_int, show_words, ParsedField, SelectField, TextField,
};
use crate::ui::use_ui;

#[component]
pub fn CronJobsTab() -> impl IntoView {
    let spec = use_ui().spec;
    let len = Memo::new(move |_| spec.with(|s| s.cron_jobs.len()));
    view! {
        <h2>"CronJobs"</h2>
        <p class="intro">
            "A CronJob runs the app's image on a schedule, with the same env, secrets and resources: nightly "
            "cleanups, reports, reminders. The commands start one run right away, so you see it work."
        </p>
        {move || (0..len.get()).map(|i| view! { <CronJobFields i /> }).collect_view()}
        <button type="button" data-testid="cron-add" on:click=move |_| spec.update(|s| {
            let cron = s.new_cron_job();
            s.cron_jobs.push(cron);
        })>"+ add CronJob"</button>
    }
}

#[component]
fn CronJobFields(i: usize) -> impl IntoView {
    let spec = use_ui().spec;
    let text = move |f: fn(&CronJob) -> String| {
        Signal::derive(move || spec.with(|s| s.cron_jobs.get(i).map(f).unwrap_or_default()))
    };
    let get_opt = move |f: fn(&CronJob) -> Option<i64>| {
        Signal::derive(move || spec.with(|s| s.cron_jobs.get(i).and_then(f)))
    };
    let edit = move |f: Box<dyn FnOnce(&mut CronJob)>| {
        spec.update(|s| {
            if let Some(c) = s.cron_jobs.get_mut(i) {
                f(c)
            }
        })
    };
    let words = Memo::new(move |_| {
        spec.with(|s| {
            s.cron_jobs
                .get(i)
                .map(|c| describe_schedule(&c.schedule).ok())
        })
        .flatten()
    });
    view! {
        <fieldset class="job" data-testid="cron-job">
            <legend>{move || spec.with(|s| s.cron_jobs.get(i).map(|c| s.cron_job_name(c)).unwrap_or_default())}</legend>
            <TextField label="Name" path=format!("cron_jobs[{i}].name") testid="cron-name" hint="Short name: the CronJob is <app>-<name>, its file cronjob-<name>.yaml."
                get=text(|c| c.name.clone()) set=move |v| edit(Box::new(move |c| c.name = v)) />
            <TextField label="Schedule" path=format!("cron_jobs[{i}].schedule") testid="cron-schedule"
                hint="minute hour day-of-month month day-of-week, e.g. 30 3 * * * (or @daily, @hourly)."
                get=text(|c| c.schedule.clone()) set=move |v| edit(Box::new(move |c| c.schedule = v)) />
            <p class="note" data-testid="cron-schedule-words">{move || words.get().map(|w| format!("Runs {w}."))}</p>
            <TextField label="Time zone" path=format!("cron_jobs[{i}].time_zone") testid="cron-time-zone"
                hint="IANA name, e.g. Europe/Berlin. Empty: the controller's zone (usually UTC)."
                get=text(|c| c.time_zone.clone()) set=move |v| edit(Box::new(move |c| c.time_zone = v)) />
            <ParsedField label="Args" path=format!("cron_jobs[{i}].args") testid="cron-args"
                hint="Passed to the image's entrypoint. Quote words with spaces."
                get=Signal::derive(move || spec.with(|s| s.cron_jobs.get(i).map(|c| c.args.clone()).unwrap_or_default()))
                set=move |v| edit(Box::new(move |c| c.args = v)) parse=parse_words show=show_words />
            <SelectField label="concurrencyPolicy" path=format!("cron_jobs[{i}].concurrency_policy") testid="cron-concurrency"
                hint="A run due while the last one runs: Forbid skips it, Replace stops the old one, Allow runs both."
                options=ConcurrencyPolicy::ALL.to_vec() name=ConcurrencyPolicy::as_str
                get=Signal::derive(move || spec.with(|s| s.cron_jobs.get(i).map(|c| c.concurrency_policy).unwrap_or_default()))
                set=move |v| edit(Box::new(move |c| c.concurrency_policy = v)) />
            <ParsedField label="startingDeadlineSeconds" path=format!("cron_jobs[{i}].starting_deadline_seconds") testid="cron-starting-deadline"
                placeholder="no deadline" hint="How late a missed run may still start."
                get=get_opt(|c| c.starting_deadline_seconds) set=move |v| edit(Box::new(move |c| c.starting_deadline_seconds = v)) parse=parse_opt_int show=show_opt_int />
            <ParsedField label="successfulJobsHistoryLimit" path=format!("cron_jobs[{i}].successful_jobs_history_limit") testid="cron-success-history"
                placeholder="default (3)" hint="Successful runs kept, with their logs."
                get=get_opt(|c| c.successful_jobs_history_limit) set=move |v| edit(Box::new(move |c| c.successful_jobs_history_limit = v)) parse=parse_opt_int show=show_opt_int />
            <ParsedField label="failedJobsHistoryLimit" path=format!("cron_jobs[{i}].failed_jobs_history_limit") testid="cron-failed-history"
                placeholder="default (1)" hint="Failed runs kept, to read why."
                get=get_opt(|c| c.failed_jobs_history_limit) set=move |v| edit(Box::new(move |c| c.failed_jobs_history_limit = v)) parse=parse_opt_int show=show_opt_int />
            <ParsedField label="activeDeadlineSeconds" path=format!("cron_jobs[{i}].active_deadline_seconds") testid="cron-active-deadline"
                placeholder="no limit" hint="A run taking longer is stopped and counts as failed."
                get=get_opt(|c| c.active_deadline_seconds) set=move |v| edit(Box::new(move |c| c.active_deadline_seconds = v)) parse=parse_opt_int show=show_opt_int />
            <ParsedField label="backoffLimit" path=format!("cron_jobs[{i}].backoff_limit") testid="cron-backoff-limit"
                placeholder="default (6)" hint="Retries before a run counts as failed."
                get=get_opt(|c| c.backoff_limit) set=move |v| edit(Box::new(move |c| c.backoff_limit = v)) parse=parse_opt_int show=show_opt_int />
            <SelectField label="restartPolicy" path=format!("cron_jobs[{i}].restart_policy") testid="cron-restart-policy"
                hint="OnFailure: restart the container in the same pod. Never: start a new pod."
                options=RestartPolicy::ALL.to_vec() name=RestartPolicy::as_str
                get=Signal::derive(move || spec.with(|s| s.cron_jobs.get(i).map(|c| c.restart_policy).unwrap_or(RestartPolicy::OnFailure)))
                set=move |v| edit(Box::new(move |c| c.restart_policy = v)) />
            <button type="button" class="small remove" data-testid="cron-remove"
                on:click=move |_| spec.update(|s| { if i < s.cron_jobs.len() { s.cron_jobs.remove(i); } })>"remove this CronJob"</button>
        </fieldset>
    }
}
