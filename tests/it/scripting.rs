//! `check` for scripts and managers (issue 12): exit codes whatever the reader does, quiet runs,
//! CSV/TSV, groups, the filing stage, what-if on check, one JSON shape per command.

use crate::support::*;
use serde_json::json;

fn check(args: &[&str]) -> (i32, String, String) {
    let out = dossier()
        .args(["check", "--today", TODAY])
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn a_closed_pipe_never_changes_the_exit_code() {
    // `set -o pipefail; dossier check … | head -1` gives the full run's code: 1 for the samples
    // (two refusals), 2 with an invalid dossier, in every format.
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    let bad = tempfile::tempdir().unwrap();
    std::fs::write(bad.path().join("dossier.yaml"), "schema: 1\nkind: [\n").unwrap();
    for (format, extra, code) in [
        ("human", "", 1),
        ("json", "", 1),
        ("csv", "", 1),
        ("junit", "", 1),
        ("json", bad.path().to_str().unwrap(), 2),
        ("human", bad.path().to_str().unwrap(), 2),
    ] {
        let script = format!(
            "set -o pipefail; {} check --today {TODAY} --format {format} sample-dossiers sample-dossiers sample-dossiers {extra} | head -1 >/dev/null",
            bin.display()
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &script])
            .current_dir(root())
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "{format} {extra}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!String::from_utf8_lossy(&out.stderr).contains("Broken pipe"));
    }
}

#[test]
fn quiet_prints_errors_and_the_summary_only() {
    let (code, out, _) = check(&["-q", "sample-dossiers"]);
    assert_eq!(code, 1);
    assert!(!out.contains('┌'), "no table: {out}");
    assert!(
        out.contains("sample-dossiers/e-archive") && out.contains("error:"),
        "{out}"
    );
    // Dossiers with only warnings or notes, and the edition's note, are left out.
    assert!(
        !out.contains("sample-dossiers/esedo") && !out.contains("warning"),
        "{out}"
    );
    assert!(out.contains("dossiers: 5;"), "{out}");
}

#[test]
fn a_dossier_toml_can_silence_the_edition_note() {
    let f = Fixture::information_system();
    let (_, out, _) = check(&[f.path().to_str().unwrap()]);
    assert!(out.contains("611/НҚ"), "{out}");
    f.file("dossier.toml", b"edition_notes = false\n");
    let (_, out, _) = check(&[f.path().to_str().unwrap()]);
    assert!(!out.contains("611/НҚ"), "{out}");
}

#[test]
fn csv_has_one_row_per_dossier_and_requirement_and_tsv_a_summary_per_dossier() {
    let (code, csv, _) = check(&["--format", "csv", "sample-dossiers"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "path,object,state_body,kind,edition,outcome,requirement,clause,status,files,pages,valid_until,message"
    );
    assert_eq!(lines.len(), 1 + 4 * 8 + 7);
    // A state body's name with commas is quoted; an expired protocol carries its date.
    assert!(csv.contains("\"Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан\""));
    let expired = lines
        .iter()
        .find(|l| l.contains("e-licensing") && l.contains("security-test-protocol"))
        .unwrap();
    assert!(
        expired.contains(",expired,") && expired.contains("2025-05-01"),
        "{expired}"
    );
    let (_, tsv, _) = check(&["--format", "tsv", "--summary", "sample-dossiers"]);
    let rows: Vec<Vec<&str>> = tsv.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 6);
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let archive = rows
        .iter()
        .find(|r| r[0] == "sample-dossiers/e-archive")
        .unwrap();
    assert_eq!(
        (archive[5], archive[6], archive[12]),
        ("refuse", "6.1", "false")
    );
}

#[test]
fn a_formula_in_a_dossier_reaches_a_spreadsheet_as_text() {
    let mut f = Fixture::information_system();
    f.edit("Тестовая система", "=HYPERLINK(\\\"http://x\\\")");
    let (_, csv, _) = check(&["--format", "csv", f.path().to_str().unwrap()]);
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
}

