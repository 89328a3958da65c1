//! Contract §6: every outcome, every ground in both editions, the exit codes.

use crate::support::*;
use serde_json::json;

#[test]
fn include_pending_incomplete_refuse() {
    let f = Fixture::information_system();
    assert_eq!(f.check_json(), (0, f.check_json().1.clone()));
    assert_eq!(f.check_json().1["outcome"], "include");

    let mut pending = Fixture::information_system();
    pending.edit("  architecture: conforms\n", "  architecture: pending\n");
    let (code, d) = pending.check_json();
    assert_eq!((code, d["outcome"].clone()), (0, json!("pending")));

    let mut absent = Fixture::hardware_software_complex();
    absent.edit("review:\n  architecture: conforms\n", "");
    assert_eq!(absent.check_json().1["outcome"], "pending");

    // R11: a missing clause-3 filing makes it incomplete, and is no ground.
    let mut incomplete = Fixture::information_system();
    incomplete.edit("  criteria-compliance: docs/criteria.pdf\n", "");
    let (code, d) = incomplete.check_json();
    assert_eq!(
        (code, d["outcome"].clone(), d["grounds"].clone()),
        (1, json!("incomplete"), json!([]))
    );
}

#[test]
fn every_ground_of_the_current_edition_is_listed_whatever_the_outcome() {
    let mut f = Fixture::information_system();
    f.edit(
        "  architecture: conforms\n",
        "  architecture: does-not-conform\n",
    );
    f.edit(
        "active_registered_users: 1001",
        "active_registered_users: 1000",
    );
    f.edit("  description: docs/description.pdf\n", "");
    let (code, d) = f.check_json();
    assert_eq!(d["outcome"], "refuse");
    assert_eq!(d["grounds"], json!(["6.1", "6.2", "6.3"]));
    assert_eq!(code, 1);
    // Incomplete still lists the grounds.
    f.edit("  services-functions: docs/services.pdf\n", "");
    let (_, d) = f.check_json();
    assert_eq!(d["outcome"], "incomplete");
    assert_eq!(d["grounds"], json!(["6.1", "6.2", "6.3"]));
}

#[test]
fn each_ground_alone() {
    let mut a = Fixture::information_system();
    a.edit(
        "active_registered_users: 1001",
        "active_registered_users: 1000",
    );
    assert_eq!(a.check_json().1["grounds"], json!(["6.1"]));
    let mut b = Fixture::hardware_software_complex();
    b.edit(
        "  architecture: conforms\n",
        "  architecture: does-not-conform\n",
    );
    assert_eq!(b.check_json().1["grounds"], json!(["6.2"]));
    let mut c = Fixture::hardware_software_complex();
    c.edit("  specifications: docs/specs.pdf\n", "");
    assert_eq!(c.check_json().1["grounds"], json!(["6.3"]));
}

#[test]
fn an_hsc_missing_a_clause_3_filing_is_incomplete() {
    let mut f = Fixture::hardware_software_complex();
    f.edit("  permitted-software: docs/software.pdf\n", "");
    assert_eq!(f.check_json().1["outcome"], "incomplete");
}

#[test]
fn the_2016_edition_has_grounds_6_and_9_and_every_item_is_a_filing() {
    let f = Fixture::information_system_2016();
    let (code, d) = f.check_json();
    assert_eq!(
        (code, d["outcome"].clone(), d["edition"].clone()),
        (0, json!("include"), json!("order-84-2016"))
    );
    assert_eq!(d["score"]["max"], 12);

    let mut g = Fixture::information_system_2016();
    g.edit(
        "  architecture: conforms\n",
        "  architecture: does-not-conform\n",
    );
    g.edit(
        "active_registered_users: 1001",
        "active_registered_users: 10",
    );
    assert_eq!(g.check_json().1["grounds"], json!(["6", "9"]));

    // Under 2016 the description was filed with the application: incomplete, no ground.
    let mut h = Fixture::information_system_2016();
    h.edit("  description: docs/description.pdf\n", "");
    let d = h.check_json().1;
    assert_eq!(
        (d["outcome"].clone(), d["grounds"].clone()),
        (json!("incomplete"), json!([]))
    );
}

