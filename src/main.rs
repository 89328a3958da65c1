//! The `dossier` binary: parses arguments, hands a plain request to the library, prints what it
//! returns, and turns the result into an exit code. Everything else is in the library.

mod cli;

use clap::Parser;
use cli::{Cli, ColorChoice, Command, Format, LangArg};
use dossier::lang::Lang;
use dossier::report::{explain, human, json};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let color_stdout = use_color(cli.color, std::io::stdout().is_terminal());
    let color_stderr = use_color(cli.color, std::io::stderr().is_terminal());
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .color(color_stderr)
                .unicode(color_stderr)
                .build(),
        )
    }));
    let explicit_lang = cli.lang.is_some();
    // Without --lang: the nearest dossier.toml's `lang`, then the locale.
    let from_settings = settings_lang(&cli.command);
    let lang = cli.lang.map_or_else(
        || from_settings.unwrap_or_else(lang_from_env),
        |l| match l {
            LangArg::En => Lang::En,
            LangArg::Ru => Lang::Ru,
            LangArg::Kk => Lang::Kk,
        },
    );
    // Documents are drafted in kk or ru; an English locale falls back to the state language.
    let doc_lang = if lang == Lang::En && !explicit_lang {
        Lang::Kk
    } else {
        lang
    };
    match run(cli.command, lang, doc_lang, color_stdout) {
        Ok(code) => ExitCode::from(code),
        Err(Failure::Pipe) => ExitCode::SUCCESS,
        Err(Failure::Error(e)) => {
            report_error(e);
            ExitCode::from(2)
        }
    }
}

enum Failure {
    /// stdout was closed (`dossier check … | head`): not an error.
    Pipe,
    Error(dossier::error::Error),
}

impl From<dossier::error::Error> for Failure {
    fn from(e: dossier::error::Error) -> Self {
        Failure::Error(e)
    }
}

fn run(command: Command, lang: Lang, doc_lang: Lang, color: bool) -> Result<u8, Failure> {
    match command {
        Command::Check(args) => {
            let request = check_request(args.paths, args.judge, lang, Default::default());
            let report = dossier::check(&request)?;
            print_errors(&report);
            let text = match args.format {
                Format::Json => json::render(&report),
                Format::Human => human::render(
                    &report,
                    human::Options {
                        lang,
                        color,
                        width: terminal_width(),
                    },
                ),
            };
            print(&text)?;
            Ok(report.exit_code())
        }
        Command::Score(args) => {
            let single = args.paths.len() == 1 && dossier::discover::is_dossier(&args.paths[0]);
            let what_if = dossier::judge::WhatIf {
                facts: args.fact,
                criteria: args.set,
            };
            let request = check_request(args.paths, args.judge, lang, what_if.clone());
            let report = dossier::score(&request)?;
            print_errors(&report);
            let text = match (args.format, single) {
                (Format::Json, true) => json::render_one(&report.dossiers[0]),
                (Format::Json, false) => json::render(&report),
                (Format::Human, _) => explain::render(
                    &report,
                    single,
                    &explain::Options {
                        lang,
                        color,
                        width: terminal_width(),
                        long: args.long,
                        what_if: &what_if,
                    },
                ),
            };
            print(&text)?;
            Ok(report.score_exit_code())
        }
        Command::Render(args) => render(args, doc_lang),
        Command::Init(args) => {
            let editions = dossier::load_editions(&args.rules)?;
            let edition = match &args.edition {
                Some(id) => editions.get(id).ok_or_else(|| {
                    dossier::error::Error::Usage(format!("unknown edition `{id}`"))
                })?,
                None => editions.default_edition(),
            };
            let kind = match args.kind {
                cli::KindArg::InformationSystem => "information-system",
                cli::KindArg::HardwareSoftwareComplex => "hardware-software-complex",
                cli::KindArg::InternetResource => "internet-resource",
            };
            let written = dossier::init::init(&args.path, kind, edition, args.force)?;
            let mut text = String::new();
            for p in &written {
                text.push_str(&format!("created {}\n", p.display()));
            }
            text.push_str(&format!(
                "Fill in {}, replace each placeholder in docs/ with its document, then run: dossier check {}\n",
                args.path.join("dossier.yaml").display(),
                args.path.display()
            ));
            print(&text)?;
            Ok(0)
        }
        Command::Config(args) => {
            let settings =
                dossier::settings::Settings::for_dossier(&args.path, args.config.as_deref())?;
            print(&human::settings(&settings, color, terminal_width()))?;
            Ok(0)
        }
        Command::Timeline(args) => {
            let request = check_request(args.paths, args.judge, lang, Default::default());
            let (report, steps) = dossier::timeline(&request)?;
            print_errors(&report);
            let views: Vec<dossier::report::timeline::DossierSteps> = steps
                .iter()
                .map(|(i, steps, titles)| {
                    let d = &report.dossiers[*i];
                    dossier::report::timeline::DossierSteps {
                        path: &d.path,
                        object: d.object_name.as_deref(),
                        steps,
                        titles: titles.clone(),
                    }
                })
                .collect();
            let text = match args.format {
                Format::Json => dossier::report::timeline::json(&views),
                Format::Human => {
                    dossier::report::timeline::human(&views, lang, color, terminal_width())
                }
            };
            print(&text)?;
            let invalid = report
                .dossiers
                .iter()
                .any(|d| d.outcome == dossier::outcome::Outcome::Invalid);
            Ok(if invalid || !report.path_errors.is_empty() {
                2
            } else {
                0
            })
        }
        Command::Rules(args) => {
            let editions = dossier::load_editions(&args.rules)?;
            let text = match args.action {
                cli::RulesAction::List => {
                    dossier::report::rules::list(&editions, lang, color, terminal_width())
                }
                cli::RulesAction::Show { id } => {
                    let e = editions.get(&id).ok_or_else(|| {
                        dossier::error::Error::Usage(format!("unknown edition `{id}`"))
                    })?;
                    dossier::report::rules::show(e, lang, color, terminal_width())
                }
                cli::RulesAction::Export { id } => editions.text(&id)?,
            };
            print(&text)?;
            Ok(0)
        }
    }
}

