//! `dossier pack`, `verify` and `seal`: what leaves the department is what was checked.

use super::{check_request, print_errors, report_lang};
use crate::Config;
use crate::cli::JudgeArgs;
use crate::ui::Ui;
use clap::Args;
use dossier_model::error::Error;
use dossier_model::finding::Message;
use dossier_model::lang::Lang;
use dossier_words::t;
use std::path::PathBuf;

// --- The command's flags -------------------------------------------------------------------

#[derive(Debug, Args)]
pub struct PackArgs {
    /// The archive to write (one dossier)
    #[arg(short, long, value_name = "FILE", conflicts_with = "out_dir")]
    pub output: Option<PathBuf>,

    /// Write <folder>.zip per dossier into DIR (names never collide)
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,

    /// Replace an existing archive
    #[arg(long)]
    pub force: bool,

    /// Pack a dossier that is not ready for filing, recording its findings and `"forced": true`
    /// in the manifest; the exit status is then 1
    #[arg(long)]
    pub force_incomplete: bool,

    #[command(flatten)]
    pub judge: JudgeArgs,

    /// Dossier folders, or folders searched recursively for dossiers
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
}

/// The language of the packed review notes: the drafts' language — `--lang` or the dossier's
/// `lang` when Kazakh or Russian, else Russian — never the terminal's locale.
fn notes_lang(config: &Config, j: &dossier_judge::judge::Judged) -> Lang {
    let drafting = |l: Lang| matches!(l, Lang::Kk | Lang::Ru).then_some(l);
    config
        .lang_flag
        .and_then(drafting)
        .or_else(|| j.settings.lang.as_ref().and_then(|l| drafting(l.value)))
        .unwrap_or(Lang::Ru)
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
        let (text, built_in) = dossier_archive::manifest::edition_text(j)?;
        let out: PathBuf = match (&args.output, &args.out_dir) {
            (Some(o), _) => o.clone(),
            (None, Some(dir)) => dir.join(format!("{stem}.zip")),
            (None, None) => unreachable!("checked above"),
        };
        let packed = dossier_archive::pack::pack(
            &dossier_archive::pack::PackInput {
                report: d,
                dir: &j.dir,
                today: request.today,
                tool_version: crate::TOOL_VERSION,
                edition_text: &text,
                built_in_edition: built_in,
                forced: !ready,
                lang: notes_lang(config, j),
            },
            &out,
            args.force,
        );
        // One dossier that cannot be packed does not stop the others.
        let manifest = match packed {
            Ok(m) => m,
            Err(e) => {
                ui.error(&e);
                code = 2;
                continue;
            }
        };
        let (file, n) = (out.display().to_string(), manifest.files.len());
        ui.note(&t!(lang, "pack.wrote", file, n, dossier = d.path.as_str()));
        if !ready {
            code = code.max(1);
        }
    }
    Ok(code)
}
