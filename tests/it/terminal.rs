//! The human reports in a narrow terminal (issue 12): at 80 columns no line is wider than 80
//! display columns and no word is split across lines, in every language.

use crate::support::*;
use std::collections::BTreeSet;
use unicode_width::UnicodeWidthStr;

/// The words of a report: what is between spaces and the table's rules.
/// The note on columns left out (a parenthesis, perhaps over several lines) is not counted: the
/// wide report has none.
fn words(text: &str) -> BTreeSet<String> {
    let mut in_note = false;
    text.lines()
        .filter(|l| {
            if l.starts_with('(') {
                in_note = true;
            }
            let skip = in_note;
            if in_note && l.ends_with(')') {
                in_note = false;
            }
            !skip
        })
        .flat_map(|l| {
            l.split(|c: char| c.is_whitespace() || "│┆┌┐└┘├┤┬┴┼─═╞╡╪".contains(c))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

fn run(args: &[&str], width: Option<&str>) -> String {
    let mut cmd = dossier();
    cmd.args(args).args(["--today", TODAY]);
    if let Some(w) = width {
        cmd.args(["--width", w]);
    }
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// Every report a person reads in a terminal, over the samples.
const REPORTS: &[&[&str]] = &[
    &["check", "sample-dossiers"],
    &["score", "sample-dossiers"],
    &["score", "sample-dossiers/esedo"],
    &["timeline", "sample-dossiers"],
    &["timeline", "sample-dossiers/e-archive"],
];

const RULES: &[&[&str]] = &[
    &["rules", "list"],
    &["rules", "show", "order-29-2024"],
    &["rules", "show", "order-84-2016"],
];

#[test]
fn at_80_columns_no_line_is_wider_and_no_word_is_split() {
    for lang in ["en", "ru", "kk"] {
        for args in REPORTS.iter().chain(RULES) {
            let mut args: Vec<&str> = args.to_vec();
            args.extend(["--lang", lang]);
            // `rules` takes no --today: run it without.
            let narrow = if args[0] == "rules" {
                let out = dossier()
                    .args(&args)
                    .args(["--width", "80"])
                    .output()
                    .unwrap();
                String::from_utf8(out.stdout).unwrap()
            } else {
                run(&args, Some("80"))
            };
            let wide = if args[0] == "rules" {
                let out = dossier().args(&args).output().unwrap();
                String::from_utf8(out.stdout).unwrap()
            } else {
                run(&args, None)
            };
            assert!(!narrow.is_empty(), "{args:?}");
            for line in narrow.lines() {
                assert!(
                    line.width() <= 80,
                    "{args:?}: {} columns:\n{line}\n{narrow}",
                    line.width()
                );
            }
            let whole = words(&wide);
            let split: Vec<String> = words(&narrow).difference(&whole).cloned().collect();
            assert!(
                split.is_empty(),
                "{args:?}: split or new words {split:?}\n{narrow}"
            );
        }
    }
}

#[test]
fn the_check_output_without_a_width_is_one_line_per_row() {
    // Piped with no --width and no COLUMNS, the content decides: scripts get whole lines.
    let wide = run(&["check", "sample-dossiers", "--lang", "en"], None);
    assert!(wide.lines().any(|l| l.width() > 100), "{wide}");
    assert!(wide.contains("information system"), "{wide}");
}

/// Inside a real pseudo-terminal of 80 columns (util-linux `script`), the width is the
/// terminal's own: nothing to pass.
#[test]
fn a_real_80_column_terminal_is_measured() {
    let Ok(script) = which("script") else {
        eprintln!("SKIPPED: `script` (util-linux) is not installed");
        assert!(
            std::env::var_os("DOSSIER_REQUIRE_PROGRAMS").is_none(),
            "script is required"
        );
        return;
    };
    let bin = assert_cmd::cargo::cargo_bin("dossier");
    let command = format!(
        "stty cols 80 rows 50; {} check --today {TODAY} --lang ru --color never sample-dossiers",
        bin.display()
    );
    let out = std::process::Command::new(script)
        .args(["-qec", &command, "/dev/null"])
        .current_dir(root())
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).replace('\r', "");
    assert!(text.contains("sample-dossiers/esedo"), "{text}");
    for line in text.lines() {
        assert!(
            line.width() <= 80,
            "{} columns:\n{line}\n{text}",
            line.width()
        );
    }
}

fn which(program: &str) -> Result<std::path::PathBuf, ()> {
    std::env::var_os("PATH")
        .iter()
        .flat_map(std::env::split_paths)
        .map(|d| d.join(program))
        .find(|p| p.is_file())
        .ok_or(())
}