/// A 2016 internet resource with its three clause-4 documents and the given `review` lines.
fn internet_resource_2016(review: &str) -> (tempfile::TempDir, serde_json::Value) {
    let dir = tempfile::tempdir().unwrap();
    for f in ["info", "users", "services"] {
        put(dir.path(), &format!("docs/{f}.pdf"), &pdf(f, 1));
    }
    std::fs::write(dir.path().join("dossier.yaml"), format!("schema: 1\nkind: internet-resource\nedition: order-84-2016\nobject: {{name: \"Сайт\"}}\nstate_body: {{name: \"Орган\"}}\nreview:\n{review}documents:\n  resource-information: docs/info.pdf\n  registered-users: docs/users.pdf\n  services-functions: docs/services.pdf\n")).unwrap();
    let (_, v) = check_report(dir.path(), &[]);
    (dir, v["dossiers"][0].clone())
}

#[test]
fn a_2016_internet_resource_waits_for_the_content_check() {
    // 2016 clause 7(1): the authorized body checks "соответствие ИР государственного органа
    // Правилам информационного наполнения"; it is not scored (clause 9 scores information
    // systems). (review lines, outcome, grounds)
    for (review, outcome, grounds) in [
        ("  architecture: conforms\n", "pending", vec![]),
        (
            "  architecture: conforms\n  content_rules: complies\n",
            "include",
            vec![],
        ),
        (
            "  architecture: conforms\n  content_rules: does-not-comply\n",
            "refuse",
            vec!["7.1"],
        ),
        // Clause 6: "Отсутствие архитектуры у государственного органа не является основанием
        // для отказа": the decision does not wait for it.
        (
            "  architecture: no-architecture\n  content_rules: complies\n",
            "include",
            vec![],
        ),
        ("  content_rules: complies\n", "pending", vec![]),
    ] {
        let (_dir, d) = internet_resource_2016(review);
        assert_eq!(d["outcome"], outcome, "{review}{d}");
        assert_eq!(d["grounds"], serde_json::json!(grounds), "{review}{d}");
        assert!(d.get("score").is_none(), "{d}");
        assert_eq!(diagnostics(&d, "criteria.not-for-kind").len(), 1, "{d}");
        let unchecked = diagnostics(&d, "ground.content-rules-unchecked").len();
        assert_eq!(
            unchecked,
            usize::from(!review.contains("content_rules")),
            "{d}"
        );
    }
}

#[test]
fn a_2016_hardware_software_complex_is_judged_on_clause_5_without_criteria() {
    // 2016 clause 5 applies to any "объект информационно-коммуникационной инфраструктуры";
    // clause 3(3) names "аппаратно-программные комплексы"; clauses 7(2) and 9 score information
    // systems only. The fixture's documents are the 2016 clause-5 set of the information system.
    for kind in ["hardware-software-complex", "ict-object"] {
        let mut f = Fixture::information_system_2016();
        f.edit("kind: information-system", &format!("kind: {kind}"));
        let (code, d) = f.check_json();
        assert_eq!(d["outcome"], "include", "{kind}: {d}");
        assert_eq!(code, 0, "{d}");
        assert!(d.get("score").is_none(), "{d}");
        assert_eq!(diagnostics(&d, "criteria.not-for-kind").len(), 1, "{d}");
        // Without the attestat of clause 5(6) it is incomplete, as an information system is.
        f.edit("  security-attestation: docs/protocol.pdf\n", "");
        assert_eq!(f.check_json().1["outcome"], "incomplete", "{kind}");
        // A nonconforming architecture is ground 6; no criteria ground is ever raised.
        f.edit("architecture: conforms", "architecture: does-not-conform");
        assert_eq!(
            f.check_json().1["grounds"],
            serde_json::json!(["6"]),
            "{kind}"
        );
    }
    // Under the current edition the same kind has its own clause-3 list; an ict-object has none.
    let mut f = Fixture::information_system();
    f.edit("kind: information-system", "kind: ict-object");
    let (code, d) = f.check_json();
    assert_eq!((code, d["outcome"].as_str()), (2, Some("invalid")), "{d}");
}

#[test]
fn a_2016_state_body_without_an_architecture_is_judged() {
    // 2016 clause 6: no architecture is not a ground; the current text says nothing, so the
    // outcome waits for the recommendation there.
    let mut f = Fixture::information_system_2016();
    f.edit("architecture: conforms", "architecture: no-architecture");
    let (_, d) = f.check_json();
    assert_eq!(d["outcome"], "include", "{d}");
    assert_eq!(diagnostics(&d, "architecture.none").len(), 1, "{d}");
    let mut g = Fixture::information_system();
    g.edit("architecture: conforms", "architecture: no-architecture");
    let (_, d) = g.check_json();
    assert_eq!(d["outcome"], "pending", "{d}");
    assert_eq!(diagnostics(&d, "architecture.none").len(), 1, "{d}");
}

