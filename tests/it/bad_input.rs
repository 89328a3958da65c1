//! Bad input gets a clear error at its line, never a panic (issue 2, points 2 and 4).

use crate::support::*;
use predicates::prelude::*;

/// Runs check --format json and returns (exit code, dossier object, stderr).
fn invalid(f: &Fixture) -> (serde_json::Value, String) {
    let out = dossier()
        .args(["check", "--format", "json", "--today", TODAY])
        .arg(f.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = v["dossiers"][0].clone();
    assert_eq!(d["outcome"], "invalid", "{d}");
    (d, String::from_utf8_lossy(&out.stderr).to_string())
}

fn single<'a>(d: &'a serde_json::Value, code: &str) -> &'a serde_json::Value {
    let all = d["diagnostics"].as_array().unwrap();
    all.iter()
        .find(|x| x["code"] == code)
        .unwrap_or_else(|| panic!("no {code} in {d}"))
}

#[test]
fn a_typo_in_a_key_is_named_with_a_suggestion() {
    let mut f = Fixture::information_system();
    f.edit("state_body:", "state_bdy:");
    let (d, stderr) = invalid(&f);
    let e = single(&d, "yaml.unknown-key");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("unknown key `state_bdy`"),
        "{e}"
    );
    assert_eq!(e["args"]["key"], "state_bdy");
    assert_eq!(e["line"], line_of(&f.yaml, "state_bdy"));
    assert_eq!(e["help"], "did you mean `state_body`?");
    // The human diagnostic on stderr shows the line itself.
    assert!(stderr.contains("state_bdy:"), "{stderr}");
}

#[test]
fn windows_1251_is_named() {
    let f = Fixture::information_system();
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&f.yaml);
    std::fs::write(f.path().join("dossier.yaml"), &bytes).unwrap();
    let (d, _) = invalid(&f);
    let e = single(&d, "yaml.encoding");
    assert!(
        e["message"].as_str().unwrap().contains("Windows-1251"),
        "{e}"
    );
}

#[test]
fn a_byte_order_mark_is_tolerated() {
    let f = Fixture::information_system();
    std::fs::write(f.path().join("dossier.yaml"), format!("\u{feff}{}", f.yaml)).unwrap();
    assert_eq!(f.check_json().1["outcome"], "include");
}

#[test]
fn a_huge_dossier_yaml_is_refused_unread() {
    let f = Fixture::information_system();
    let big = format!("{}# {}\n", f.yaml, "x".repeat(1024 * 1024));
    std::fs::write(f.path().join("dossier.yaml"), big).unwrap();
    let (d, _) = invalid(&f);
    assert!(
        single(&d, "yaml.too-large")["message"]
            .as_str()
            .unwrap()
            .contains("limit")
    );
}

#[test]
fn aliases_within_limits_still_work_and_bombs_are_stopped_by_the_budget() {
    let f = Fixture::information_system();
    let mut yaml = f.yaml.replace(
        "state_body:\n  name: \"Министерство\"",
        "state_body:\n  name: &body \"Министерство\"",
    );
    yaml = yaml.replace("review:", "addressee: *body\nreview:");
    std::fs::write(f.path().join("dossier.yaml"), &yaml).unwrap();
    assert_eq!(f.check_json().1["outcome"], "include");

    let mut bomb = String::from("lol0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..9 {
        bomb.push_str(&format!(
            "  lol{i}: &l{i} [{}]\n",
            vec![format!("*l{}", i - 1); 10].join(", ")
        ));
    }
    let yaml = f
        .yaml
        .replace("documents:\n", &format!("documents:\n  {bomb}"));
    std::fs::write(f.path().join("dossier.yaml"), yaml).unwrap();
    let (d, _) = invalid(&f);
    let codes: Vec<&str> = d["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["code"].as_str().unwrap())
        .collect();
    assert!(codes.iter().any(|c| c.starts_with("yaml.")), "{codes:?}");
}

#[test]
fn a_wrong_type_points_at_its_line_and_column() {
    let mut f = Fixture::information_system();
    f.edit("schema: 1", "schema: [1]");
    let (d, _) = invalid(&f);
    let e = single(&d, "yaml.type");
    assert_eq!(e["line"], 1);
    assert_eq!(e["column"], 9);
}

#[test]
fn columns_count_characters_in_kazakh_lines() {
    let mut f = Fixture::information_system();
    f.edit(
        "name: {kk: \"Сынақ жүйесі\", ru: \"Тестовая система\"}",
        "name: {kk: \"Сынақ жүйесі\", ru: \"Тестовая система\", en: 1}",
    );
    let (d, _) = invalid(&f);
    let e = &d["diagnostics"][0];
    let line = line_of(&f.yaml, "en: 1");
    assert_eq!(e["line"], line, "{e}");
    let text_line = f.yaml.lines().nth(line - 1).unwrap();
    let expected_col = text_line[..text_line.find("en: 1").unwrap()]
        .chars()
        .count()
        + 1;
    assert_eq!(e["column"], expected_col, "{e}");
}

#[test]
fn a_bad_date_is_named() {
    let mut f = Fixture::information_system();
    f.edit("review:\n", "review:\n  received: 2026-02-30\n");
    let (d, _) = invalid(&f);
    let e = &d["diagnostics"][0];
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("`2026-02-30` is not a date"),
        "{e}"
    );
    assert_eq!(e["line"], line_of(&f.yaml, "2026-02-30"));
}

