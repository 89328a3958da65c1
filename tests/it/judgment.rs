//! One typed judgment per dossier, words only at the edges: the JSON is the same in every
//! language but for its words; every finding has a code and args; findings are worded in the
//! report language, YAML errors included; a draft reads the judgment `check` made.

use crate::support::*;
use dossier_judge::judge::Judgment;
use dossier_judge::outcome::Outcome;
use dossier_render::{Document, Format, RenderRequest};

fn json(lang: &str, paths: &[&str]) -> serde_json::Value {
    let out = dossier()
        .args([
            "check", "--format", "json", "--today", TODAY, "--lang", lang,
        ])
        .args(paths)
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Removes the words: `message`, `help`, and the `basis` of criteria.
fn without_words(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            for key in ["message", "help", "basis"] {
                map.remove(key);
            }
            map.values_mut().for_each(without_words);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_words),
        _ => {}
    }
}

#[test]
fn the_json_is_the_same_in_every_language_but_for_its_words() {
    let mut en = json("en", &["sample-dossiers"]);
    let mut ru = json("ru", &["sample-dossiers"]);
    let mut kk = json("kk", &["sample-dossiers"]);
    // The words really differ, so the comparison below is not vacuous.
    assert_ne!(en, ru);
    assert_ne!(ru, kk);
    for v in [&mut en, &mut ru, &mut kk] {
        without_words(v);
    }
    assert_eq!(
        serde_json::to_string_pretty(&en).unwrap(),
        serde_json::to_string_pretty(&ru).unwrap()
    );
    assert_eq!(
        serde_json::to_string_pretty(&en).unwrap(),
        serde_json::to_string_pretty(&kk).unwrap()
    );
    let findings: Vec<&serde_json::Value> = en["dossiers"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| d["diagnostics"].as_array().unwrap())
        .collect();
    assert!(findings.len() > 5);
    for f in findings {
        assert!(f["code"].is_string() && f["args"].is_object(), "{f}");
    }
}

#[test]
fn an_expired_protocol_carries_its_requirement_and_dates_as_args() {
    let v = json("kk", &["sample-dossiers/e-licensing"]);
    let d = &v["dossiers"][0];
    let f = diagnostics(d, "document.expired")[0];
    assert_eq!(f["args"]["requirement"], "security-test-protocol");
    assert_eq!(f["args"]["clause"], "5(1)");
    assert_eq!(f["args"]["valid_until"], "2025-05-01");
    assert_eq!(f["args"]["today"], TODAY);
    assert!(
        f["message"].as_str().unwrap().contains("мерзімі өткен"),
        "{f}"
    );
}

/// The first diagnostic of an invalid dossier, checked in Kazakh.
fn kazakh_error(f: &Fixture) -> serde_json::Value {
    let out = dossier()
        .args([
            "check", "--format", "json", "--lang", "kk", "--today", TODAY,
        ])
        .arg(f.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    v["dossiers"][0]["diagnostics"][0].clone()
}

#[test]
fn yaml_errors_are_worded_in_kazakh() {
    let mut f = Fixture::information_system();
    f.edit("schema: 1", "schema: [1]");
    let e = kazakh_error(&f);
    assert_eq!(e["code"], "yaml.type");
    assert!(e["message"].as_str().unwrap().contains("күтілгені"), "{e}");

    let mut f = Fixture::information_system();
    f.edit("state_body:", "state_bdy:");
    let e = kazakh_error(&f);
    assert_eq!(e["code"], "yaml.unknown-key");
    assert!(
        e["message"]
            .as_str()
            .unwrap()
            .contains("белгісіз `state_bdy` кілті"),
        "{e}"
    );
    assert!(e["help"].as_str().unwrap().contains("state_body"), "{e}");

    let f = Fixture::information_system();
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&f.yaml);
    std::fs::write(f.path().join("dossier.yaml"), &bytes).unwrap();
    let e = kazakh_error(&f);
    assert_eq!(e["code"], "yaml.encoding");
    let m = e["message"].as_str().unwrap();
    assert!(
        m.contains("UTF-8 кодтауында емес") && m.contains("Windows-1251"),
        "{e}"
    );
    assert!(!m.contains("save it"), "{e}");
}

#[test]
fn a_2016_decision_cites_the_2016_clauses_and_2016_has_no_order() {
    let f = Fixture::information_system_2016();
    let out = dossier()
        .args(["render", "decision", "--lang", "ru", "--today", TODAY])
        .arg(f.path())
        .output()
        .unwrap();
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The decision is taken under clause 8, the criteria are those of clause 9, the operator
    // is informed under clause 10; nothing of the current Rules' 7, 8 or 9 for those steps.
    assert!(md.contains("подпунктом 1) пункта 8 Правил"), "{md}");
    assert!(md.contains("(пункт 9 Правил)"), "{md}");
    assert!(
        md.contains("оператора информационно-коммуникационной инфраструктуры «электронного правительства» (пункт 10 Правил)"),
        "{md}"
    );
    assert!(!md.contains("Принять приказ"), "{md}");
    let out = dossier()
        .args(["render", "order", "--today", TODAY])
        .arg(f.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("has no document `order`"));
}

#[test]
fn a_draft_reads_the_judgment_it_is_given() {
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let request = dossier_judge::CheckRequest {
        paths: vec![root().join("sample-dossiers/e-licensing")],
        today,
        ..Default::default()
    };
    let mut report = dossier_judge::check(&request).unwrap();
    let notice = RenderRequest {
        document: Document::OperatorNotice,
        format: Format::Md,
        lang: dossier_model::lang::Lang::Ru,
        template: None,
        today,
        skip_unfit: false,
        final_acts: false,
    };
    // Judged `refuse`: no operator notice.
    let refused = dossier_render::render_all(&notice, &report.dossiers).unwrap();
    assert!(refused[0].result.is_err());
    // The same judgment turned `include` drafts one: render judged nothing of its own.
    let Judgment::Judged(j) = &mut report.dossiers[0].judgment else {
        panic!("judged")
    };
    j.outcome = Outcome::Include;
    let drafted = dossier_render::render_all(&notice, &report.dossiers).unwrap();
    assert!(drafted[0].result.is_ok());
}
