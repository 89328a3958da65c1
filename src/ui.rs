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

/// A line on stderr, every deceptive character in it escaped (`defuse`).
macro_rules! say {
    ($($arg:tt)*) => {
        eprintln!("{}", crate::ui::defuse(&format!($($arg)*)))
    };
}

/// Text for the terminal with every character that would change how it reads without showing
/// itself (an escape sequence, a bidirectional control, a zero-width character: see
/// `dossier_words::escape::is_deceptive`) written as a `\uXXXX` escape, whatever printed it;
/// line breaks and tabs stay. In JSON the same escape is the same character.
pub fn defuse(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, |c| {
        dossier_words::escape::is_deceptive(c) && !matches!(c, '\n' | '\t' | '\r')
    })
}

/// `defuse` for the characters that are not controls: bidirectional controls and zero-width
/// characters (a form feed between text pages and colour sequences stay).
pub fn defuse_invisible(text: &str) -> std::borrow::Cow<'_, str> {
    if !has_invisible(text.as_bytes()) {
        return std::borrow::Cow::Borrowed(text);
    }
    escape_where(text, |c| {
        dossier_words::escape::is_deceptive(c) && !c.is_control()
    })
}

/// Whether the UTF-8 bytes hold one of the invisible characters `defuse_invisible` escapes,
/// matched byte by byte (a large JSON report is printed this way, without decoding a
/// character): U+061C (D8 9C), U+200B–U+200F (E2 80 8B–8F), U+202A–U+202E (E2 80 AA–AE),
/// U+2060–U+2064 and U+2066–U+2069 (E2 81 A0–A4, A6–A9), U+FEFF (EF BB BF).
fn has_invisible(b: &[u8]) -> bool {
    let mut i = 0;
    while let Some(p) = memchr::memchr3(0xD8, 0xE2, 0xEF, &b[i..]) {
        let at = i + p;
        let next = |k: usize| b.get(at + k).copied().unwrap_or(0);
        let hit = match b[at] {
            0xD8 => next(1) == 0x9C,
            0xE2 => match next(1) {
                0x80 => matches!(next(2), 0x8B..=0x8F | 0xAA..=0xAE),
                0x81 => matches!(next(2), 0xA0..=0xA4 | 0xA6..=0xA9),
                _ => false,
            },
            _ => next(1) == 0xBB && next(2) == 0xBF,
        };
        if hit {
            return true;
        }
        i = at + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_byte_scan_finds_exactly_the_invisible_characters() {
        for c in [
            '\u{061C}', '\u{200B}', '\u{200F}', '\u{202A}', '\u{202E}', '\u{2060}',
        ]
        .into_iter()
        .chain(['\u{2064}', '\u{2066}', '\u{2069}', '\u{FEFF}'])
        {
            let text = format!("a — {c} b");
            assert!(super::has_invisible(text.as_bytes()), "{c:?}");
            assert!(super::defuse_invisible(&text).contains("\\u"), "{c:?}");
        }
        for text in [
            "a — b «в» ә\n",
            "\u{2014}\u{2065}\u{2070}\u{FEFE}",
            "\u{0627}",
        ] {
            assert!(!super::has_invisible(text.as_bytes()), "{text:?}");
        }
    }
}

/// `text` with each character `hide` picks written as `\uXXXX`.
fn escape_where(text: &str, hide: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(&hide) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if hide(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Where output goes, and how it looks.
pub struct Ui {
    pub lang: Lang,
    /// Colour on stdout.
    pub color: bool,
    /// Table width on a terminal; `None` lets the content decide.
    pub width: Option<u16>,
    /// stdout was closed by the reader: the run goes on, its exit code stands.
    closed: bool,
    /// Something was printed: a byte-order mark is left as it is only at the very start.
    printed: bool,
    /// `-q`: an error is one line, without the snippet of the file.
    pub quiet: bool,
}

impl Ui {
    pub fn new(lang: Lang, color: bool, width: Option<u16>) -> Ui {
        Ui {
            lang,
            color,
            width,
            closed: false,
            printed: false,
            quiet: false,
        }
    }

    /// Writes to stdout; a closed pipe stops the printing, never the run.
    pub fn print(&mut self, text: &str) -> Result<(), Error> {
        if self.closed {
            return Ok(());
        }
        // Printers escape control characters field by field (and colour with escape
        // sequences of their own); invisible and bidirectional characters go here, whatever
        // printed them.
        // A byte-order mark that opens the output is the printer's (`--excel`), not the data's.
        let (bom, text) = match text.strip_prefix('\u{feff}') {
            Some(rest) if !self.printed => ("\u{feff}", rest),
            _ => ("", text),
        };
        self.printed = true;
        let text = defuse_invisible(text);
        let mut out = std::io::stdout().lock();
        let written = out
            .write_all(bom.as_bytes())
            .and_then(|_| out.write_all(text.as_bytes()));
        match written.and_then(|_| out.flush()) {
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
        say!("{text}");
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
                    say!("{prefix} {}", words.message(m));
                }
            }
            // The system's own text is English: its kind is worded by the catalogue.
            Error::Io { path, source } => {
                let file = path.display();
                let why = Words::new(lang).message(&dossier_model::files::io_reason(source));
                say!("{prefix} {}", t!(lang, "error.read", file, why));
            }
            Error::Write { path, source } => {
                let file = path.display();
                let why = Words::new(lang).message(&dossier_model::files::io_reason(source));
                say!("{prefix} {}", t!(lang, "error.write", file, why));
            }
            Error::Internal(why) => say!("{prefix} {}", t!(lang, "error.internal", why)),
        }
    }

    pub fn message(&self, m: &Message) {
        let prefix = t!(self.lang, "error.prefix");
        say!("{prefix} {}", Words::new(self.lang).message(m));
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
            (Some(src), Some(span)) if !self.quiet => {
                let shown = Shown {
                    code: f.code.as_str(),
                    message: message.clone(),
                    help,
                    span,
                    label: message,
                };
                // The snippet is the user's file: what would act on the terminal is shown as
                // `?`, byte for byte, so the spans still point where they did.
                let text: String = src
                    .text
                    .chars()
                    .flat_map(|c| {
                        let hide = dossier_words::escape::is_deceptive(c)
                            && !matches!(c, '\n' | '\t' | '\r');
                        let n = if hide { c.len_utf8() } else { 1 };
                        std::iter::repeat_n(if hide { '?' } else { c }, n)
                    })
                    .collect();
                let report = miette::Report::new(shown)
                    .with_source_code(NamedSource::new(defuse(&src.file), text));
                // miette's own colours are escape sequences: printed as they are.
                eprintln!("{report:?}");
            }
            _ => {
                let prefix = t!(self.lang, "error.prefix");
                let place = f
                    .place
                    .as_ref()
                    .map_or(String::new(), |p| match (p.line, p.column) {
                        (Some(line), Some(column)) => format!("{}:{line}:{column}: ", p.file),
                        (Some(line), None) => format!("{}:{line}: ", p.file),
                        _ => format!("{}: ", p.file),
                    });
                say!("{prefix} {place}{message} [{}]", f.code);
                if let Some(h) = help.filter(|_| !self.quiet) {
                    say!("  {h}");
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