/// The `lang` of the nearest dossier.toml of the first path, when the command judges dossiers.
fn settings_lang(command: &Command) -> Option<Lang> {
    let (path, config) = match command {
        Command::Check(a) => (a.paths.first()?, a.judge.config.as_deref()),
        Command::Score(a) => (a.paths.first()?, a.judge.config.as_deref()),
        Command::Render(a) => (a.paths.first()?, a.judge.config.as_deref()),
        Command::Timeline(a) => (a.paths.first()?, a.judge.config.as_deref()),
        Command::Config(a) => (&a.path, a.config.as_deref()),
        Command::Init(_) | Command::Rules(_) => return None,
    };
    let settings = dossier::settings::Settings::for_dossier(path, config).ok()?;
    settings.lang.map(|l| l.value)
}

fn render(args: cli::RenderArgs, doc_lang: Lang) -> Result<u8, Failure> {
    use dossier::render::{Document, Format as F};
    let format = match args.format {
        cli::DocFormat::Md => F::Md,
        cli::DocFormat::Txt => F::Txt,
        cli::DocFormat::Html => F::Html,
        cli::DocFormat::Pdf => F::Pdf,
        cli::DocFormat::Docx => F::Docx,
    };
    let usage = |m: String| Failure::Error(dossier::error::Error::Usage(m));
    if format.is_binary() && args.output.is_none() && args.out_dir.is_none() {
        return Err(usage(format!(
            "{} is binary: give -o FILE or --out-dir DIR",
            format.extension().to_uppercase()
        )));
    }
    let request = dossier::RenderRequest {
        // Findings quoted in a draft are in the draft's language.
        check: check_request(args.paths, args.judge, doc_lang, Default::default()),
        document: match args.document {
            cli::DocumentArg::Application => Document::Application,
            cli::DocumentArg::Decision => Document::Decision,
            cli::DocumentArg::OperatorNotice => Document::OperatorNotice,
            cli::DocumentArg::Order => Document::Order,
            cli::DocumentArg::RemovalNotice => Document::RemovalNotice,
        },
        format,
        lang: doc_lang,
        template: args.template,
    };
    let (rendered, path_errors) = dossier::render(&request)?;
    for p in &path_errors {
        eprintln!("error: {p}");
    }
    if rendered.len() > 1 && args.out_dir.is_none() {
        return Err(usage(format!(
            "{} dossiers: give --out-dir DIR to write one file per dossier",
            rendered.len()
        )));
    }
    let mut failed = !path_errors.is_empty();
    let mut written = Vec::new();
    for r in rendered {
        let bytes = match r.result {
            Ok(b) => b,
            Err(e) => {
                report_error(e);
                failed = true;
                continue;
            }
        };
        let target = match (&args.output, &args.out_dir) {
            (Some(file), _) => file.clone(),
            (None, Some(dir)) => {
                std::fs::create_dir_all(dir).map_err(|source| {
                    Failure::Error(dossier::error::Error::Io {
                        path: dir.clone(),
                        source,
                    })
                })?;
                dir.join(&r.file_name)
            }
            (None, None) => {
                print(&String::from_utf8_lossy(&bytes))?;
                continue;
            }
        };
        match dossier::render::write_file(&target, &bytes, args.force) {
            Ok(()) => written.push((r.dossier, target)),
            Err(e) => {
                report_error(e);
                failed = true;
            }
        }
    }
    // What was written goes to stderr, so stdout stays clean for scripts.
    for (dossier, path) in &written {
        eprintln!("wrote {} ({dossier})", path.display());
    }
    if args.out_dir.is_some() {
        eprintln!("{} file(s) written", written.len());
    }
    Ok(if failed { 2 } else { 0 })
}

