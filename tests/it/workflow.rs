//! Issue 5: init, settings, calendar-based timelines, rules.

use crate::support::*;
use predicates::prelude::*;
use serde_json::json;

/// `timeline --format json --today TODAY PATH`: the exit code and the JSON.
fn timeline_json(today: &str, path: impl AsRef<std::path::Path>) -> (i32, serde_json::Value) {
    let path = path.as_ref().to_str().unwrap();
    json_out(&["timeline", "--format", "json", "--today", today, path])
}

fn json_out(args: &[&str]) -> (i32, serde_json::Value) {
    let out = dossier().args(args).output().unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap(), v)
}

#[test]
fn init_then_check_reports_every_requirement_missing_then_fills_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new-is");
    dossier()
        .args(["init", "--kind", "information-system"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("dossier.yaml"));
    let (code, v) = json_out(&[
        "check",
        "--format",
        "json",
        "--today",
        TODAY,
        path.to_str().unwrap(),
    ]);
    assert_eq!(code, 1);
    let d = &v["dossiers"][0];
    assert_eq!(d["outcome"], "incomplete", "{d}");
    let docs = d["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 8);
    assert!(docs.iter().all(|x| x["status"] == "missing"), "{d}");
    assert_eq!(diagnostics(d, "document.placeholder").len(), 8);
    // The names are still "...": each is a finding too.
    let keys: Vec<_> = diagnostics(d, "text.placeholder")
        .iter()
        .map(|f| f["args"]["key"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(keys, ["object.name", "state_body.name"], "{d}");

    // Fill it in as a user would, from the comments: names, facts, review, documents.
    let yaml = std::fs::read_to_string(path.join("dossier.yaml")).unwrap();
    let yaml = yaml
        .replace(
            "  name: {kk: \"...\", ru: \"...\"}\n  # short_name",
            "  name: {kk: \"Жүйе\", ru: \"Система\"}\n  # short_name",
        )
        .replacen(
            "  name: {kk: \"...\", ru: \"...\"}\n  # bin",
            "  name: {kk: \"Министрлік\", ru: \"Министерство\"}\n  # bin",
            1,
        )
        .replace(
            "  # central_bodies_with_users: 0",
            "  central_bodies_with_users: 3",
        )
        .replace(
            "  # unified_transport_environment: false",
            "  unified_transport_environment: true",
        )
        .replace(
            "  # active_registered_users: 0",
            "  active_registered_users: 2000",
        )
        .replace("  # architecture: conforms", "  architecture: conforms")
        .replace("  # portal_id", "  portal_id");
    std::fs::write(path.join("dossier.yaml"), &yaml).unwrap();
    for f in std::fs::read_dir(path.join("docs")).unwrap() {
        std::fs::write(f.unwrap().path(), pdf("document", 1)).unwrap();
    }
    // The portal number uncommented but left as "...": the one thing still to fill in.
    let (code, v) = json_out(&[
        "check",
        "--format",
        "json",
        "--today",
        TODAY,
        path.to_str().unwrap(),
    ]);
    assert_eq!(
        (code, v["dossiers"][0]["outcome"].as_str()),
        (1, Some("incomplete")),
        "{v}"
    );
    let left = diagnostics(&v["dossiers"][0], "text.placeholder");
    assert_eq!(left.len(), 1, "{v}");
    assert_eq!(left[0]["args"]["key"], "object.portal_id");
    let yaml = yaml.replace("portal_id: \"...\"", "portal_id: \"AP-0042\"");
    std::fs::write(path.join("dossier.yaml"), yaml).unwrap();
    let (code, v) = json_out(&[
        "check",
        "--format",
        "json",
        "--today",
        TODAY,
        path.to_str().unwrap(),
    ]);
    assert_eq!(v["dossiers"][0]["outcome"], "include", "{v}");
    assert_eq!(code, 0);
}

#[test]
fn init_refuses_an_existing_dossier_and_never_touches_documents() {
    let f = Fixture::information_system();
    dossier()
        .args(["init", "--kind", "information-system"])
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already holds a dossier"));
    let before = std::fs::read(f.path().join("docs/tz.pdf")).unwrap();
    std::fs::write(f.path().join("docs/description.pdf"), b"real").unwrap();
    dossier()
        .args(["init", "--force", "--kind", "hardware-software-complex"])
        .arg(f.path())
        .assert()
        .success();
    assert_eq!(std::fs::read(f.path().join("docs/tz.pdf")).unwrap(), before);
    assert_eq!(
        std::fs::read(f.path().join("docs/description.pdf")).unwrap(),
        b"real"
    );
    assert!(
        std::fs::read_to_string(f.path().join("dossier.yaml"))
            .unwrap()
            .contains("kind: hardware-software-complex")
    );
}

#[test]
fn settings_precedence_dossier_then_nearest_then_farther() {
    let root = tempfile::tempdir().unwrap();
    std::fs::write(
        root.path().join("dossier.toml"),
        "lang = \"ru\"\naddressee = \"Far authority\"\n[signatory]\nname = \"Far Signer\"\n",
    )
    .unwrap();
    std::fs::create_dir_all(root.path().join("ministry")).unwrap();
    std::fs::write(
        root.path().join("ministry/dossier.toml"),
        "addressee = {kk = \"Жақын орган\", ru = \"Ближний орган\"}\n",
    )
    .unwrap();
    let f = Fixture::information_system();
    let d = root.path().join("ministry/is");
    copy_dir(f.path(), &d);
    let render = |path: &std::path::Path| {
        let out = dossier()
            .args(["render", "application", "--today", TODAY])
            .arg(path)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let md = render(&d);
    // lang from the farther file (ru), addressee from the nearer one, signatory from the farther.
    assert!(md.contains("Кому Ближний орган"), "{md}");
    assert!(md.contains("Far Signer"), "{md}");
    // The dossier's own key wins.
    let yaml = std::fs::read_to_string(d.join("dossier.yaml"))
        .unwrap()
        .replace("review:", "addressee: \"Own authority\"\nreview:");
    std::fs::write(d.join("dossier.yaml"), yaml).unwrap();
    assert!(render(&d).contains("Кому Own authority"));
    // `dossier config` names where each value came from: the dossier's own line wins.
    let out = dossier()
        .args(["config", "--width", "200"])
        .arg(&d)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("Own authority") && text.contains("is/dossier.yaml:"),
        "{text}"
    );
    assert!(!text.contains("Ближний орган"), "{text}");
    assert!(
        text.contains("signatory.name") && text.contains("Far Signer"),
        "{text}"
    );
}

#[test]
fn a_state_body_may_come_from_settings() {
    let mut f = Fixture::information_system();
    f.edit("state_body:\n  name: \"Министерство\"\n", "");
    f.file(
        "dossier.toml",
        "[state_body]\nname = \"Министерство из настроек\"\n".as_bytes(),
    );
    assert_eq!(f.check_json().1["outcome"], "include");
}

#[test]
fn an_unknown_settings_key_is_an_error_at_its_line() {
    let f = Fixture::information_system();
    f.file(
        "dossier.toml",
        "lang = \"kk\"\naddresse = \"x\"\n".as_bytes(),
    );
    dossier()
        .args(["check", "--today", TODAY])
        .arg(f.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("addresse").and(predicate::str::contains("2 | addresse")));
}

#[test]
fn a_config_file_replaces_the_lookup() {
    let f = Fixture::information_system();
    f.file("dossier.toml", "addressee = \"From lookup\"\n".as_bytes());
    let other = tempfile::tempdir().unwrap();
    let config = other.path().join("shared.toml");
    std::fs::write(&config, "addressee = \"From config\"\n").unwrap();
    let out = dossier()
        .args([
            "render",
            "application",
            "--lang",
            "ru",
            "--today",
            TODAY,
            "--config",
        ])
        .arg(&config)
        .arg(f.path())
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Кому From config")
    );
}

fn steps(v: &serde_json::Value) -> Vec<(String, String, String)> {
    v["dossiers"][0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["clause"].as_str().unwrap().to_string(),
                s["due"].as_str().unwrap_or("-").to_string(),
                s["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn timeline_statuses_across_nauryz_and_the_new_year() {
    let mut f = Fixture::information_system();
    // Clause 4 across Nauryz (done late), clause 5 done in time, clause 7 still running, then
    // clauses 8 and 9 (an inclusion) waiting for the decision.
    f.edit("review:\n", "review:\n  received: 2026-03-19\n  sent_to_integrator: 2026-04-01\n  recommendation_received: 2026-04-07\n");
    let (code, v) = timeline_json("2026-04-09", f.path());
    // Late but done, and nothing overdue: 0.
    assert_eq!(code, 0);
    assert_eq!(
        steps(&v),
        [
            ("4".into(), "2026-03-31".into(), "done-late".into()),
            ("5".into(), "2026-04-08".into(), "done".into()),
            ("7".into(), "2026-04-14".into(), "due".into()),
            ("8".into(), "-".into(), "waiting".into()),
            ("9".into(), "-".into(), "waiting".into()),
        ]
    );
    assert_eq!(v["dossiers"][0]["steps"][2]["working_days_left"], 3);
    // R14: the literal reading counts clause 5 from the application too.
    assert_eq!(v["dossiers"][0]["steps"][1]["literal_due"], "2026-03-31");
    // Overdue across the year boundary: decision due 8 January 2026 (1, 2 and 7 January off).
    let mut g = Fixture::information_system();
    g.edit("review:\n", "review:\n  received: 2025-12-12\n  sent_to_integrator: 2025-12-19\n  recommendation_received: 2025-12-29\n");
    let (code, v) = timeline_json("2026-01-12", g.path());
    // An overdue step is a finding: 1, as `check` exits for findings.
    assert_eq!(code, 1);
    let s = steps(&v);
    assert_eq!(
        s[0],
        ("4".into(), "2025-12-22".into(), "done".into()),
        "16 December is off"
    );
    assert_eq!(s[2], ("7".into(), "2026-01-08".into(), "overdue".into()));
    assert_eq!(v["dossiers"][0]["steps"][2]["working_days_late"], 2);
}

#[test]
fn calendar_overrides_in_settings_move_due_dates() {
    let mut f = Fixture::information_system();
    f.edit("review:\n", "review:\n  received: 2026-11-16\n");
    let due = |f: &Fixture| {
        let (_, v) = timeline_json(TODAY, f.path());
        v["dossiers"][0]["steps"][0]["due"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(due(&f), "2026-11-23");
    f.file(
        "dossier.toml",
        "[calendar]\nholidays = [2026-11-20]\n".as_bytes(),
    );
    assert_eq!(due(&f), "2026-11-24");
    f.file(
        "dossier.toml",
        "[calendar]\nholidays = [2026-11-20]\nworking_days = [2026-11-21]\n".as_bytes(),
    );
    assert_eq!(due(&f), "2026-11-23");
}

#[test]
fn the_to_do_list_over_many_dossiers_is_soonest_first() {
    let out = dossier()
        .args(["timeline", "--today", "2026-11-23", "sample-dossiers"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let dues: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split('│').nth(1))
        .map(str::trim)
        .filter(|d| d.starts_with("20"))
        .collect();
    let mut sorted = dues.clone();
    sorted.sort();
    assert!(!dues.is_empty(), "{text}");
    assert_eq!(dues, sorted, "{text}");
}

#[test]
fn exporting_an_edition_and_loading_it_back_gives_the_same_results() {
    let dir = tempfile::tempdir().unwrap();
    let out = dossier()
        .args(["rules", "export", "order-29-2024"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let amended = dir.path().join("amended.toml");
    std::fs::write(&amended, &out.stdout).unwrap();
    let (c1, built_in) = json_out(&[
        "check",
        "--format",
        "json",
        "--today",
        TODAY,
        "sample-dossiers",
    ]);
    let (c2, loaded) = json_out(&[
        "check",
        "--format",
        "json",
        "--today",
        TODAY,
        "--rules",
        amended.to_str().unwrap(),
        "sample-dossiers",
    ]);
    assert_eq!((c1, &built_in), (c2, &loaded));
    // list shows where each edition came from; show prints its tables.
    let list = dossier()
        .args(["rules", "list", "--rules", amended.to_str().unwrap()])
        .output()
        .unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    assert!(
        list.contains("order-84-2016") && list.contains("amended.toml"),
        "{list}"
    );
    let show = dossier()
        .args(["rules", "show", "order-84-2016"])
        .output()
        .unwrap();
    let show = String::from_utf8(show.stdout).unwrap();
    assert!(
        show.contains("security-attestation") && show.contains("> 1000"),
        "{show}"
    );
    assert_eq!(json!(built_in["schema"]), json!(1));
}

#[test]
fn the_integrators_period_runs_from_when_it_received_the_referral() {
    // Sent Thu 05.03.2026, received by the integrator Tue 10.03.2026: five working days from
    // the receipt end on Tue 17.03 (from the referral, Fri 13.03: 8 March, a Sunday, moves to
    // Monday 9.03), so a recommendation of 16.03 is in time.
    let mut f = Fixture::information_system();
    f.edit("review:\n", "review:\n  received: 2026-03-02\n  sent_to_integrator: 2026-03-05\n  integrator_received: 2026-03-10\n  recommendation_received: 2026-03-16\n");
    let (_, v) = timeline_json("2026-03-16", f.path());
    assert_eq!(
        steps(&v)[1],
        ("5".into(), "2026-03-17".into(), "done".into())
    );
    // Without it, the referral's date starts the period: due 13.03, done late.
    f.edit("  integrator_received: 2026-03-10\n", "");
    let (_, v) = timeline_json("2026-03-16", f.path());
    assert_eq!(
        steps(&v)[1],
        ("5".into(), "2026-03-13".into(), "done-late".into())
    );
}

#[test]
fn a_period_crossing_a_year_the_calendar_does_not_know_is_flagged() {
    let mut f = Fixture::information_system();
    f.edit("review:\n", "review:\n  received: 2028-12-27\n");
    let (_, v) = timeline_json("2028-12-28", f.path());
    assert_eq!(v["dossiers"][0]["steps"][0]["unknown_year"], 2028, "{v}");
    let out = dossier()
        .args(["--lang", "en", "timeline", "--today", "2028-12-28"])
        .arg(f.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("crosses 2028"), "{text}");
    // A known year carries no flag.
    let (_, v) = timeline_json(TODAY, "sample-dossiers/esedo");
    assert!(
        v["dossiers"][0]["steps"][0].get("unknown_year").is_none(),
        "{v}"
    );
}

#[test]
fn a_2016_dossier_received_before_the_first_presidents_day_is_due_a_day_later() {
    // Order No. 84 of 2016, clause 6: ten working days from receipt. Received Tue 28.11.2017;
    // Fri 1 December 2017 was the Day of the First President (Law on holidays, 2012–2021).
    let mut f = Fixture::information_system_2016();
    f.edit("review:\n", "review:\n  received: 2017-11-28\n");
    let (_, v) = timeline_json("2017-11-29", f.path());
    assert_eq!(
        steps(&v)[0],
        ("6".into(), "2017-12-13".into(), "due".into()),
        "{v}"
    );
}

#[test]
fn a_2016_refusal_starts_the_five_working_days_of_the_refusal_notice() {
    // 2016 clause 11: "В случае принятия решения об отказе ... уполномоченный орган в течении
    // пяти рабочих дней уведомляет государственный орган, с указанием причин отказа".
    // Refused Mon 02.03.2026: 3, 4, 5, 6 March, then Mon 9 March is off (8 March, a Sunday),
    // so the fifth working day is Tue 10.03.2026.
    let mut f = Fixture::information_system_2016();
    f.edit("architecture: conforms", "architecture: does-not-conform\n  received: 2026-02-02\n  sent_to_integrator: 2026-02-13\n  recommendation_received: 2026-02-25\n  decision: 2026-03-02");
    let (_, v) = timeline_json("2026-03-03", f.path());
    let last = steps(&v).pop().unwrap();
    assert_eq!(
        last,
        ("11".into(), "2026-03-10".into(), "due".into()),
        "{v}"
    );
    // Recorded: done.
    f.edit(
        "  decision: 2026-03-02",
        "  decision: 2026-03-02\n  refusal_notified: 2026-03-10",
    );
    let (_, v) = timeline_json("2026-03-11", f.path());
    assert_eq!(steps(&v).pop().unwrap().2, "done", "{v}");
    // An inclusion has no refusal notice.
    f.edit("architecture: does-not-conform", "architecture: conforms");
    let (_, v) = timeline_json("2026-03-11", f.path());
    assert!(steps(&v).iter().all(|s| s.0 != "11"), "{v}");
}

#[test]
fn a_period_across_a_transfer_of_the_government_counts_the_working_saturday() {
    // Decree No. 713 as amended in October 2022: Saturday 22.10.2022 worked, Monday 24.10 off;
    // 25.10 Republic Day. Received Thu 20.10.2022: 21, 22, 26, 27, 28 October (clause 4).
    let mut f = Fixture::information_system();
    f.edit("review:\n", "review:\n  received: 2022-10-20\n");
    let (_, v) = timeline_json("2022-10-21", f.path());
    assert_eq!(
        steps(&v)[0],
        ("4".into(), "2022-10-28".into(), "due".into()),
        "{v}"
    );
    // 2022's amendment has no confirmed number: the step says so, and the table prints it.
    assert_eq!(
        v["dossiers"][0]["steps"][0]["transfers_unconfirmed"],
        serde_json::json!([2022])
    );
    let out = dossier()
        .args(["--lang", "en", "timeline", "--today", "2022-10-21"])
        .arg(f.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("transfers of 2022"), "{text}");
    // Given the year's days in dossier.toml, the user has taken it on: no note.
    f.file("dossier.toml", b"[calendar]\nworking_days = [2022-10-22]\n");
    let (_, v) = timeline_json("2022-10-21", f.path());
    assert!(
        v["dossiers"][0]["steps"][0]
            .get("transfers_unconfirmed")
            .is_none(),
        "{v}"
    );
}

#[test]
fn clause_10_shows_the_literal_earliest_day_beside_the_tenth_working_day() {
    // Clause 10: "он жұмыс күні өткеннен кейін". Operation ended Fri 30.10.2026: the 10th working
    // day is Fri 13.11.2026 (the due date used); the literal text allows no day before the
    // 11th, Mon 16.11.2026.
    let f = Fixture::decommissioned();
    let (_, v) = timeline_json("2026-11-02", f.path());
    let step = v["dossiers"][0]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["clause"] == "10")
        .cloned()
        .unwrap_or_else(|| panic!("{v}"));
    assert_eq!(step["due"], "2026-11-13", "{step}");
    assert_eq!(step["literal_earliest"], "2026-11-16", "{step}");
    let out = dossier()
        .args(["--lang", "ru", "timeline", "--today", "2026-11-02"])
        .arg(f.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("не ранее 2026-11-16"), "{text}");
    assert!(text.contains("считает сроком 10-й рабочий день"), "{text}");
}

#[test]
fn a_step_done_before_its_period_started_says_so() {
    // The recommendation dated before the referral reached the integrator.
    let mut f = Fixture::information_system();
    f.edit("review:\n", "review:\n  received: 2026-03-02\n  sent_to_integrator: 2026-03-05\n  recommendation_received: 2026-03-04\n");
    let (_, v) = timeline_json("2026-03-06", f.path());
    assert_eq!(
        v["dossiers"][0]["steps"][1]["done_before_start"], true,
        "{v}"
    );
    assert!(
        v["dossiers"][0]["steps"][0]
            .get("done_before_start")
            .is_none(),
        "{v}"
    );
    let out = dossier()
        .args(["--lang", "en", "timeline", "--today", "2026-03-06"])
        .arg(f.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("done before its period started (2026-03-05)"),
        "{text}"
    );
}

#[test]
fn dates_out_of_procedural_order_are_a_warning_naming_both_lines() {
    let mut f = Fixture::information_system();
    f.edit("review:\n", "review:\n  received: 2026-03-02\n  sent_to_integrator: 2026-02-27\n  recommendation_received: 2026-03-06\n  decision: 2026-03-05\n");
    let (_, v) = f.check_json();
    let found = diagnostics(&v, "review.dates-order");
    let pairs: Vec<(String, String)> = found
        .iter()
        .map(|d| {
            (
                d["args"]["earlier_key"].as_str().unwrap().to_string(),
                d["args"]["key"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        pairs,
        [
            ("review.received".into(), "review.sent_to_integrator".into()),
            (
                "review.recommendation_received".into(),
                "review.decision".into()
            ),
        ],
        "{v}"
    );
    let yaml = std::fs::read_to_string(f.path().join("dossier.yaml")).unwrap();
    let d = found[1];
    assert_eq!(d["line"], line_of(&yaml, "decision: 2026"), "{d}");
    assert_eq!(
        d["args"]["earlier_line"],
        line_of(&yaml, "recommendation_received:"),
        "{d}"
    );
    // In order: nothing.
    let g = Fixture::information_system();
    assert!(diagnostics(&g.check_json().1, "review.dates-order").is_empty());
}

#[test]
fn init_explains_only_what_applies_to_the_kind_and_edition() {
    let dir = tempfile::tempdir().unwrap();
    let init = |kind: &str, edition: Option<&str>, name: &str| {
        let mut cmd = dossier();
        cmd.args(["init", "--kind", kind]);
        if let Some(e) = edition {
            cmd.args(["--edition", e]);
        }
        let out = cmd.arg(dir.path().join(name)).output().unwrap();
        (
            out.status.code(),
            std::fs::read_to_string(dir.path().join(name).join("dossier.yaml")).unwrap_or_default(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    // A hardware-software complex: rows 1.3, 1.4 and 3.1 do not apply to it.
    let (_, hsc, _) = init("hardware-software-complex", None, "hsc");
    for row in ["1.3", "1.4", "3.1"] {
        assert!(
            !hsc.contains(&format!("# {row}:")) && !hsc.contains(&format!("\"{row}\"")),
            "{row}\n{hsc}"
        );
    }
    assert!(hsc.contains("# 3.4: = true (true | false)"), "{hsc}");
    assert!(hsc.contains("several files: [a.pdf, b.pdf]"));
    // An information system: every row that warns without evidence has its example, each fact
    // its threshold and type, the counts of rows 1.2 and 1.4 are explained.
    let (_, is, _) = init("information-system", None, "is");
    for row in ["1.3", "1.4", "3.1"] {
        assert!(
            is.contains(&format!("#   \"{row}\": \"...\"")),
            "{row}\n{is}"
        );
    }
    assert!(is.contains("# 3.1: > 1000 (whole number ≥ 0"), "{is}");
    assert!(
        is.contains("1.2, 1.4: a count that decides the row"),
        "{is}"
    );
    // An internet resource is a 2016 kind: said, with the command to use.
    let (code, _, err) = init("internet-resource", None, "ir");
    assert_eq!(code, Some(2));
    assert!(err.contains("--edition order-84-2016"), "{err}");
    let (code, ir, _) = init("internet-resource", Some("order-84-2016"), "ir");
    assert_eq!(code, Some(0));
    // Its review follows the 2016 clauses: 6, 8 and 11, the content check and no architecture.
    assert!(
        ir.contains("# received: YYYY-MM-DD   # clause 6 starts"),
        "{ir}"
    );
    assert!(!ir.contains("clause 4"), "{ir}");
    assert!(
        ir.contains("content_rules") && ir.contains("no-architecture"),
        "{ir}"
    );
    assert!(
        ir.contains("the criteria do not apply to this kind"),
        "{ir}"
    );
}

#[test]
fn a_friday_deadline_checked_on_saturday_is_overdue_since_friday() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&root().join("sample-dossiers/gbd-fl"), dir.path());
    let yaml = std::fs::read_to_string(dir.path().join("dossier.yaml")).unwrap();
    std::fs::write(
        dir.path().join("dossier.yaml"),
        yaml.replace(
            "sent_to_integrator: 2026-11-16",
            "sent_to_integrator: 2026-11-20",
        ),
    )
    .unwrap();
    let out = dossier()
        .args([
            "timeline",
            "--lang",
            "en",
            "--width",
            "200",
            "--today",
            "2026-11-28",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("overdue since 27.11.2026"), "{text}");
    assert!(!text.contains("by 0 WD"), "{text}");
}

#[test]
fn dates_after_the_check_date_are_a_warning_and_impossible_dates_are_refused() {
    let mut f = Fixture::information_system();
    f.edit("review:\n", "application: {date: 2026-12-24}\nreview:\n");
    let (_, d) = f.check_json();
    let future: Vec<_> = diagnostics(&d, "review.dates-order")
        .into_iter()
        .filter(|x| x["args"]["key"] == "application.date")
        .collect();
    assert_eq!(future.len(), 1, "{d}");
    assert_eq!(future[0]["args"]["today"], TODAY, "{d}");
    let out = dossier()
        .args(["check", "--today", "0000-01-01", "sample-dossiers/esedo"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Issue 21 item 2: clause 10 («Тізбеге енгізілген объектіні пайдалану тоқтатылған жағдайда»)
/// is for an object on the List. Straight from the text, case by case: whether the dossier
/// records the listing decides the clause-10 step and the removal notice.
#[test]
fn clause_10_is_for_an_object_the_dossier_records_as_listed() {
    // (what the review records, the architecture, the step and the notice expected)
    let cases: [(&str, &str, bool); 5] = [
        // Refused under 6(2): never on the List.
        ("  decision: 2026-10-01\n", "does-not-conform", false),
        // Operation ended, nothing about a listing.
        ("", "conforms", false),
        // Included by this dossier's decision.
        ("  decision: 2026-10-01\n", "conforms", true),
        // The order including it.
        ("  order_adopted: 2026-10-09\n", "conforms", true),
        // Listed years ago, recorded by its date.
        ("  listed: 2019-05-20\n", "conforms", true),
    ];
    for (review, architecture, listed) in cases {
        let mut f = Fixture::information_system();
        f.edit("stage: industrial-operation", "stage: decommissioned");
        f.edit(
            "review:\n  architecture: conforms\n",
            &format!(
                "review:\n  architecture: {architecture}\n  operation_ended: 2026-10-30\n{review}"
            ),
        );
        let (_, v) = timeline_json("2026-11-24", f.path());
        let steps = v["dossiers"][0]["steps"].as_array().unwrap();
        let has_10 = steps.iter().any(|s| s["clause"] == "10");
        assert_eq!(has_10, listed, "{review} {architecture}: {v}");
        let run = dossier()
            .args([
                "render",
                "removal-notice",
                "--lang",
                "ru",
                "--today",
                "2026-11-24",
            ])
            .arg(f.path())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&run.stderr);
        assert_eq!(
            run.status.success(),
            listed,
            "{review} {architecture}: {err}"
        );
        if !listed {
            assert!(
                err.contains("review.listed") && err.contains("пункт 10"),
                "{err}"
            );
        }
    }
}
