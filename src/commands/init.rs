//! `dossier init`: a new dossier, explained, with placeholders.

use crate::ui::Ui;
use clap::Args;
use dossier_model::error::Error;
use dossier_words::t;
use std::path::PathBuf;

/// The schema `init` writes beside a new dossier.yaml.
const SCHEMA_FILE: &str = "dossier.schema.json";

// --- The command's flags -------------------------------------------------------------------

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the dossier in (created if missing)
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// What the object is: a kind of the edition (see `dossier rules show ID`)
    #[arg(long, value_name = "KIND")]
    pub kind: String,

    /// The edition of the Rules [default: the current one]
    #[arg(long, value_name = "ID")]
    pub edition: Option<String>,

    /// Rewrite dossier.yaml of an existing dossier (documents are never touched)
    #[arg(long)]
    pub force: bool,

    /// Load an edition of the Rules from a TOML file (repeatable)
    #[arg(long = "rules", value_name = "FILE")]
    pub rules: Vec<PathBuf>,

    /// Where to write the JSON Schema dossier.yaml names for editors [default:
    /// dossier.schema.json in the dossier's folder]
    #[arg(long, value_name = "FILE")]
    pub schema_out: Option<PathBuf>,
}

pub fn run(args: InitArgs, ui: &mut Ui) -> Result<u8, Error> {
    let editions = dossier_judge::load_editions(&args.rules)?;
    let edition = match &args.edition {
        Some(id) => editions.require(id)?,
        None => editions.default_edition(),
    };
    // A kind only another edition has (an internet resource: 2016): say which, and how.
    if edition.kind(&args.kind).is_none() {
        let elsewhere: Vec<String> = editions
            .iter()
            .filter(|e| e.kind(&args.kind).is_some())
            .map(|e| e.id().to_string())
            .collect();
        if let Some(first) = elsewhere.first() {
            return Err(Error::usage(
                dossier_model::finding::Message::new("usage.init-kind-elsewhere")
                    .arg("edition", edition.id())
                    .arg("kind", args.kind.as_str())
                    .arg("first", first.as_str())
                    .arg(
                        "elsewhere",
                        dossier_model::finding::Arg::List(elsewhere.clone()),
                    ),
            ));
        }
    }
    // The schema the new dossier.yaml names, written where asked (or beside it).
    let schema_path = args
        .schema_out
        .clone()
        .unwrap_or_else(|| args.path.join(SCHEMA_FILE));
    let schema_ref = match &args.schema_out {
        None => SCHEMA_FILE.to_string(),
        Some(p) if p.is_absolute() => p.display().to_string(),
        Some(p) => std::env::current_dir()
            .map(|cwd| cwd.join(p))
            .unwrap_or_else(|_| p.clone())
            .display()
            .to_string(),
    };
    let mut written = crate::init::init(&args.path, &args.kind, edition, args.force, &schema_ref)?;
    if args.force || !schema_path.exists() {
        let schema = super::schema::schema_text(false, Some(edition.id()), &args.rules, ui)?;
        dossier_render::write_file(&schema_path, schema.as_bytes(), true)?;
        written.push(schema_path);
    }
    let lang = ui.lang;
    let mut text = String::new();
    for p in &written {
        let file = p.display();
        text.push_str(&t!(lang, "init.created", file));
        text.push('\n');
    }
    let (yaml, dir) = (
        args.path.join("dossier.yaml").display().to_string(),
        args.path.display().to_string(),
    );
    text.push_str(&t!(lang, "init.next", yaml, dir));
    text.push('\n');
    ui.print(&text)?;
    Ok(0)
}
