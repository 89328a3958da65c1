//! `dossier pack`, `verify` and `seal`: what leaves the department is what was checked.

use super::{check_request, print_errors, report_lang};
use crate::Config;
use crate::cli::{Format, PackArgs, SealArgs, VerifyArgs};
use crate::ui::Ui;
use dossier_model::edition::Origin;
use dossier_model::error::Error;
use dossier_model::finding::Message;
use dossier_words::t;
use std::path::{Path, PathBuf};

/// The edition's TOML text, and whether it is built in.
fn edition_text(j: &dossier_judge::judge::Judged) -> Result<(String, bool), Error> {
    match &j.edition.origin {
        Origin::BuiltIn => Ok((
            dossier_model::edition::Editions::built_in_text(j.edition.id())
                .unwrap_or_default()
                .to_string(),
            true,
        )),
        Origin::File(path) => dossier_model::files::read_text(path).map(|t| (t, false)),
    }
}

pub fn run(args: PackArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let request = check_request(
        args.paths.clone(),
        args.judge.clone(),
        config,
        Default::default(),
    );
    let report = dossier_judge::check(&request)?;
    ui.lang = report_lang(config, &report);
    print_errors(ui, &report.dossiers, &report.path_errors);
    let judged: Vec<&dossier_judge::judge::DossierReport> = report
        .dossiers
        .iter()
        .filter(|d| d.judged().is_some())
        .collect();
    if args.output.is_some() && judged.len() != 1 {
        return Err(Error::usage(
            Message::new("usage.pack-one").arg("n", judged.len()),
        ));
    }
    if args.output.is_none() && args.out_dir.is_none() {
        return Err(Error::usage(Message::new("usage.pack-needs-output")));
    }
    if let Some(dir) = &args.out_dir {
        dossier_model::files::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
    }
    let stems = dossier_render::unique_stems(judged.iter().map(|d| d.path.as_str()));
    let mut code =
        u8::from(judged.len() < report.dossiers.len() || !report.path_errors.is_empty()) * 2;
    let lang = ui.lang;
    for (d, stem) in judged.iter().zip(&stems) {
        let j = d.judged().expect("judged");
        let ready = j.readiness().ready();
        if !ready && !args.force_incomplete {
            let dossier = d.path.as_str();
            ui.message(&Message::new("pack.not-ready").arg("dossier", dossier));
            code = code.max(1);
            continue;
        }
        let (text, built_in) = edition_text(j)?;
        let out: PathBuf = match (&args.output, &args.out_dir) {
            (Some(o), _) => o.clone(),
            (None, Some(dir)) => dir.join(format!("{stem}.zip")),
            (None, None) => unreachable!("checked above"),
        };
        let manifest = dossier_archive::pack::pack(
            &dossier_archive::pack::PackInput {
                report: d,
                dir: Path::new(&d.path),
                today: request.today,
                tool_version: concat!("dossier ", env!("CARGO_PKG_VERSION")),
                edition_text: &text,
                built_in_edition: built_in,
                forced: !ready,
                lang,
            },
            &out,
            args.force,
        )?;
        let (file, n) = (out.display().to_string(), manifest.files.len());
        ui.note(&t!(lang, "pack.wrote", file, n, dossier = d.path.as_str()));
        if !ready {
            code = code.max(1);
        }
    }
    Ok(code)
}