/// The library's request from the paths and the flags every judging command shares.
fn check_request(
    paths: Vec<std::path::PathBuf>,
    judge: cli::JudgeArgs,
    lang: Lang,
    what_if: dossier::judge::WhatIf,
) -> dossier::CheckRequest {
    dossier::CheckRequest {
        paths,
        today: judge.today.unwrap_or_else(today),
        lang,
        edition: judge.edition,
        rules: judge.rules,
        what_if,
        config: judge.config,
    }
}

/// Located errors of invalid dossiers and unusable paths go to stderr.
fn print_errors(report: &dossier::report::CheckReport) {
    for d in &report.dossiers {
        for e in &d.errors {
            eprintln!("{:?}", e.to_report());
        }
    }
    for p in &report.path_errors {
        eprintln!("error: {p}");
    }
}

fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Err(Failure::Pipe),
        Err(e) => Err(Failure::Error(dossier::error::Error::Io {
            path: "<stdout>".into(),
            source: e,
        })),
    }
}

fn report_error(e: dossier::error::Error) {
    match e {
        dossier::error::Error::Source(s) => eprintln!("{:?}", s.to_report()),
        other => eprintln!("error: {other}"),
    }
}

/// Colour only on a terminal, and never with NO_COLOR (https://no-color.org).
fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    }
}

/// POSIX order: LC_ALL, then LC_MESSAGES, then LANG.
fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .map_or(Lang::En, |v| Lang::from_locale(&v))
}

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The table's width on a terminal; elsewhere the content decides.
fn terminal_width() -> Option<u16> {
    if !std::io::stdout().is_terminal() {
        return None;
    }
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or(Some(120))
}

#[cfg(test)]
mod tests {
    use super::cli::Cli;
    use clap::CommandFactory;
    use std::path::Path;

    /// The committed completions and man page must be what the clap definition generates.
    /// Run with UPDATE_GENERATED=1 to rewrite them.
    #[test]
    fn generated_references_are_current() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut expected: Vec<(std::path::PathBuf, Vec<u8>)> = Vec::new();
        for shell in [
            clap_complete::Shell::Bash,
            clap_complete::Shell::Zsh,
            clap_complete::Shell::Fish,
            clap_complete::Shell::PowerShell,
            clap_complete::Shell::Elvish,
        ] {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "dossier", &mut buf);
            let name = match shell {
                clap_complete::Shell::Bash => "dossier.bash",
                clap_complete::Shell::Zsh => "_dossier",
                clap_complete::Shell::Fish => "dossier.fish",
                clap_complete::Shell::PowerShell => "_dossier.ps1",
                _ => "dossier.elv",
            };
            expected.push((root.join("completions").join(name), buf));
        }
        let mut man = Vec::new();
        clap_mangen::Man::new(Cli::command())
            .render(&mut man)
            .expect("man page renders");
        expected.push((root.join("man").join("dossier.1"), man));
        for sub in Cli::command().get_subcommands() {
            let mut page = Vec::new();
            let name = format!("dossier-{}", sub.get_name());
            // clap names are &'static without its `string` feature; a test may leak.
            let static_name: &'static str = Box::leak(name.clone().into_boxed_str());
            clap_mangen::Man::new(sub.clone().name(static_name))
                .render(&mut page)
                .expect("man page renders");
            expected.push((root.join("man").join(format!("{name}.1")), page));
        }

        let update = std::env::var_os("UPDATE_GENERATED").is_some();
        let mut stale = Vec::new();
        for (path, content) in expected {
            if update {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(&path, &content).unwrap();
            } else if std::fs::read(&path).ok().as_deref() != Some(content.as_slice()) {
                stale.push(path.display().to_string());
            }
        }
        assert!(
            stale.is_empty(),
            "stale generated files (run `UPDATE_GENERATED=1 cargo test generated`): {stale:?}"
        );
    }

    #[test]
    fn cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
