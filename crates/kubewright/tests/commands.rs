//! The commands agree with what the user saved: the all-documents view's file, one file per object,
//! or the zip's folder; and they follow the target and the pull policy.

use kubewright::presets::PRESETS;
use kubewright::render::{commands_text, ALL_FILE};
use kubewright::spec::{PullPolicy, Target};

use crate::util::preset;

#[test]
fn the_all_documents_commands_apply_that_one_file_and_no_other() {
    for p in PRESETS {
        let rendered = kubewright::render(&p.spec().unwrap());
        let text = commands_text(&rendered.commands_all);
        assert_eq!(
            text.matches(&format!("-f {ALL_FILE}")).count(),
            1,
            "{}\n{text}",
            p.id
        );
        for file in &rendered.files {
            assert!(
                !text.contains(&format!("-f {}", file.name)),
                "{}\n{text}",
                p.id
            );
        }
        // Every step that is not an apply is still there, in the same order.
        let waits = |t: &str| {
            t.lines()
                .filter(|l| l.starts_with("kubectl") && l.contains(" wait "))
                .count()
        };
        assert_eq!(waits(&text), waits(&rendered.commands_text()), "{}", p.id);
    }
}

#[test]
fn the_files_commands_apply_each_file_the_files_view_offers() {
    for p in PRESETS {
        let rendered = kubewright::render(&p.spec().unwrap());
        let text = rendered.commands_text();
        for file in &rendered.files {
            assert!(
                text.contains(&format!("-f {}", file.name)),
                "{} {}",
                p.id,
                file.name
            );
        }
        assert!(!text.contains(ALL_FILE), "{}", p.id);
    }
}

#[test]
fn the_build_step_says_where_to_run_it() {
    for target in Target::ALL {
        let mut spec = preset("rails");
        spec.set_target(target);
        let text = kubewright::render(&spec).commands_text();
        assert!(text.contains("docker build"), "{text}");
        assert!(text.contains("the one with its Dockerfile"), "{text}");
    }
}

#[test]
fn minikube_with_a_registry_image_neither_builds_nor_points_docker_at_minikube() {
    let mut spec = preset("rails");
    spec.set_target(Target::Minikube);
    let local = kubewright::render(&spec).commands_text();
    assert!(local.contains("eval $(minikube docker-env)"), "{local}");
    assert!(local.contains("imagePullPolicy: Never"), "{local}");
    for policy in [PullPolicy::IfNotPresent, PullPolicy::Always] {
        spec.image.pull_policy = policy;
        let rendered = kubewright::render(&spec);
        for text in [
            rendered.commands_text(),
            commands_text(&rendered.commands_all),
        ] {
            assert!(!text.contains("docker-env"), "{text}");
            assert!(!text.contains("docker build"), "{text}");
            assert!(!text.contains("imagePullPolicy: Never"), "{text}");
        }
    }
}

#[test]
fn the_command_line_gives_the_commands_for_each_way_of_saving() {
    let (code, all, _) =
        crate::util::kubewright(&["commands", "--preset", "rails", "--for", "all"]);
    assert_eq!(code, 0, "{all}");
    assert_eq!(
        all,
        commands_text(&kubewright::render(&preset("rails")).commands_all)
    );
    let (code, zip, _) =
        crate::util::kubewright(&["commands", "--preset", "rails", "--for", "zip"]);
    assert_eq!(code, 0, "{zip}");
    assert!(zip.contains("kubectl apply -k shop\n"), "{zip}");
    let (_, files, _) = crate::util::kubewright(&["commands", "--preset", "rails"]);
    assert!(files.contains("-f deployment.yaml"), "{files}");
}
