//! `dossier init`: a new dossier, explained, with placeholders.

use crate::ui::Ui;
use clap::Args;
use dossier_model::error::Error;
use dossier_words::t;
use std::path::PathBuf;

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
    let written = crate::init::init(&args.path, &args.kind, edition, args.force)?;
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