#[test]
fn a_negative_count_is_an_error_at_its_line() {
    let mut f = Fixture::information_system();
    f.edit(
        "active_registered_users: 1001",
        "active_registered_users: -5",
    );
    let (d, _) = invalid(&f);
    let e = single(&d, "fact.negative");
    assert_eq!(e["line"], line_of(&f.yaml, "-5"));
}

#[test]
fn a_fractional_count_is_an_error() {
    let mut f = Fixture::information_system();
    f.edit(
        "active_registered_users: 1001",
        "active_registered_users: 1000.5",
    );
    single(&invalid(&f).0, "fact.not-whole");
}

#[test]
fn a_percentage_above_100_is_an_error() {
    let mut f = Fixture::information_system();
    f.edit(
        "facts:\n",
        "facts:\n  civil_servants_connected_percent: 120\n",
    );
    let (d, _) = invalid(&f);
    assert_eq!(
        single(&d, "fact.percent-range")["line"],
        line_of(&f.yaml, "120")
    );
}

#[test]
fn a_flag_written_yes_is_an_error() {
    let mut f = Fixture::information_system();
    f.edit(
        "unified_transport_environment: true",
        "unified_transport_environment: yes",
    );
    let e = single(&invalid(&f).0, "fact.type").clone();
    assert!(
        e["message"].as_str().unwrap().contains("true or false"),
        "{e}"
    );
}

#[test]
fn an_unknown_fact_is_an_error_with_a_suggestion() {
    let mut f = Fixture::information_system();
    f.edit(
        "active_registered_users: 1001",
        "active_registred_users: 1001",
    );
    let (d, _) = invalid(&f);
    assert_eq!(
        single(&d, "fact.unknown")["help"],
        "did you mean `active_registered_users`?"
    );
}

#[test]
fn an_unknown_kind_has_no_procedure() {
    let mut f = Fixture::information_system();
    f.edit("kind: information-system", "kind: technology-platform");
    let e = single(&invalid(&f).0, "kind.no-procedure").clone();
    assert_eq!(e["line"], 2);
}

#[test]
fn a_kind_of_another_edition_names_that_edition() {
    let mut f = Fixture::information_system();
    f.edit("kind: information-system", "kind: internet-resource");
    let e = single(&invalid(&f).0, "kind.no-procedure").clone();
    assert!(e["help"].as_str().unwrap().contains("order-84-2016"), "{e}");
}

#[test]
fn an_override_of_a_row_that_does_not_exist_is_an_error() {
    let mut f = Fixture::information_system();
    f.edit(
        "review:",
        "criteria:\n  \"4.1\": {met: true, basis: \"x\"}\nreview:",
    );
    let (d, _) = invalid(&f);
    assert_eq!(
        single(&d, "criterion.unknown-row")["line"],
        line_of(&f.yaml, "\"4.1\"")
    );
}

