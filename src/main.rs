//! The `dossier` binary: resolves the command line once into a `Config`, hands it to one
//! module per command, and turns the result into an exit code. Everything else is in the
//! library.

#![deny(unsafe_code)]

mod cli;
mod commands;
mod generate;
mod init;
mod ui;

use cli::{Cli, ColorChoice, LangArg};
use dossier_model::lang::Lang;
use std::io::IsTerminal;
use std::process::ExitCode;

/// The tool and its version, as a packed manifest records it.
pub const TOOL_VERSION: &str = concat!("dossier ", env!("CARGO_PKG_VERSION"));

/// Everything the flags and the environment decide, resolved once.
#[derive(Debug, Clone)]
pub struct Config {
    /// `--lang`, when given.
    pub lang_flag: Option<Lang>,
    /// The locale's language (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub env_lang: Lang,
    pub color_stdout: bool,
    pub color_stderr: bool,
    /// The terminal's width for tables, when stdout is one.
    pub width: Option<u16>,
    /// `DOSSIER_TODAY`, when set to a date (else `today()` reads the clock).
    today_env: Option<chrono::NaiveDate>,
    /// `DOSSIER_TODAY` is set to something that is not a date: refused before any work.
    pub bad_today_env: Option<String>,
    /// Threads judging dossiers: four per core (4 to 32), unless `RAYON_NUM_THREADS` decides.
    /// Judging reads many small files: with a cold cache a worker waits on the disk, so more
    /// workers than cores keep reads in flight (2,000 dossiers cold: 1.35 s on 2 threads,
    /// 0.74 s on 8; warm, the same 0.21 s).
    /// Counted only when a pool is started: one dossier never reads the cgroup's files.
    pub threads: Option<fn() -> usize>,
}

impl Config {
    fn resolve(cli: &Cli) -> Config {
        let stdout_tty = std::io::stdout().is_terminal();
        // An empty DOSSIER_TODAY is unset, as shells leave it after `DOSSIER_TODAY= cmd`.
        let today_env = std::env::var("DOSSIER_TODAY")
            .ok()
            .filter(|v| !v.is_empty())
            .map(|v| cli::parse_date(&v).map_err(|_| v));
        Config {
            lang_flag: cli.lang.map(|l| match l {
                LangArg::En => Lang::En,
                LangArg::Ru => Lang::Ru,
                LangArg::Kk => Lang::Kk,
            }),
            env_lang: lang_from_env(),
            color_stdout: use_color(cli.color, stdout_tty),
            color_stderr: use_color(cli.color, std::io::stderr().is_terminal()),
            width: cli.width.or_else(|| terminal_width(stdout_tty)),
            today_env: today_env.as_ref().and_then(|v| v.as_ref().ok().copied()),
            bad_today_env: today_env.and_then(|v| v.err()),
            threads: std::env::var_os("RAYON_NUM_THREADS")
                .is_none()
                .then_some(four_per_core as fn() -> usize),
        }
    }

