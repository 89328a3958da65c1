//! The terminal side of the binary: stdout and stderr, colour, width, a closed pipe, and the
//! words of errors. Commands write through a `Ui`; nothing else prints.

use dossier_model::error::{Error, SourceError};
use dossier_model::finding::{Finding, Message, Source};
use dossier_model::lang::Lang;
use dossier_words::Words;
use dossier_words::t;
use miette::{LabeledSpan, NamedSource};
use std::fmt;
use std::io::Write;

/// Where output goes, and how it looks.
pub struct Ui {
    pub lang: Lang,
    /// Colour on stdout.
    pub color: bool,
    /// Table width on a terminal; `None` lets the content decide.
    pub width: Option<u16>,
    /// stdout was closed by the reader: the run goes on, its exit code stands.
    closed: bool,
}

impl Ui {
    pub fn new(lang: Lang, color: bool, width: Option<u16>) -> Ui {
        Ui {
            lang,
            color,
            width,
            closed: false,
        }
    }

    /// Writes to stdout; a closed pipe stops the printing, never the run.
    pub fn print(&mut self, text: &str) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        let mut out = std::io::stdout().lock();
        match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(source) => Err(Error::Write {
                path: "<stdout>".into(),
                source,
            }),
        }
    }

    /// A line on stderr.
    pub fn note(&self, text: &str) {
        eprintln!("{text}");
    }

    /// An error on stderr, in the report language.
    pub fn error(&self, e: &Error) {
        let lang = self.lang;
        let prefix = t!(lang, "error.prefix");
        match e {
            Error::Source(s) => self.source_error(s),
            Error::Usage(messages) => {
                let words = Words::new(lang);
                for m in messages {
                    eprintln!("{prefix} {}", words.message(m));
                }
            }
            // The system's own text is English: its kind is worded by the catalogue.
            Error::Io { path, source } => {
                let file = path.display();
                let why = Words::new(lang).message(&dossier_model::files::io_reason(source));
                eprintln!("{prefix} {}", t!(lang, "error.read", file, why));
            }
            Error::Write { path, source } => {
                let file = path.display();
                let why = Words::new(lang).message(&dossier_model::files::io_reason(source));
                eprintln!("{prefix} {}", t!(lang, "error.write", file, why));
            }
            Error::Internal(why) => eprintln!("{prefix} {}", t!(lang, "error.internal", why)),
        }
    }

    pub fn message(&self, m: &Message) {
        let prefix = t!(self.lang, "error.prefix");
        eprintln!("{prefix} {}", Words::new(self.lang).message(m));
    }

    fn source_error(&self, s: &SourceError) {
        self.located(&s.finding, Some(&s.source), &Words::new(self.lang));
    }

    /// A finding located in a file, with a snippet of the file when its text is at hand.
    pub fn located(&self, f: &Finding, source: Option<&Source>, words: &Words) {
        let message = words.finding(f);
        let help = f.help.as_ref().map(|h| words.message(h));
        let span = f.place.as_ref().and_then(|p| p.span);
        match (source, span) {
            (Some(src), Some(span)) => {
                let shown = Shown {
                    code: f.code.as_str(),
                    message: message.clone(),
                    help,
                    span,
                    label: message,
                };
                let report = miette::Report::new(shown)
                    .with_source_code(NamedSource::new(&src.file, src.text.to_string()));
                eprintln!("{report:?}");
            }
            _ => {
                let prefix = t!(self.lang, "error.prefix");
                let place = f.place.as_ref().map_or(String::new(), |p| match p.line {
                    Some(line) => format!("{}:{line}: ", p.file),
                    None => format!("{}: ", p.file),
                });
                eprintln!("{prefix} {place}{message} [{}]", f.code);
                if let Some(h) = help {
                    eprintln!("  {h}");
                }
            }
        }
    }
}

/// A located error as miette prints it.
#[derive(Debug)]
struct Shown {
    code: &'static str,
    message: String,
    help: Option<String>,
    span: (usize, usize),
    label: String,
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Shown {}

impl miette::Diagnostic for Shown {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (start, end) = self.span;
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some(self.label.clone()),
            start,
            end.saturating_sub(start),
        ))))
    }
}