pub fn verify(args: VerifyArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    ui.lang = config.lang(None);
    let lang = ui.lang;
    let tmp = tempfile::tempdir().map_err(|source| Error::Io {
        path: std::env::temp_dir(),
        source,
    })?;
    // An archive is unpacked beneath a private folder; a folder is read where it is.
    let dir = if dossier_model::files::metadata(&args.path).is_ok_and(|m| m.is_file()) {
        let into = dossier_model::files::open_root(tmp.path()).map_err(|source| Error::Io {
            path: tmp.path().to_path_buf(),
            source,
        })?;
        tmp.path()
            .join(dossier_archive::verify::unpack(&args.path, &into)?)
    } else {
        args.path.clone()
    };
    let (manifest, mut diffs) = dossier_archive::verify::compare(&dir)?;
    // A fresh check of the packed content, on the recorded date.
    let today = crate::cli::parse_date(&manifest.checked).map_err(|_| {
        dossier_archive::verify::Unusable::CheckedNotADate
            .at(&dir.join(dossier_archive::manifest::MANIFEST))
    })?;
    let request = dossier_judge::CheckRequest {
        paths: vec![dir.clone()],
        today,
        edition: None,
        rules: args.rules.clone(),
        what_if: Default::default(),
        config: None,
    };
    let report = dossier_judge::check(&request)?;
    match report.dossiers.first() {
        Some(d) => {
            match d.judged() {
                Some(j) if j.edition.id() != manifest.edition.id => {
                    diffs.push(dossier_archive::verify::Difference::EditionUnknown {
                        id: manifest.edition.id.clone(),
                    })
                }
                Some(j) => {
                    let (text, _) = edition_text(j)?;
                    let digest = dossier_judge::integrity::sha256_of(text.as_bytes())
                        .map(|(d, _)| d)
                        .unwrap_or_default();
                    if digest != manifest.edition.sha256 {
                        diffs.push(dossier_archive::verify::Difference::EditionChanged {
                            id: manifest.edition.id.clone(),
                        });
                    }
                }
                None => {}
            }
            if !report.editions.ids().any(|id| id == manifest.edition.id) {
                diffs.push(dossier_archive::verify::Difference::EditionUnknown {
                    id: manifest.edition.id.clone(),
                });
            }
            diffs.extend(dossier_archive::verify::recheck(&manifest, d));
        }
        None => diffs.push(dossier_archive::verify::Difference::Missing {
            name: dossier_model::dossier::DOSSIER_FILE.into(),
        }),
    }
    diffs.dedup();
    let words = dossier_words::Words::new(lang);
    let text = match args.format {
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&serde_json::json!({
                "schema": 1,
                "path": args.path.display().to_string(),
                "ok": diffs.is_empty(),
                "edition": manifest.edition.id,
                "checked": manifest.checked,
                "outcome": manifest.outcome,
                "differences": diffs.iter().map(|d| {
                    let mut v = serde_json::to_value(d).expect("serializes");
                    v["message"] = serde_json::Value::String(words.message(&d.message()));
                    v
                }).collect::<Vec<_>>(),
            }))
            .expect("serializes");
            s.push('\n');
            s
        }
        Format::Human => {
            let path = args.path.display().to_string();
            let mut s = String::new();
            if diffs.is_empty() {
                let (n, edition, outcome) = (
                    manifest.files.len(),
                    manifest.edition.id.as_str(),
                    manifest.outcome.as_str(),
                );
                s.push_str(&t!(lang, "verify.ok", path, n, edition, outcome));
                s.push('\n');
            } else {
                let n = diffs.len();
                s.push_str(&t!(lang, "verify.differences", path, n));
                s.push('\n');
                for d in &diffs {
                    s.push_str(&format!("  {}\n", words.message(&d.message())));
                }
            }
            s
        }
    };
    ui.print(&text)?;
    Ok(u8::from(!diffs.is_empty()))
}

pub fn seal(args: SealArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
    let today = args.today.unwrap_or(config.today);
    let request = dossier_judge::CheckRequest {
        paths: args.paths.clone(),
        today,
        edition: None,
        rules: Vec::new(),
        what_if: Default::default(),
        config: None,
    };
    let report = dossier_judge::check(&request)?;
    ui.lang = report_lang(config, &report);
    print_errors(ui, &report.dossiers, &report.path_errors);
    let lang = ui.lang;
    for d in &report.dossiers {
        let Some(j) = d.judged() else { continue };
        let (path, lock) =
            dossier_archive::seal::seal(Path::new(&d.path), j, &today.to_string(), args.force)?;
        let (file, n) = (path.display().to_string(), lock.files.len());
        ui.note(&t!(lang, "seal.wrote", file, n));
    }
    let invalid = report.dossiers.iter().any(|d| d.judged().is_none());
    Ok(if invalid || !report.path_errors.is_empty() {
        2
    } else {
        0
    })
}