    /// `DOSSIER_TODAY`, else the local date, for commands not given `--today`. The clock and
    /// the time zone file are read only when asked.
    pub fn today(&self) -> chrono::NaiveDate {
        self.today_env
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The report language: `--lang`, else a `dossier.toml`'s `lang`, else the locale.
    pub fn lang(&self, from_settings: Option<Lang>) -> Lang {
        self.lang_flag.or(from_settings).unwrap_or(self.env_lang)
    }
}

/// Judging threads: four per core, 4 to 32.
fn four_per_core() -> usize {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    (cores * 4).clamp(4, 32)
}

fn main() -> ExitCode {
    limit_malloc_arenas();
    let cli = parse_command_line();
    // Interrupted (Ctrl-C, SIGTERM) while writing: the temporary file being written goes too;
    // 130 as a shell reports an interrupted command. Only where a file is written: the handler
    // is a thread, and a run that only reads starts faster without it.
    if cli.command.as_ref().is_none_or(cli::Command::writes_files) {
        let _ = ctrlc::set_handler(|| {
            dossier_model::files::remove_unfinished();
            std::process::exit(130);
        });
    }
    let config = Config::resolve(&cli);
    let color = config.color_stderr;
    let _ = miette::set_hook(Box::new(move |_| {
        Box::new(
            miette::MietteHandlerOpts::new()
                .color(color)
                .unicode(color)
                .build(),
        )
    }));
    let mut ui = ui::Ui::new(config.lang(None), config.color_stdout, config.width);
    if let Some(value) = &config.bad_today_env {
        let e = dossier_model::error::Error::usage(
            dossier_model::finding::Message::new("usage.bad-today-env")
                .arg("value", value.as_str()),
        );
        ui.error(&e);
        return ExitCode::from(e.exit_code());
    }
    if let Some(what) = &cli.generate {
        return generate_to_stdout(what, &mut ui);
    }
    let Some(command) = cli.command else {
        // arg_required_else_help: clap has printed the help already.
        return ExitCode::from(2);
    };
    match commands::run(command, &config, &mut ui) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            ui.error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// `--generate WHAT`: the man page or completion script, on stdout.
fn generate_to_stdout(what: &str, ui: &mut ui::Ui) -> ExitCode {
    let bytes = match what.strip_prefix("man") {
        Some(rest) => {
            let name = format!("dossier{rest}.1");
            generate::man_pages()
                .into_iter()
                .find(|(n, _)| *n == name)
                .map(|(_, page)| page)
        }
        None => generate::completion(what).map(|(_, script)| script),
    };
    let Some(bytes) = bytes else {
        return ExitCode::from(2);
    };
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(&bytes).and_then(|_| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(source) => {
            let e = dossier_model::error::Error::Write {
                path: "<stdout>".into(),
                source,
            };
            ui.error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

/// glibc gives each thread its own malloc arena; with the many short-lived allocations of
/// judging, eight workers' arenas fragment and the peak grows with the number of dossiers
/// (26 MB at 1,000, 36 MB at 10,000). Two arenas keep it flat (21 MB, 24.5 MB) at the same
/// speed.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
fn limit_malloc_arenas() {
    // SAFETY: called first thing in `main`, before any other thread exists; mallopt only sets
    // a tunable of the allocator and takes no pointers.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn limit_malloc_arenas() {}

/// The command line, with clap's own messages (a usage error, `--help`) coloured as the run
/// will be: `--color never` (or `NO_COLOR`, `CLICOLOR=0`, `TERM=dumb`) reaches them too, though
/// they are printed before the flags are read.
fn parse_command_line() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let flag = args.iter().enumerate().find_map(|(i, a)| {
        let a = a.to_str()?;
        match a.strip_prefix("--color") {
            Some(v) if v.starts_with('=') => Some(v[1..].to_string()),
            Some("") => args.get(i + 1)?.to_str().map(str::to_string),
            _ => None,
        }
    });
    let choice = match flag.as_deref() {
        Some("never") => ColorChoice::Never,
        Some("always") => ColorChoice::Always,
        _ => ColorChoice::Auto,
    };
    let stderr_tty = std::io::stderr().is_terminal();
    let clap_color = if use_color(choice, stderr_tty) {
        clap::ColorChoice::Always
    } else {
        clap::ColorChoice::Never
    };
    let matches = Cli::command().color(clap_color).get_matches_from(args);
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Colour only on a terminal, unless asked: `--color` first, then `NO_COLOR`
/// (https://no-color.org), `CLICOLOR_FORCE` (colour even off a terminal), `CLICOLOR=0` and
/// `TERM=dumb` (no colour).
fn use_color(choice: ColorChoice, terminal: bool) -> bool {
    let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto if set("NO_COLOR").is_some() => false,
        ColorChoice::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
        ColorChoice::Auto if set("CLICOLOR").is_some_and(|v| v == "0") => false,
        ColorChoice::Auto if set("TERM").is_some_and(|v| v == "dumb") => false,
        ColorChoice::Auto => terminal,
    }
}

/// POSIX order: LC_ALL, then LC_MESSAGES, then LANG.
fn lang_from_env() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()))
        .map_or(Lang::En, |v| Lang::from_locale(&v))
}

/// The width of tables and text: `COLUMNS` when set (also for a pipe, as `COLUMNS=80 dossier
/// check … | less`), else the terminal's own width; none for a pipe, where the content decides.
fn terminal_width(stdout_tty: bool) -> Option<u16> {
    let columns = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<u16>().ok())
        .filter(|c| *c >= 20);
    columns.or_else(|| {
        stdout_tty
            .then(|| terminal_size::terminal_size().map(|(w, _)| w.0))
            .flatten()
            .filter(|w| *w >= 20)
    })
}

#[cfg(test)]
mod tests {
    use super::cli::Cli;
    use clap::CommandFactory;
    use std::path::Path;

    /// The committed completions and man pages must be what `dossier --generate` writes.
    /// Run with UPDATE_GENERATED=1 to rewrite them.
    #[test]
    fn generated_references_are_current() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let update = std::env::var_os("UPDATE_GENERATED").is_some();
        let mut stale = Vec::new();
        for (file, content) in crate::generate::all() {
            let path = root.join(file);
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