#[test]
fn an_override_of_a_row_for_the_other_kind_is_an_error() {
    let mut f = Fixture::information_system();
    f.edit(
        "review:",
        "criteria:\n  \"3.4\": {met: true, basis: \"x\"}\nreview:",
    );
    single(&invalid(&f).0, "criterion.not-applicable");
}

#[test]
fn an_override_needs_a_basis() {
    let mut f = Fixture::information_system();
    f.edit(
        "review:",
        "criteria:\n  \"2.4\": {met: true, basis: \"  \"}\nreview:",
    );
    single(&invalid(&f).0, "criterion.basis-missing");
}

#[test]
fn a_document_id_of_another_kind_is_an_error() {
    let mut f = Fixture::information_system();
    f.edit(
        "documents:\n",
        "documents:\n  specifications: docs/tz.pdf\n",
    );
    let (d, _) = invalid(&f);
    assert_eq!(
        single(&d, "document.unknown-requirement")["line"],
        line_of(&f.yaml, "specifications:")
    );
}

#[test]
fn a_missing_required_key_is_named() {
    let mut f = Fixture::information_system();
    f.edit("state_body:\n  name: \"Министерство\"\n", "");
    let e = single(&invalid(&f).0, "yaml.missing-key").clone();
    assert!(e["message"].as_str().unwrap().contains("state_body"), "{e}");
}

#[test]
fn an_information_system_needs_its_stage() {
    let mut f = Fixture::information_system();
    f.edit("  stage: industrial-operation\n", "");
    single(&invalid(&f).0, "object.stage-missing");
}

#[test]
fn a_duplicate_key_is_an_error() {
    let mut f = Fixture::information_system();
    f.edit("schema: 1\n", "schema: 1\nschema: 1\n");
    single(&invalid(&f).0, "yaml.duplicate-key");
}

#[test]
fn an_unknown_edition_is_an_error_at_its_line() {
    let mut f = Fixture::information_system();
    f.edit("schema: 1\n", "schema: 1\nedition: order-29-2030\n");
    assert_eq!(single(&invalid(&f).0, "edition.unknown")["line"], 2);
}

#[test]
fn a_tree_with_one_invalid_dossier_reports_the_others_then_exits_2() {
    let tree = tempfile::tempdir().unwrap();
    let good = Fixture::information_system();
    let bad = Fixture::information_system();
    std::fs::write(
        bad.path().join("dossier.yaml"),
        "schema: 1\nkind: \"information-system\n",
    )
    .unwrap();
    for (name, f) in [("a-good", &good), ("b-bad", &bad)] {
        let target = tree.path().join(name);
        copy_dir(f.path(), &target);
    }
    let (code, v) = check_report(tree.path(), &[]);
    assert_eq!(code, 2);
    assert_eq!(v["dossiers"][0]["outcome"], "include");
    assert_eq!(v["dossiers"][1]["outcome"], "invalid");
    assert_eq!(v["dossiers"][1]["diagnostics"][0]["code"], "yaml.syntax");
}

#[test]
fn a_path_that_does_not_exist_exits_2_with_a_message() {
    dossier()
        .args(["check", "--today", TODAY, "no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no/such/folder"));
}

