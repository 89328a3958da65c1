//! `dossier schema`: the JSON Schema of `dossier.yaml` under an edition (for editors with the YAML
//! language server), or of `check --format json` (`--report`).

use crate::ui::Ui;
use clap::Args;
use dossier_model::error::Error;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// The schema of `check --format json` instead of dossier.yaml's
    #[arg(long)]
    pub report: bool,

    /// The edition whose kinds, documents and facts the schema names [default: the default
    /// edition]
    #[arg(long, value_name = "ID")]
    pub edition: Option<String>,

    /// Load an edition of the Rules from a TOML file (repeatable)
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,

    /// Write to FILE instead of standard output (`-` is standard output)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Replace a file that exists
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: SchemaArgs, ui: &mut Ui) -> Result<u8, Error> {
    let text = schema_text(args.report, args.edition.as_deref(), &args.rules, ui)?;
    match args.output.filter(|o| o.as_os_str() != "-") {
        Some(path) => {
            dossier_render::write_file(&path, text.as_bytes(), args.force)?;
            ui.note(&dossier_words::t!(
                ui.lang,
                "check.wrote",
                file = path.display().to_string()
            ));
        }
        None => ui.print(&text)?,
    }
    Ok(0)
}

/// The schema as pretty JSON with a final newline.
pub fn schema_text(
    report: bool,
    edition: Option<&str>,
    rules: &[PathBuf],
    ui: &Ui,
) -> Result<String, Error> {
    let value = if report {
        dossier_report::schema::report_schema()
    } else {
        let editions = dossier_judge::editions_in_effect(std::path::Path::new("."), None, rules)?;
        let chosen = match edition {
            Some(id) => editions.require(id)?.clone(),
            None => editions.default_edition().as_ref().clone(),
        };
        let ids: Vec<String> = editions.ids().map(str::to_string).collect();
        dossier_report::schema::dossier_schema(&chosen, &ids, ui.lang)
    };
    let mut text = serde_json::to_string_pretty(&value).expect("a schema serializes");
    text.push('\n');
    Ok(text)
}
