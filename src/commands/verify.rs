//! `dossier verify`: an archive `pack` wrote (or its unpacked folder) holds what its manifest
//! says, and a fresh check of it reaches the recorded outcome.

use super::pack::edition_text;
use crate::Config;
use crate::cli::Format;
use crate::ui::Ui;
use clap::Args;
use dossier_model::error::Error;
use dossier_words::t;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Load an edition of the Rules from a TOML file (repeatable)
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,

    /// An archive written by `dossier pack`, or the folder it unpacks to
    #[arg(value_name = "ARCHIVE")]
    pub path: PathBuf,
}

pub fn run(args: VerifyArgs, config: &Config, ui: &mut Ui) -> Result<u8, Error> {
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