#[test]
fn a_folder_without_dossiers_exits_2() {
    let empty = tempfile::tempdir().unwrap();
    dossier()
        .args(["check", "--today", TODAY])
        .arg(empty.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no dossier found"));
}

#[test]
fn an_unknown_edition_flag_is_a_usage_error() {
    let f = Fixture::information_system();
    dossier()
        .args(["check", "--edition", "order-1-1999", "--today", TODAY])
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown edition `order-1-1999`"));
}

#[test]
fn a_bad_date_flag_is_a_usage_error() {
    dossier()
        .args(["check", "--today", "23.11.2026", "sample-dossiers"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
}

#[test]
fn a_broken_rules_file_points_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("amended.toml");
    let text = dossier_model::edition::Editions::built_in_text("order-29-2024")
        .unwrap()
        .replacen("op = \">\"", "op = \">>\"", 1);
    std::fs::write(&rules, &text).unwrap();
    let line = line_of(&text, "op = \">>\"");
    dossier()
        .args(["check", "--today", TODAY, "--rules"])
        .arg(&rules)
        .arg("sample-dossiers")
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("amended.toml")
                .and(predicate::str::contains(format!("{line} | op = \">>\""))),
        );
}

#[test]
fn a_covered_count_above_its_total_is_an_error() {
    let mut f = Fixture::information_system();
    f.edit(
        "facts:\n",
        "facts:\n  territorial_units_total: 17\n  territorial_units_covered: 18\n",
    );
    let (d, _) = invalid(&f);
    assert_eq!(
        single(&d, "fact.part-above-total")["line"],
        line_of(&f.yaml, "territorial_units_covered")
    );
}

#[test]
fn a_disagreeing_boolean_draws_a_warning_and_the_counts_decide() {
    let mut f = Fixture::information_system();
    f.edit("facts:\n", "facts:\n  all_subordinate_units_are_users: true\n  subordinate_orgs_total: 4\n  subordinate_orgs_covered: 3\n  territorial_units_total: 0\n  territorial_units_covered: 0\n");
    let (_, d) = f.check_json();
    let w = diagnostics(&d, "fact.inconsistent");
    assert_eq!(w.len(), 1, "{d}");
    let row = d["score"]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "1.2")
        .unwrap()
        .clone();
    assert_eq!(row["status"], "not-met");
}

#[test]
fn an_empty_dossier_today_is_unset_and_a_bad_one_is_named() {
    dossier()
        .env("DOSSIER_TODAY", "")
        .args(["check", "sample-dossiers/esedo"])
        .assert()
        .code(0);
    dossier()
        .env("DOSSIER_TODAY", "24.11.2026")
        .args(["--lang", "en", "check", "sample-dossiers/esedo"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("DOSSIER_TODAY=`24.11.2026`"));
    // The variable still sets the date when it is one: in 2030 the protocol has expired.
    let out = dossier()
        .env("DOSSIER_TODAY", "2030-01-01")
        .args(["check", "--format", "json", "sample-dossiers/esedo"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["dossiers"][0]["outcome"], "refuse", "{v}");
}

#[test]
fn a_placeholder_left_in_any_text_is_a_finding_and_the_application_incomplete() {
    // `init` writes `name: {kk: "...", ru: "..."}`; left as it is it would reach the application
    // as «включить в Перечень ...». Like a placeholder document, it is what the applicant must
    // fill in first. (what is replaced, by what, key, a fragment of its line)
    for (from, to, key, needle) in [
        (
            "name: {kk: \"Сынақ жүйесі\", ru: \"Тестовая система\"}",
            "name: {kk: \"...\", ru: \"...\"}",
            "object.name",
            "name: {kk",
        ),
        (
            "name: \"Министерство\"",
            "name: \"…\"",
            "state_body.name",
            "name: \"…\"",
        ),
        (
            "state_body:",
            "addressee: \"____\"\nstate_body:",
            "addressee",
            "addressee",
        ),
        (
            "state_body:",
            "signatory: {name: \"Тегі Аты Әкесінің аты\"}\nstate_body:",
            "signatory.name",
            "signatory",
        ),
    ] {
        let mut f = Fixture::information_system();
        f.edit(from, to);
        let (code, d) = f.check_json();
        assert_eq!(
            (code, d["outcome"].as_str()),
            (1, Some("incomplete")),
            "{key}: {d}"
        );
        let found = diagnostics(&d, "text.placeholder");
        assert_eq!(found.len(), 1, "{key}: {d}");
        assert_eq!(found[0]["args"]["key"], key, "{d}");
        let yaml = std::fs::read_to_string(f.path().join("dossier.yaml")).unwrap();
        assert_eq!(found[0]["line"], line_of(&yaml, needle), "{key}: {d}");
    }
    // A name that merely contains dots is a name.
    let mut f = Fixture::information_system();
    f.edit("Тестовая система", "Система «Е.Лицензирование» 2.0...");
    assert_eq!(f.check_json().0, 0);
}
