//! `dossier verify`: an archive `pack` wrote (or its unpacked folder) holds what its manifest
//! says, and a fresh check of it reaches the recorded outcome.

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
    let dossier_archive::verify::Verification {
        manifest,
        differences: diffs,
        from_archive,
        application_compared,
    } = dossier_archive::verify::verify(&args.path, tmp.path(), &args.rules, crate::TOOL_VERSION)?;
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
                "editions_from_archive": from_archive,
                "application_compared": application_compared,
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
            if !application_compared {
                let tool = manifest.tool.as_str();
                s.push_str(&t!(lang, "verify.application-not-compared", tool));
                s.push('\n');
            }
            // Never passed off as the built-in Rules.
            for edition in &from_archive {
                s.push_str(&t!(lang, "verify.edition-from-archive", edition));
                s.push('\n');
            }
            s
        }
    };
    ui.print(&text)?;
    Ok(u8::from(!diffs.is_empty()))
}