#[test]
fn the_edition_in_force_on_the_application_date() {
    // Order No. 84 of 26.01.2016, repealed by Order No. 29 of 29.01.2018; the Rules restated by
    // 353/НҚ of 29.09.2022 and amended by 257/НҚ of 30.04.2024. (edition:, date, edition used,
    // message key of edition.period, or none)
    for (edition, date, used, key) in [
        ("order-29-2024", "2026-02-02", "order-29-2024", None),
        (
            "order-29-2024",
            "2017-03-01",
            "order-29-2024",
            Some("out-of-period"),
        ),
        ("order-84-2016", "2017-03-01", "order-84-2016", None),
        (
            "order-84-2016",
            "2026-02-02",
            "order-84-2016",
            Some("out-of-period"),
        ),
        (
            "order-29-2024",
            "2020-05-05",
            "order-29-2024",
            Some("out-of-period-not-built-in"),
        ),
        (
            "order-29-2024",
            "2023-05-05",
            "order-29-2024",
            Some("out-of-period-not-built-in"),
        ),
        (
            "order-29-2024",
            "2015-05-05",
            "order-29-2024",
            Some("out-of-period-unknown"),
        ),
        ("auto", "2017-03-01", "order-84-2016", Some("auto")),
        ("auto", "2026-02-02", "order-29-2024", Some("auto")),
        (
            "auto",
            "2020-05-05",
            "order-29-2024",
            Some("auto-not-built-in"),
        ),
        // Editions by the day they took effect (issue 21 item 1, R55). Order No. 29 was
        // registered on 09.02.2018 and took effect ten days after its publication: an
        // application of 5 February 2018 falls under the 2016 Rules.
        ("auto", "2018-02-05", "order-84-2016", Some("auto")),
        ("order-84-2016", "2018-02-12", "order-84-2016", None),
        // Order No. 84, published 10.03.2016, did not govern 1 February 2016; 20 March is the
        // day it may or may not have taken effect on.
        ("auto", "2016-02-01", "order-29-2024", Some("auto-unknown")),
        ("auto", "2016-03-20", "order-84-2016", Some("window-start")),
        ("auto", "2016-03-21", "order-84-2016", Some("auto")),
        // In the days Order No. 29 may have taken effect, both texts are named.
        ("auto", "2018-02-25", "order-29-2024", Some("window")),
        // 257/НҚ of 30.04.2024 did not govern an application of 5 May 2024.
        (
            "auto",
            "2024-05-05",
            "order-29-2024",
            Some("auto-not-built-in"),
        ),
        ("auto", "2024-05-20", "order-29-2024", Some("window")),
        (
            "order-29-2024",
            "2024-05-20",
            "order-29-2024",
            Some("window"),
        ),
        ("auto", "2024-08-01", "order-29-2024", Some("auto")),
    ] {
        let mut f = if used == "order-84-2016" {
            let mut f = Fixture::information_system_2016();
            f.edit("edition: order-84-2016\n", "");
            f
        } else {
            Fixture::information_system()
        };
        f.edit(
            "schema: 1\n",
            &format!("schema: 1\nedition: {edition}\napplication: {{date: {date}}}\n"),
        );
        let (_, d) = f.check_json();
        assert_eq!(d["edition"], used, "{edition} {date}: {d}");
        assert_ne!(d["outcome"], "invalid", "{edition} {date}: {d}");
        let found = diagnostics(&d, "edition.period");
        match key {
            None => assert!(found.is_empty(), "{edition} {date}: {d}"),
            Some(key) => {
                assert_eq!(found.len(), 1, "{edition} {date}: {d}");
                let message = found[0]["message"].as_str().unwrap();
                let expected = match key {
                    "out-of-period" => "the edition in force then was",
                    "out-of-period-not-built-in" => "whose exact wording is not built in",
                    "out-of-period-unknown" => "no text of the Rules known to the tool",
                    "auto" => "the edition in force on",
                    "auto-unknown" => "no text of the Rules known to the tool",
                    "window" => "took effect on a day the source texts do not give: ",
                    "window-start" => "may not yet have applied",
                    _ => "its exact wording is not built in",
                };
                assert!(message.contains(expected), "{key}: {message}");
                // A window names the text before and the text after, never one alone.
                if key == "window" {
                    assert_eq!(message.matches(" or ").count(), 1, "{message}");
                    assert!(message.contains("may apply"), "{message}");
                }
            }
        }
    }
    // A dossier invalid under the wrong edition still says which edition was in force.
    let mut f = Fixture::information_system();
    f.edit(
        "schema: 1\n",
        "schema: 1\nedition: order-84-2016\napplication: {date: 2026-02-02}\n",
    );
    let (code, d) = f.check_json();
    assert_eq!(code, 2);
    assert_eq!(diagnostics(&d, "edition.period").len(), 1, "{d}");
    // Without a date, auto says it needs one.
    let mut f = Fixture::information_system();
    f.edit("schema: 1\n", "schema: 1\nedition: auto\n");
    let (_, d) = f.check_json();
    assert!(
        diagnostics(&d, "edition.period")[0]["message"]
            .as_str()
            .unwrap()
            .contains("needs `application.date`"),
        "{d}"
    );
}

