//! Properties of the YAML line map, the form <-> YAML sources and the annotated output, on generated
//! specs (arbitrary text everywhere: newlines, quotes, YAML-special words, unicode).

use kubewright::render::annotate::annotate;
use kubewright::render::lines::{changed_lines, line_paths, path_text, Seg};
use kubewright::render::sources::line_sources;
use kubewright::testgen::{any_spec, valid_spec};
use proptest::prelude::*;
use serde::Deserialize;

fn docs(yaml: &str) -> Vec<serde_yaml::Value> {
    serde_yaml::Deserializer::from_str(yaml)
        .map(|d| serde_yaml::Value::deserialize(d).unwrap())
        .collect()
}

// Follows a line's path into its document; `None` when the path does not exist there.
fn follow<'a>(doc: &'a serde_yaml::Value, path: &[Seg]) -> Option<&'a serde_yaml::Value> {
    path.iter().try_fold(doc, |v, seg| match seg {
        Seg::Key(k, n) => {
            let map = v.as_mapping()?;
            // The n-th key must be this key (as written: quoted keys keep their quotes): positions
            // are what the form <-> YAML map relies on.
            let (key, value) = map.iter().nth(*n)?;
            let written: String = serde_yaml::from_str(k).ok()?;
            (key.as_str()? == written).then_some(value)
        }
        Seg::Index(i) => v.as_sequence()?.get(*i),
    })
}

// `exact`: every line's path must lead into its document. Only for specs the API server accepts: a
// key that is itself a multi-line block (`? |-`, an env name with a newline) gets an approximate path.
fn check(spec: &kubewright::AppSpec, exact: bool) -> Result<(), TestCaseError> {
    let yaml = kubewright::render(spec).all;
    let parsed = docs(&yaml);
    let paths = line_paths(&yaml);
    prop_assert_eq!(paths.len(), yaml.lines().count());
    for (line, lp) in yaml.lines().zip(&paths).filter(|_| exact) {
        let doc = &parsed[lp.doc];
        prop_assert!(
            follow(doc, &lp.path).is_some(),
            "line {:?} got path {:?}, which is not in document {}",
            line,
            lp.path,
            lp.doc
        );
    }
    // Every line of a spec's own settings maps back to a form field or is structure.
    let sources = line_sources(spec, &yaml);
    prop_assert_eq!(sources.len(), paths.len());
    let annotated = annotate(spec, &yaml);
    let back: Vec<serde_yaml::Value> = serde_yaml::Deserializer::from_str(&annotated)
        .map(serde_yaml::Value::deserialize)
        .collect::<Result<_, _>>()
        .map_err(|e| TestCaseError::fail(format!("{e}\n{annotated}")))?;
    prop_assert_eq!(back, parsed);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn line_paths_point_into_the_documents_for_valid_specs(spec in valid_spec()) {
        check(&spec, true)?;
    }

    #[test]
    fn annotations_and_sources_hold_for_any_spec(spec in any_spec()) {
        check(&spec, false)?;
    }

    /// changed_lines skips unchanged documents for speed: it must mark exactly the lines the plain
    /// definition does (not at the same document, path and text before).
    #[test]
    fn changed_lines_match_their_definition(a in any_spec(), edit in 0usize..4) {
        let before = kubewright::render::render_yaml(&a);
        let mut edited = a.clone();
        match edit {
            0 => edited.jobs.clear(),
            1 => edited.app.replicas = edited.app.replicas.wrapping_add(1),
            2 => edited.env.push(kubewright::spec::EnvEntry::new("ADDED", "x")),
            _ => edited.image.tag.push('1'),
        }
        let after = kubewright::render::render_yaml(&edited);
        let keyed = |yaml: &str| -> Vec<(usize, String, String)> {
            line_paths(yaml)
                .into_iter()
                .zip(yaml.lines())
                .map(|(lp, text)| (lp.doc, path_text(&lp.path), text.to_string()))
                .collect()
        };
        let old = keyed(&before);
        let want: Vec<usize> = keyed(&after)
            .into_iter()
            .enumerate()
            .filter(|(_, k)| !old.contains(k))
            .map(|(i, _)| i)
            .collect();
        prop_assert_eq!(changed_lines(&before, &after), want);
    }
}