#[test]
fn groups_per_state_body() {
    let (_, out, _) = check(&[
        "--group-by",
        "state-body",
        "--format",
        "json",
        "sample-dossiers",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let bodies = v["state_bodies"].as_array().unwrap();
    assert_eq!(bodies.len(), 2);
    let justice = bodies
        .iter()
        .find(|b| b["state_body"] == "Министерство юстиции Республики Казахстан")
        .unwrap();
    assert_eq!(justice["dossiers"], 2);
    assert_eq!(justice["outcomes"]["refuse"], 1);
    assert_eq!(justice["outcomes"]["pending"], 1);
    let (_, human, _) = check(&[
        "--group-by",
        "state-body",
        "--width",
        "100",
        "sample-dossiers",
    ]);
    assert!(
        human.contains("юстиции") && human.contains("Dossiers"),
        "{human}"
    );
}

#[test]
fn group_by_and_output_work_alike_in_every_format_that_groups() {
    let dir = tempfile::tempdir().unwrap();
    for format in ["human", "json", "csv", "tsv"] {
        let file = dir.path().join(format!("groups.{format}"));
        let (code, out, err) = check(&[
            "--group-by",
            "state-body",
            "--format",
            format,
            "-o",
            file.to_str().unwrap(),
            "sample-dossiers",
        ]);
        assert_eq!(code, 1, "{format}: {err}");
        assert!(out.is_empty(), "{format}: {out}");
        let written = std::fs::read_to_string(&file).unwrap();
        assert!(written.contains("юстиции"), "{format}: {written}");
    }
    // A format with no grouped form refuses the flag instead of ignoring it.
    for format in ["html", "junit"] {
        let (code, out, err) = check(&[
            "--group-by",
            "state-body",
            "--format",
            format,
            "--lang",
            "en",
            "sample-dossiers",
        ]);
        assert_eq!(code, 2, "{format}: {out}");
        assert!(out.is_empty(), "{format}: {out}");
        assert!(
            err.contains("--group-by") && err.contains(format),
            "{format}: {err}"
        );
    }
}

#[test]
fn the_filing_stage_asks_only_the_state_bodys_part() {
    // gbd-fl is pending on the integrator but its part is complete: ready. e-licensing has an
    // expired protocol, e-archive fails the criteria: not ready, exit 1.
    let (code, out, _) = check(&["--stage", "filing", "--format", "json", "sample-dossiers"]);
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let ready: Vec<(String, bool)> = v["dossiers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["ready"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ready,
        [
            ("sample-dossiers/e-archive".to_string(), false),
            ("sample-dossiers/e-licensing".to_string(), false),
            ("sample-dossiers/esedo".to_string(), true),
            ("sample-dossiers/gbd-fl".to_string(), true),
            ("sample-dossiers/internet-gateway".to_string(), true),
        ]
    );
    let (code, _, _) = check(&["--stage", "filing", "sample-dossiers/gbd-fl"]);
    assert_eq!(code, 0, "ready although pending");
    let (_, table, _) = check(&["--stage", "filing", "--width", "120", "sample-dossiers"]);
    assert!(
        table.contains("Ready to file") && table.contains("ready to file: 3 of 5"),
        "{table}"
    );
}

#[test]
fn what_if_on_check_changes_the_outcome_and_nothing_on_disk() {
    let before = std::fs::read("sample-dossiers/gbd-fl/dossier.yaml").ok();
    let (code, out, _) = check(&[
        "--assume",
        "architecture=conforms",
        "--format",
        "json",
        "sample-dossiers/gbd-fl",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["dossiers"][0]["outcome"], "include");
    let (_, out, _) = check(&[
        "--assume",
        "architecture=does-not-conform",
        "--format",
        "json",
        "sample-dossiers/gbd-fl",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["dossiers"][0]["grounds"], json!(["6.2"]));
    let (_, out, _) = check(&[
        "--set",
        "3.1=no",
        "--set",
        "1.1=no",
        "--format",
        "json",
        "sample-dossiers/e-licensing",
    ]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(
        v["dossiers"][0]["score"]["total"].as_u64().unwrap() < 8,
        "{v}"
    );
    assert_eq!(
        std::fs::read("sample-dossiers/gbd-fl/dossier.yaml").ok(),
        before
    );
    let (code, _, err) = check(&["--assume", "architecture=maybe", "sample-dossiers/gbd-fl"]);
    assert_eq!(code, 2);
    assert!(err.contains("conforms, does-not-conform"), "{err}");
}

#[test]
fn json_names_the_object_as_written() {
    let (_, out, _) = check(&["--format", "json", "sample-dossiers/esedo"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let object = &v["dossiers"][0]["object"];
    assert!(
        object["kk"].is_string() && object["ru"].is_string(),
        "{object}"
    );
}

#[test]
fn config_shows_what_the_commands_use_and_where_it_comes_from() {
    // dossier.toml names a signatory, dossier.yaml its own: the dossier's wins, with its line.
    let f = Fixture::information_system();
    f.file(
        "dossier.toml",
        b"lang = \"ru\"\n[signatory]\nname = \"Toml Name\"\n",
    );
    let mut yaml = std::fs::read_to_string(f.path().join("dossier.yaml")).unwrap();
    yaml = yaml.replace(
        "state_body:",
        "signatory: {name: \"Yaml Name\"}\nstate_body:",
    );
    std::fs::write(f.path().join("dossier.yaml"), &yaml).unwrap();
    let out = dossier()
        .args(["config", "--format", "json"])
        .arg(f.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let signatory = v["settings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["key"] == "signatory.name")
        .unwrap();
    assert_eq!(signatory["value"], "Yaml Name", "{v}");
    assert_eq!(
        signatory["source"]["line"],
        line_of(&yaml, "Yaml Name"),
        "{v}"
    );
    // The table is in the language dossier.toml asks for.
    let out = dossier()
        .args(["config", "--width", "200"])
        .arg(f.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Настройка") && text.contains("Yaml Name") && !text.contains("Toml Name"),
        "{text}"
    );
}

#[test]
fn rules_know_the_editions_the_dossier_toml_here_loads() {
    let dir = tempfile::tempdir().unwrap();
    let text = dossier()
        .args(["rules", "export", "order-29-2024"])
        .output()
        .unwrap()
        .stdout;
    let amended = String::from_utf8(text)
        .unwrap()
        .replacen("id = \"order-29-2024\"", "id = \"order-29-2025\"", 1)
        .replacen("default = true", "default = false", 1);
    std::fs::write(dir.path().join("amended.toml"), amended).unwrap();
    std::fs::write(
        dir.path().join("dossier.toml"),
        "editions = [\"amended.toml\"]\n",
    )
    .unwrap();
    let out = succeeded(
        dossier()
            .args(["rules", "show", "order-29-2025", "--format", "json"])
            .current_dir(dir.path())
            .output(),
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["edition"]["id"], "order-29-2025");
    assert!(v["edition"]["requirements"].as_array().unwrap().len() > 10);
    let out = dossier()
        .args(["rules", "list", "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = v["editions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"order-29-2025") && ids.contains(&"order-84-2016"),
        "{ids:?}"
    );
}

#[test]
fn timeline_json_keeps_invalid_dossiers_and_names_the_object() {
    let bad = tempfile::tempdir().unwrap();
    std::fs::write(bad.path().join("dossier.yaml"), "schema: 1\nkind: [\n").unwrap();
    let out = dossier()
        .args([
            "timeline",
            "--format",
            "json",
            "--today",
            TODAY,
            "sample-dossiers/esedo",
        ])
        .arg(bad.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let d = v["dossiers"].as_array().unwrap();
    assert_eq!(d.len(), 2);
    let esedo = d
        .iter()
        .find(|x| x["path"] == "sample-dossiers/esedo")
        .unwrap();
    assert!(esedo["object"]["ru"].is_string(), "{v}");
    let invalid = d.iter().find(|x| x["outcome"] == "invalid").unwrap();
    assert_eq!(invalid["steps"], json!([]));
    assert_eq!(invalid["diagnostics"][0]["code"], "yaml.type", "{v}");
}

/// The rows of a TSV report as maps from column to value.
fn tsv_rows(text: &str) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    lines
        .map(|l| {
            header
                .iter()
                .zip(l.split('\t'))
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn every_column_of_every_row_kind_says_what_its_name_says() {
    let tree = tempfile::tempdir().unwrap();
    copy_dir(
        &root().join("sample-dossiers/esedo"),
        &tree.path().join("esedo"),
    );
    let broken = tree.path().join("broken");
    copy_dir(&root().join("sample-dossiers/gbd-fl"), &broken);
    std::fs::write(broken.join("dossier.yaml"), "schema: 1\nkind: [\n").unwrap();
    let path = tree.path().to_str().unwrap();
    let (_, json, _) = check(&["--format", "json", path]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let judged = v["dossiers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["outcome"] != "invalid")
        .unwrap()
        .clone();
    let count = |severity: &str| {
        judged["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|x| x["severity"] == severity)
            .count()
            .to_string()
    };
    // --summary: one row a dossier.
    let (_, tsv, _) = check(&["--format", "tsv", "--summary", path]);
    let rows = tsv_rows(&tsv);
    assert_eq!(rows.len(), 2, "{tsv}");
    let bad = rows.iter().find(|r| r["outcome"] == "invalid").unwrap();
    assert!(bad["path"].ends_with("broken"), "{bad:?}");
    assert!(
        !bad["errors"].is_empty(),
        "the error goes to errors: {bad:?}"
    );
    assert!(bad["warnings"].is_empty(), "{bad:?}");
    for column in [
        "object",
        "kind",
        "grounds",
        "documents_present",
        "score",
        "ready",
    ] {
        assert!(bad[column].is_empty(), "{column}: {bad:?}");
    }
    let good = rows.iter().find(|r| r["outcome"] != "invalid").unwrap();
    let documents = judged["documents"].as_array().unwrap();
    let present = documents
        .iter()
        .filter(|d| d["status"] == "present" || d["status"] == "expired-allowed")
        .count();
    let expected = [
        ("outcome", judged["outcome"].as_str().unwrap().to_string()),
        ("kind", judged["kind"].as_str().unwrap().to_string()),
        ("edition", judged["edition"].as_str().unwrap().to_string()),
        (
            "grounds",
            judged["grounds"]
                .as_array()
                .unwrap()
                .iter()
                .map(|g| g.as_str().unwrap())
                .collect::<Vec<_>>()
                .join(" "),
        ),
        ("documents_present", present.to_string()),
        ("documents_total", documents.len().to_string()),
        ("score", judged["score"]["total"].to_string()),
        ("score_max", judged["score"]["max"].to_string()),
        ("criteria_passed", judged["score"]["passed"].to_string()),
        ("ready", judged["ready"].to_string()),
        ("errors", count("error")),
        ("warnings", count("warning")),
    ];
    for (column, value) in expected {
        assert_eq!(good[column], value, "{column}: {good:?}");
    }
    // One row a requirement; the invalid dossier's error in `message`.
    let (_, tsv, _) = check(&["--format", "tsv", path]);
    let rows = tsv_rows(&tsv);
    let bad: Vec<_> = rows.iter().filter(|r| r["outcome"] == "invalid").collect();
    assert_eq!(bad.len(), 1);
    assert!(!bad[0]["message"].is_empty() && bad[0]["requirement"].is_empty());
    let good: Vec<_> = rows.iter().filter(|r| r["outcome"] != "invalid").collect();
    assert_eq!(good.len(), documents.len());
    for (row, doc) in good.iter().zip(documents) {
        assert_eq!(row["requirement"], doc["id"].as_str().unwrap());
        assert_eq!(row["clause"], doc["clause"].as_str().unwrap());
        assert_eq!(row["status"], doc["status"].as_str().unwrap());
        assert_eq!(row["pages"], doc["pages"].to_string().replace("null", ""));
    }
}

#[test]
fn the_colour_conventions_are_honoured_and_never_reaches_clap() {
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut cmd = dossier();
        for (k, v) in env {
            cmd.env(k, v);
        }
        let out = cmd.args(args).output().unwrap();
        let all = [out.stdout, out.stderr].concat();
        all.contains(&0x1b)
    };
    let check = ["check", "--today", TODAY, "sample-dossiers/esedo"];
    // Off a terminal: no colour, unless CLICOLOR_FORCE asks; NO_COLOR and --color win over it.
    assert!(!run(&[], &check));
    assert!(run(&[("CLICOLOR_FORCE", "1")], &check));
    assert!(!run(&[("CLICOLOR_FORCE", "0")], &check));
    assert!(!run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], &check));
    let mut never = vec!["--color", "never"];
    never.extend(check);
    assert!(!run(&[("CLICOLOR_FORCE", "1")], &never));
    // clap's own error, before the flags are read, obeys --color never too.
    assert!(run(&[("CLICOLOR_FORCE", "1")], &["nosuchcommand"]));
    assert!(!run(
        &[("CLICOLOR_FORCE", "1")],
        &["--color", "never", "nosuchcommand"]
    ));
    assert!(!run(
        &[("CLICOLOR_FORCE", "1")],
        &["--color=never", "nosuchcommand"]
    ));
}

#[test]
fn dash_as_the_output_is_standard_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier()
        .current_dir(dir.path())
        .args(["check", "--today", TODAY, "--format", "json", "-o", "-"])
        .arg(root().join("sample-dossiers/esedo"))
        .output()
        .unwrap();
    assert!(serde_json::from_slice::<serde_json::Value>(&out.stdout).is_ok());
    let out = dossier()
        .current_dir(dir.path())
        .args([
            "render",
            "application",
            "--lang",
            "ru",
            "--today",
            TODAY,
            "-o",
            "-",
        ])
        .arg(root().join("sample-dossiers/esedo"))
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("ЗАЯВЛЕНИЕ"));
    assert!(
        file_names(dir.path()).is_empty(),
        "a file named `-` was written"
    );
}

/// Issue 22 item 9: a what-if run says so in every format — a banner above the table and on
/// the page, `what_if` at the top of the JSON and on each dossier, a column in CSV/TSV, a
/// property in JUnit — and a plain run says nothing of it.
#[test]
fn a_what_if_run_is_marked_in_every_format() {
    let sample = root().join("sample-dossiers/e-archive");
    let cases: [(&[&str], &str); 9] = [
        (
            &["--format", "human"],
            "WHAT-IF: computed with --fact active_registered_users=1200",
        ),
        (&["--format", "json"], "\"what_if\": {"),
        (&["--format", "csv"], ",what_if\r\n"),
        (&["--format", "tsv"], "\twhat_if\r\n"),
        (&["--format", "csv", "--summary"], ",what_if\r\n"),
        (
            &["--format", "junit"],
            "<property name=\"what_if\" value=\"--fact active_registered_users=1200\"/>",
        ),
        (
            &["--format", "html"],
            "<p class=\"what-if\" role=\"alert\">WHAT-IF",
        ),
        (
            &["--format", "json", "--group-by", "state-body"],
            "\"what_if\": {",
        ),
        (
            &["--format", "human", "--group-by", "state-body"],
            "WHAT-IF",
        ),
    ];
    for (format, mark) in cases {
        let run = |what_if: bool| {
            let mut cmd = dossier();
            cmd.args(["check", "--lang", "en", "--today", TODAY])
                .args(format);
            if what_if {
                cmd.args(["--fact", "active_registered_users=1200"]);
            }
            let out = cmd.arg(&sample).output().unwrap();
            String::from_utf8(out.stdout).unwrap()
        };
        let marked = run(true);
        assert!(
            marked.contains(mark),
            "{format:?}: `{mark}` not in:\n{marked}"
        );
        let plain = run(false);
        assert!(
            !plain.to_lowercase().contains("what_if") && !plain.contains("WHAT-IF"),
            "{format:?}: a plain run marked:\n{plain}"
        );
    }
    // The JSON carries the changes at its top and on each dossier, typed as given.
    let out = dossier()
        .args([
            "check", "--format", "json", "--today", TODAY, "--set", "2.4=yes",
        ])
        .args(["--assume", "architecture=conforms"])
        .arg(&sample)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected = serde_json::json!({
        "facts": {},
        "criteria": {"2.4": true},
        "assume": {"architecture": "conforms"}
    });
    assert_eq!(v["what_if"], expected, "{v}");
    assert_eq!(v["dossiers"][0]["what_if"], expected, "{v}");
}

/// Issue 22 item 6: GitHub workflow commands and GitLab Code Quality put each finding on the
/// file and line it carries, with the severity the CI tool knows; the text is escaped.
#[test]
fn findings_go_to_github_and_gitlab_at_their_file_and_line() {
    let mut f = Fixture::information_system();
    // A finding at a line, whose text holds a comma, a colon and a percent sign.
    f.edit(
        "facts:\n",
        "facts:\n  civil_servants_connected_percent: 150\n",
    );
    let run = |format: &str| {
        let out = dossier()
            .args([
                "check", "--lang", "en", "--today", TODAY, "--format", format,
            ])
            .arg(f.path())
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stdout).unwrap())
    };
    let (code, github) = run("github");
    assert_eq!(code, Some(2), "{github}");
    let line = github
        .lines()
        .find(|l| l.contains("title=fact.percent-range"))
        .unwrap_or_else(|| panic!("{github}"));
    assert!(line.starts_with("::error file="), "{line}");
    assert!(line.contains("dossier.yaml,line="), "{line}");
    for l in github.lines() {
        assert!(
            l.starts_with("::error ") || l.starts_with("::warning ") || l.starts_with("::notice "),
            "{l}"
        );
        // A message cannot end the command early or break the line.
        let (_, message) = l.split_once("::").unwrap().1.split_once("::").unwrap();
        assert!(!message.contains('\n') && !message.contains('\r'), "{l}");
    }
    let (_, gitlab) = run("gitlab");
    let issues: serde_json::Value = serde_json::from_str(&gitlab).unwrap();
    let issue = issues
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["check_name"] == "fact.percent-range")
        .unwrap_or_else(|| panic!("{gitlab}"));
    assert_eq!(issue["severity"], "major", "{issue}");
    assert!(
        issue["location"]["lines"]["begin"].as_u64().unwrap() > 1,
        "{issue}"
    );
    assert!(
        issue["location"]["path"]
            .as_str()
            .unwrap()
            .ends_with("dossier.yaml")
    );
    // Fingerprints are unique and stable across runs.
    let prints: Vec<&str> = issues
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    let mut unique = prints.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), prints.len(), "{gitlab}");
    assert_eq!(run("gitlab").1, gitlab);
    // Nothing to say: an empty array, an empty stream.
    let clean = root().join("sample-dossiers/esedo");
    let out = dossier()
        .args([
            "check",
            "--today",
            TODAY,
            "--format",
            "gitlab",
            "--edition",
            "order-29-2024",
        ])
        .arg(&clean)
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v.is_array(), "{v}");
}

/// Issue 22 item 7: `--excel` writes the CSV Russian and Kazakh Excel open by a double click: a
/// UTF-8 byte-order mark first, `;` between fields, a `;` inside a value quoted; the same
/// fields as the plain CSV.
#[test]
fn csv_for_excel_has_a_bom_and_semicolons() {
    let run = |extra: &[&str]| {
        let out = dossier()
            .args(["check", "--format", "csv", "--today", TODAY])
            .args(extra)
            .arg(root().join("sample-dossiers"))
            .output()
            .unwrap();
        out.stdout
    };
    for summary in [&[][..], &["--summary"][..]] {
        let plain = String::from_utf8(run(summary)).unwrap();
        let excel = run(&[summary, &["--excel"][..]].concat());
        assert!(
            excel.starts_with("\u{feff}".as_bytes()),
            "no byte-order mark"
        );
        let excel = String::from_utf8(excel).unwrap();
        let excel = excel.trim_start_matches('\u{feff}');
        let head = |text: &str, sep: char| -> Vec<String> {
            text.lines()
                .next()
                .unwrap()
                .split(sep)
                .map(str::to_string)
                .collect()
        };
        assert_eq!(head(excel, ';'), head(&plain, ','));
        assert_eq!(excel.lines().count(), plain.lines().count());
        // A value holding the separator is quoted.
        for line in excel
            .lines()
            .filter(|l| l.contains("\";") || l.contains(";\""))
        {
            assert!(line.matches('"').count() % 2 == 0, "{line}");
        }
    }
}

/// Issue 22 item 11: `-q` prints the errors and the summary only — no blank line first, and an
/// invalid dossier's error is one line with its place, not a snippet of the file.
#[test]
fn quiet_prints_errors_in_one_line_each() {
    let out = dossier()
        .args(["check", "-q", "--lang", "en", "--today", TODAY])
        .arg(root().join("sample-dossiers"))
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(!stdout.starts_with('\n'), "{stdout:?}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("dossier.yaml"),
        "schema: 1\nkind: information-system\nobject:\n  name: 12\n",
    )
    .unwrap();
    let out = dossier()
        .args(["check", "-q", "--lang", "en"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("dossier.yaml:4:3:") && stderr.contains("[yaml.type]"),
        "{stderr}"
    );
}

/// Issue 22 item 3: `dossier --generate` writes the man pages and completions the repository
/// carries under `man/` and `completions/`, byte for byte; a man page's synopsis names the
/// command as typed, and it has the sections a person would write.
#[test]
fn generate_writes_the_committed_man_pages_and_completions() {
    let cases = [
        ("man", "man/dossier.1"),
        ("man-check", "man/dossier-check.1"),
        ("man-render", "man/dossier-render.1"),
        ("complete-bash", "completions/dossier.bash"),
        ("complete-zsh", "completions/_dossier"),
        ("complete-fish", "completions/dossier.fish"),
        ("complete-powershell", "completions/_dossier.ps1"),
        ("complete-elvish", "completions/dossier.elv"),
    ];
    for (what, file) in cases {
        let out = dossier().args(["--generate", what]).output().unwrap();
        assert!(
            out.status.success(),
            "{what}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let committed = std::fs::read(root().join(file)).unwrap();
        assert!(out.stdout == committed, "{what} differs from {file}");
    }
    let page = std::fs::read_to_string(root().join("man/dossier-check.1")).unwrap();
    assert!(
        page.contains(".SH SYNOPSIS\n\\fBdossier check\\fR"),
        "{page}"
    );
    for section in ["EXIT STATUS", "ENVIRONMENT", "FILES", "EXAMPLES"] {
        assert!(page.contains(&format!(".SH \"{section}\"")), "{section}");
    }
    let out = dossier().args(["--generate", "nonsense"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Issue 22 item 10: the HTML portfolio says "overdue" in words (a black-and-white printout
/// loses the red), lists the expired document that refuses a dossier, wraps long names instead
/// of cutting them, and lays the matrix out to fit the printed page.
#[test]
fn the_portfolio_page_speaks_in_words_and_cuts_no_name() {
    let out = dossier()
        .args([
            "check", "--format", "html", "--lang", "en", "--today", TODAY,
        ])
        .arg(root().join("sample-dossiers"))
        .output()
        .unwrap();
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(
        page.contains("<tr class=\"overdue\"><td class=\"day\">"),
        "no overdue step"
    );
    assert!(
        page.contains("<td class=\"state\">overdue</td>"),
        "overdue only in colour"
    );
    // e-licensing is refused for the protocol that expired on 2025-05-01.
    assert!(
        page.contains("<td class=\"day\">2025-05-01</td><td class=\"state\">expired</td>"),
        "the expired protocol is not listed"
    );
    assert!(!page.contains('…'), "a name was cut");
    assert!(page.contains("table.matrix { table-layout: fixed; width: 100%; }"));
}

/// Issue 22 item 13: `check`, `score` and `timeline` name the kind in the same words.
#[test]
fn check_score_and_timeline_name_the_kind_alike() {
    let sample = root().join("sample-dossiers/internet-gateway");
    let run = |command: &str| {
        let out = dossier()
            .args([command, "--lang", "ru", "--today", TODAY, "--width", "200"])
            .arg(&sample)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let kind = "аппаратно-программный комплекс";
    assert!(run("check").contains(&format!("АПК — {kind}")), "check");
    for command in ["score", "timeline"] {
        let first = run(command).lines().next().unwrap_or_default().to_string();
        assert!(
            first.contains(&format!("({kind}, order-29-2024)")),
            "{command}: {first}"
        );
    }
}

/// Issue 23 item 2: `-o FILE` streams the report into a temporary file put in place at the end
/// (text kept for the end — the findings under the table, the page's sections — goes through a
/// bounded spill): the file holds exactly what standard output gets, in every format, and nothing
/// else is left beside it; an existing file is refused before a dossier is judged.
#[test]
fn a_report_written_to_a_file_is_what_standard_output_gets() {
    let dir = tempfile::tempdir().unwrap();
    let formats: [&[&str]; 9] = [
        &["--format", "human"],
        &["--format", "human", "-q"],
        &["--format", "json"],
        &["--format", "csv"],
        &["--format", "csv", "--summary", "--excel"],
        &["--format", "junit"],
        &["--format", "html"],
        &["--format", "sarif"],
        &["--format", "gitlab"],
    ];
    for (i, flags) in formats.iter().enumerate() {
        let stdout = dossier()
            .args(["check", "--today", TODAY, "--lang", "ru"])
            .args(*flags)
            .arg(root().join("sample-dossiers"))
            .output()
            .unwrap();
        let file = dir.path().join(format!("report-{i}"));
        let written = dossier()
            .args(["check", "--today", TODAY, "--lang", "ru"])
            .args(*flags)
            .arg("-o")
            .arg(&file)
            .arg(root().join("sample-dossiers"))
            .output()
            .unwrap();
        assert_eq!(written.status.code(), stdout.status.code(), "{flags:?}");
        assert!(written.stdout.is_empty(), "{flags:?}");
        let bytes = std::fs::read(&file).unwrap();
        assert!(bytes.len() > 100, "{flags:?}");
        assert!(
            bytes == stdout.stdout,
            "{flags:?}: the file differs from stdout"
        );
    }
    assert_eq!(
        file_names(dir.path()).len(),
        formats.len(),
        "{:?}",
        file_names(dir.path())
    );
    // An existing file: refused at once, untouched, nothing judged (no dossier error printed).
    let existing = dir.path().join("report-0");
    let before = std::fs::read(&existing).unwrap();
    let broken = tempfile::tempdir().unwrap();
    put(broken.path(), "x/dossier.yaml", b"kind: [unclosed\n");
    let judged = dossier()
        .args(["check", "--today", TODAY, "--lang", "en"])
        .arg(broken.path())
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&judged.stderr).contains("dossier.yaml"));
    let run = dossier()
        .args(["check", "--today", TODAY, "--lang", "en", "-o"])
        .arg(&existing)
        .arg(broken.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("--force"), "{err}");
    assert!(
        !err.contains("dossier.yaml"),
        "judged before refusing: {err}"
    );
    assert_eq!(std::fs::read(&existing).unwrap(), before);
    assert_eq!(file_names(dir.path()).len(), formats.len());
}
