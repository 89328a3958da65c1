//! `dossier score` (issue 3): explanations, what-if, to_pass, portfolio.

use crate::support::*;
use dossier_model::dossier::CriterionOverride;
use dossier_model::edition::Editions;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeMap;

fn score_out(args: &[&str]) -> (i32, String) {
    let out = dossier()
        .arg("score")
        .args(["--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

/// Paths of temporary fixtures differ per run; snapshots show a stable name.
fn stable(text: &str, f: &Fixture) -> String {
    text.replace(&f.path().display().to_string(), "<dossier>")
}

#[test]
fn explanations_are_pinned_in_each_language() {
    // fail by total (and groups): only row 1.1
    let mut by_total = Fixture::information_system();
    by_total.edit(
        "  unified_transport_environment: true\n  active_registered_users: 1001\n",
        "",
    );
    // unknown facts and a reviewer's override
    let mut overrides = Fixture::hardware_software_complex();
    overrides.edit("  state_ca_signature_keys: true\n", "");
    overrides.edit("review:", "criteria:\n  \"2.4\": {met: true, basis: \"keys of the state bodies' certification centre, see docs/eds.pdf\"}\nreview:");
    for lang in ["en", "ru", "kk"] {
        let (code, pass) = score_out(&["--lang", lang, "sample-dossiers/esedo"]);
        assert_eq!(code, 0);
        insta::assert_snapshot!(format!("explain-pass-{lang}"), pass);
        let (code, by_group) = score_out(&["--lang", lang, "sample-dossiers/e-archive"]);
        assert_eq!(code, 1);
        insta::assert_snapshot!(format!("explain-fail-group-{lang}"), by_group);
        let (_, total) = score_out(&["--lang", lang, by_total.path().to_str().unwrap()]);
        insta::assert_snapshot!(
            format!("explain-fail-total-{lang}"),
            stable(&total, &by_total)
        );
        let (_, over) = score_out(&["--lang", lang, overrides.path().to_str().unwrap()]);
        insta::assert_snapshot!(
            format!("explain-override-unknown-{lang}"),
            stable(&over, &overrides)
        );
        let (code, what_if) = score_out(&[
            "--lang",
            lang,
            "--fact",
            "active_registered_users=1200",
            "--set",
            "2.1=yes",
            "sample-dossiers/e-archive",
        ]);
        assert_eq!(code, 0, "the what-if passes");
        insta::assert_snapshot!(format!("explain-what-if-{lang}"), what_if);
        let (_, portfolio) = score_out(&["--lang", lang, "sample-dossiers"]);
        insta::assert_snapshot!(format!("portfolio-{lang}"), portfolio);
    }
}

#[test]
fn a_failing_object_lists_every_smallest_set() {
    let (code, out) = score_out(&["--format", "json", "sample-dossiers/e-archive"]);
    assert_eq!(code, 1);
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    // One dossier: the object alone, not wrapped.
    assert_eq!(d["path"], "sample-dossiers/e-archive");
    assert_eq!(d["score"]["to_pass"], json!([["3.1"], ["3.2"], ["3.3"]]));
    let (_, out) = score_out(&["--format", "json", "sample-dossiers/esedo"]);
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(d["score"].get("to_pass").is_none(), "only when failing");
}

#[test]
fn several_dossiers_print_the_wrapped_form() {
    let (code, out) = score_out(&["--format", "json", "sample-dossiers"]);
    assert_eq!(code, 1, "e-archive does not pass");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema"], 1);
    assert_eq!(v["dossiers"].as_array().unwrap().len(), 5);
}

#[test]
fn what_if_changes_the_json_and_no_byte_on_disk() {
    let snapshot = |dir: &std::path::Path| -> Vec<(String, Vec<u8>)> {
        walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    };
    let f = Fixture::information_system();
    let before = snapshot(f.path());
    let (code, out) = score_out(&[
        "--format",
        "json",
        "--set",
        "3.1=no",
        f.path().to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let d: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(d["score"]["passed"], false);
    assert_eq!(d["grounds"], json!(["6.1"]));
    assert_eq!(snapshot(f.path()), before);
}

#[test]
fn what_if_applies_to_a_whole_portfolio() {
    let (_, out) = score_out(&["--fact", "active_registered_users=5000", "sample-dossiers"]);
    assert!(
        out.contains("5 of 5 scored dossiers pass the criteria (4 before the what-if)"),
        "{out}"
    );
}

#[test]
fn invalid_what_if_input_is_a_usage_error() {
    for (args, words) in [
        (vec!["--set", "9.9=yes"], "no criterion row `9.9`"),
        (vec!["--fact", "users=3"], "no fact `users`"),
        (
            vec!["--fact", "active_registered_users=many"],
            "must be a number",
        ),
        (
            vec!["--fact", "unified_transport_environment=3"],
            "true or false",
        ),
        (vec!["--set", "3.4=yes"], "does not apply"),
        (vec!["--set", "2.4=maybe"], "yes or no"),
    ] {
        let out = dossier()
            .args(["score", "--today", TODAY])
            .args(&args)
            .arg("sample-dossiers/esedo")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(words), "{args:?}: {stderr}");
    }
}

proptest! {
    /// Every to_pass set really passes, and no smaller set of unmet rows does.
    #[test]
    fn to_pass_sets_pass_and_are_smallest(
        kind in prop_oneof![Just("information-system"), Just("hardware-software-complex")],
        met in proptest::collection::btree_set(0usize..13, 0..8),
    ) {
        let editions = Editions::built_in();
        let e = editions.default_edition();
        let applicable: Vec<&str> = e.criteria.iter().filter(|c| c.applies_to.iter().any(|k| k == kind)).map(|c| c.id.as_str()).collect();
        let overrides = |ids: &[&str]| -> BTreeMap<String, CriterionOverride> {
            ids.iter().map(|id| (id.to_string(), CriterionOverride { met: true, basis: "p".into(), what_if: false })).collect()
        };
        let now: Vec<&str> = met.iter().filter_map(|i| applicable.get(*i).copied()).collect();
        let s = dossier_judge::score::score(e, kind, &BTreeMap::new(), &overrides(&now)).unwrap();
        if s.passed {
            prop_assert!(s.to_pass.is_empty());
            return Ok(());
        }
        prop_assert!(!s.to_pass.is_empty());
        let size = s.to_pass[0].len();
        for set in &s.to_pass {
            prop_assert_eq!(set.len(), size);
            let mut with: Vec<&str> = now.clone();
            with.extend(set.iter().map(String::as_str));
            prop_assert!(dossier_judge::score::score(e, kind, &BTreeMap::new(), &overrides(&with)).unwrap().passed);
        }
        // No set one row smaller passes: try every combination of the unmet rows.
        let unmet: Vec<&str> = applicable.iter().copied().filter(|id| !now.contains(id)).collect();
        for mask in 0u32..(1 << unmet.len()) {
            if (mask.count_ones() as usize) < size {
                let mut with = now.clone();
                with.extend(unmet.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0).map(|(_, id)| *id));
                prop_assert!(!dossier_judge::score::score(e, kind, &BTreeMap::new(), &overrides(&with)).unwrap().passed);
            }
        }
    }
}