#[test]
fn the_2016_filing_deadline_warns_only_under_2016() {
    let mut f = Fixture::information_system_2016();
    f.edit("review:", "application: {date: 2026-04-02}\nreview:");
    assert_eq!(
        diagnostics(&f.check_json().1, "application.after-filing-deadline").len(),
        1
    );
    let mut g = Fixture::information_system();
    g.edit("review:", "application: {date: 2026-04-02}\nreview:");
    assert!(diagnostics(&g.check_json().1, "application.after-filing-deadline").is_empty());
}

#[test]
fn edition_flag_overrides_the_dossier() {
    let f = Fixture::information_system_2016();
    let out = dossier()
        .args([
            "check",
            "--format",
            "json",
            "--edition",
            "order-29-2024",
            "--today",
            TODAY,
        ])
        .arg(f.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // security-attestation is no document of the current edition.
    assert_eq!(v["dossiers"][0]["outcome"], "invalid");
}

#[test]
fn the_611_note_appears_from_2025_01_08_and_changes_nothing() {
    let f = Fixture::information_system();
    for (today, expected) in [("2025-01-07", 0), ("2025-01-08", 1)] {
        let out = dossier()
            .args(["check", "--format", "json", "--today", today])
            .arg(f.path())
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let d = &v["dossiers"][0];
        assert_eq!(
            diagnostics(d, "edition.amended-units").len(),
            expected,
            "{today}"
        );
        assert_eq!(d["outcome"], "include");
        assert_eq!(out.status.code(), Some(0));
    }
    // Not under 2016.
    assert!(
        diagnostics(
            &Fixture::information_system_2016().check_json().1,
            "edition.amended-units"
        )
        .is_empty()
    );
}

#[test]
fn the_today_environment_variable_is_honoured() {
    let mut f = Fixture::information_system();
    f.edit(
        "security-test-protocol: docs/protocol.pdf",
        "security-test-protocol: {files: docs/protocol.pdf, valid_until: 2026-06-01}",
    );
    let out = dossier()
        .env("DOSSIER_TODAY", "2026-05-01")
        .args(["check", "--format", "json"])
        .arg(f.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["dossiers"][0]["outcome"], "include");
}

#[test]
fn rules_loaded_from_a_file_replace_the_built_in_edition() {
    // Amend the pass rule: 4 points needed. The fixture has 3.
    let rules = amended_edition("min_total = 3", "min_total = 4");
    let f = Fixture::information_system();
    let (code, v) = check_report(f.path(), &["--rules".as_ref(), rules.path().as_os_str()]);
    assert_eq!(v["dossiers"][0]["grounds"], json!(["6.1"]));
    assert_eq!(code, 1);
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `dossier check … | head -c1`: the binary must not complain or fail.
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} check --today {TODAY} sample-dossiers sample-dossiers sample-dossiers | head -c 1",
            assert_cmd::cargo::cargo_bin("dossier").display()
        ))
        .current_dir(root())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("Broken pipe"));
}

#[test]
fn human_output_has_no_colour_off_a_terminal_and_localizes() {
    let out = dossier()
        .args(["check", "--today", TODAY, "--lang", "ru", "sample-dossiers"])
        .output()
        .unwrap();
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(!s.contains('\u{1b}'));
    assert!(s.contains("Итог") && s.contains("отказ (6.3)"), "{s}");
    let kk = dossier()
        .env("LANG", "kk_KZ.UTF-8")
        .args(["check", "--today", TODAY, "sample-dossiers"])
        .output()
        .unwrap();
    assert!(String::from_utf8(kk.stdout).unwrap().contains("Нәтиже"));
    let forced = dossier()
        .env("NO_COLOR", "1")
        .args([
            "check",
            "--today",
            TODAY,
            "--color",
            "always",
            "sample-dossiers",
        ])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(forced.stdout).unwrap().contains('\u{1b}'),
        "--color always wins"
    );
}
