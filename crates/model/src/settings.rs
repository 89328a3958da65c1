//! Settings shared by many dossiers: `dossier.toml` (contract §7), looked up from the dossier
//! folder through its ancestors, nearest first, key by key; or one file given with `--config`.
//! A key of `dossier.yaml` wins over the same setting.

use crate::error::{Result, SourceError};
use crate::lang::Lang;
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const SETTINGS_FILE: &str = "dossier.toml";

/// One `dossier.toml` as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsFile {
    /// The lookup stops here: no `dossier.toml` above this one applies.
    #[serde(default)]
    pub root: bool,
    /// Report and document language: en, ru or kk.
    pub lang: Option<Lang>,
    pub addressee: Option<TomlText>,
    /// Where letters and orders are issued ("Астана қ." / "г. Астана").
    pub city: Option<TomlText>,
    /// `false` silences the one-line note on amendments an edition lacks (`check`, `score`).
    pub edition_notes: Option<bool>,
    pub state_body: Option<StateBodyDefaults>,
    pub signatory: Option<SignatoryDefaults>,
    /// Extra editions of the Rules (TOML files), relative to this file.
    pub editions: Option<Vec<PathBuf>>,
    /// A folder of templates named `<document>.<lang>.md`, relative to this file.
    pub templates: Option<PathBuf>,
    pub calendar: Option<CalendarOverrides>,
}

/// Text given once or per language (at least one of `kk`, `ru`), as in `dossier.yaml`.
pub type TomlText = crate::dossier::LocalText;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateBodyDefaults {
    pub name: Option<TomlText>,
    pub bin: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatoryDefaults {
    pub name: Option<String>,
    pub position: Option<TomlText>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarOverrides {
    #[serde(default, deserialize_with = "dates")]
    pub holidays: Vec<NaiveDate>,
    #[serde(default, deserialize_with = "dates")]
    pub working_days: Vec<NaiveDate>,
}

fn dates<'de, D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Vec<NaiveDate>, D::Error> {
    #[derive(Deserialize)]
    struct One(#[serde(deserialize_with = "crate::edition::toml_date")] NaiveDate);
    Ok(Vec::<One>::deserialize(d)?
        .into_iter()
        .map(|o| o.0)
        .collect())
}

/// A setting in effect and the file it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub file: PathBuf,
}

/// The settings in effect for one dossier, key by key.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub lang: Option<Sourced<Lang>>,
    pub addressee: Option<Sourced<TomlText>>,
    pub city: Option<Sourced<TomlText>>,
    pub edition_notes: Option<Sourced<bool>>,
    pub state_body_name: Option<Sourced<TomlText>>,
    pub state_body_bin: Option<Sourced<String>>,
    pub signatory_name: Option<Sourced<String>>,
    pub signatory_position: Option<Sourced<TomlText>>,
    /// Absolute or relative to the working folder, resolved from the file's folder.
    pub editions: Option<Sourced<Vec<PathBuf>>>,
    pub templates: Option<Sourced<PathBuf>>,
    pub holidays: Option<Sourced<Vec<NaiveDate>>>,
    pub working_days: Option<Sourced<Vec<NaiveDate>>>,
    /// `dossier.toml` files found on the way up but not applied, and why.
    pub ignored: Vec<Ignored>,
}

/// A `dossier.toml` the lookup did not apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ignored {
    pub file: PathBuf,
    pub why: IgnoredWhy,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IgnoredWhy {
    /// Owned by another user than the current one or root (as git's `safe.directory`).
    NotOwned,
    /// Writable by group or others: someone else could have written it.
    Writable,
}

impl Settings {
    /// The settings for a dossier in `dir`: `config` if given, else every `dossier.toml` from
    /// `dir` upwards, nearest first, until a file with `root = true` or the root of a
    /// repository (a folder with `.git`). A file another user owns, or that group or others
    /// may write, is not applied (`ignored` says so).
    pub fn for_dossier(dir: &Path, config: Option<&Path>) -> Result<Settings> {
        let mut lookup = Lookup::new(config);
        lookup
            .for_dossier(dir, true)
            .map(|s| (*s).clone())
            .map_err(|e| {
                Arc::try_unwrap(e).unwrap_or_else(|e| crate::error::Error::Internal(e.to_string()))
            })
    }

    /// No key is set and no file was ignored.
    fn is_empty(&self) -> bool {
        self.entries().is_empty() && self.ignored.is_empty()
    }

    /// These settings, with every key they leave unset taken from `outer` (a file further up).
    fn under(mut self, outer: &Settings) -> Settings {
        fn take<T: Clone>(slot: &mut Option<Sourced<T>>, outer: &Option<Sourced<T>>) {
            if slot.is_none() {
                slot.clone_from(outer);
            }
        }
        take(&mut self.lang, &outer.lang);
        take(&mut self.addressee, &outer.addressee);
        take(&mut self.city, &outer.city);
        take(&mut self.edition_notes, &outer.edition_notes);
        take(&mut self.state_body_name, &outer.state_body_name);
        take(&mut self.state_body_bin, &outer.state_body_bin);
        take(&mut self.signatory_name, &outer.signatory_name);
        take(&mut self.signatory_position, &outer.signatory_position);
        take(&mut self.editions, &outer.editions);
        take(&mut self.templates, &outer.templates);
        take(&mut self.holidays, &outer.holidays);
        take(&mut self.working_days, &outer.working_days);
        self.ignored.extend(outer.ignored.iter().cloned());
        self
    }

    /// Takes from `s` each key not already set (the nearer file wins).
    fn fill(&mut self, s: SettingsFile, file: &Path) {
        fn set<T>(slot: &mut Option<Sourced<T>>, value: Option<T>, file: &Path) {
            if slot.is_none()
                && let Some(value) = value
            {
                *slot = Some(Sourced {
                    value,
                    file: file.to_path_buf(),
                });
            }
        }
        let base = file.parent().unwrap_or(Path::new("."));
        let (sb, sig, cal) = (
            s.state_body.unwrap_or_default(),
            s.signatory.unwrap_or_default(),
            s.calendar,
        );
        set(&mut self.lang, s.lang, file);
        set(&mut self.addressee, s.addressee, file);
        set(&mut self.city, s.city, file);
        set(&mut self.edition_notes, s.edition_notes, file);
        set(&mut self.state_body_name, sb.name, file);
        set(&mut self.state_body_bin, sb.bin, file);
        set(&mut self.signatory_name, sig.name, file);
        set(&mut self.signatory_position, sig.position, file);
        set(
            &mut self.editions,
            s.editions
                .map(|v| v.into_iter().map(|p| base.join(p)).collect()),
            file,
        );
        set(&mut self.templates, s.templates.map(|p| base.join(p)), file);
        if let Some(cal) = cal {
            set(&mut self.holidays, Some(cal.holidays), file);
            set(&mut self.working_days, Some(cal.working_days), file);
        }
    }

    /// The working-day calendar with this dossier's overrides.
    pub fn calendar(&self, base: &crate::calendar::Calendar) -> crate::calendar::Calendar {
        let holidays = self
            .holidays
            .as_ref()
            .map_or(&[][..], |h| h.value.as_slice());
        let working = self
            .working_days
            .as_ref()
            .map_or(&[][..], |w| w.value.as_slice());
        base.clone().with_overrides(holidays, working)
    }

    /// Every setting in effect as (key, value, file), for `dossier config`.
    pub fn entries(&self) -> Vec<(&'static str, String, PathBuf)> {
        fn text(t: &TomlText) -> String {
            match t {
                TomlText::Same(s) => s.clone(),
                TomlText::PerLang { kk, ru } => [("kk", kk), ("ru", ru)]
                    .iter()
                    .filter_map(|(l, t)| t.as_ref().map(|t| format!("{l}: {t}")))
                    .collect::<Vec<_>>()
                    .join("; "),
            }
        }
        let mut out = Vec::new();
        let mut push = |key: &'static str, value: Option<String>, file: Option<&PathBuf>| {
            if let (Some(v), Some(f)) = (value, file) {
                out.push((key, v, f.clone()));
            }
        };
        push(
            "lang",
            self.lang.as_ref().map(|l| l.value.code().to_string()),
            self.lang.as_ref().map(|l| &l.file),
        );
        push(
            "addressee",
            self.addressee.as_ref().map(|x| text(&x.value)),
            self.addressee.as_ref().map(|x| &x.file),
        );
        push(
            "city",
            self.city.as_ref().map(|x| text(&x.value)),
            self.city.as_ref().map(|x| &x.file),
        );
        push(
            "edition_notes",
            self.edition_notes.as_ref().map(|x| x.value.to_string()),
            self.edition_notes.as_ref().map(|x| &x.file),
        );
        push(
            "state_body.name",
            self.state_body_name.as_ref().map(|x| text(&x.value)),
            self.state_body_name.as_ref().map(|x| &x.file),
        );
        push(
            "state_body.bin",
            self.state_body_bin.as_ref().map(|x| x.value.clone()),
            self.state_body_bin.as_ref().map(|x| &x.file),
        );
        push(
            "signatory.name",
            self.signatory_name.as_ref().map(|x| x.value.clone()),
            self.signatory_name.as_ref().map(|x| &x.file),
        );
        push(
            "signatory.position",
            self.signatory_position.as_ref().map(|x| text(&x.value)),
            self.signatory_position.as_ref().map(|x| &x.file),
        );
        push(
            "editions",
            self.editions.as_ref().map(|x| {
                x.value
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
            self.editions.as_ref().map(|x| &x.file),
        );
        push(
            "templates",
            self.templates
                .as_ref()
                .map(|x| x.value.display().to_string()),
            self.templates.as_ref().map(|x| &x.file),
        );
        let dates = |v: &Vec<NaiveDate>| {
            v.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        push(
            "calendar.holidays",
            self.holidays.as_ref().map(|x| dates(&x.value)),
            self.holidays.as_ref().map(|x| &x.file),
        );
        push(
            "calendar.working_days",
            self.working_days.as_ref().map(|x| dates(&x.value)),
            self.working_days.as_ref().map(|x| &x.file),
        );
        out
    }
}

/// The settings lookup of a run, folder by folder, remembered: dossiers that share parent
/// folders (a tree of hundreds) read each `dossier.toml` once and resolve each folder once.
pub struct Lookup {
    config: Option<PathBuf>,
    by_folder: HashMap<PathBuf, Shared>,
    canonical: HashMap<PathBuf, PathBuf>,
}

/// The settings in effect in one folder, or the error of a file on the way.
pub type Shared = std::result::Result<Arc<Settings>, Arc<crate::error::Error>>;

impl Lookup {
    pub fn new(config: Option<&Path>) -> Lookup {
        Lookup {
            config: config.map(Path::to_path_buf),
            by_folder: HashMap::new(),
            canonical: HashMap::new(),
        }
    }

    /// The settings in effect for the dossier in `dir` (`linked`: it may be a link, to be
    /// resolved to where it really is).
    pub fn for_dossier(&mut self, dir: &Path, linked: bool) -> Shared {
        if let Some(c) = self.config.clone() {
            return self.for_config(&c);
        }
        // Folders are resolved through their parent, which many dossiers share.
        let canonical = match (dir.parent(), dir.file_name()) {
            (Some(parent), Some(name)) if !parent.as_os_str().is_empty() => {
                let parent = match self.canonical.get(parent) {
                    Some(p) => p.clone(),
                    None => {
                        let p = parent
                            .canonicalize()
                            .unwrap_or_else(|_| parent.to_path_buf());
                        self.canonical.insert(parent.to_path_buf(), p.clone());
                        p
                    }
                };
                let joined = parent.join(name);
                // A dossier reached through a link resolves to where it really is.
                if linked
                    && crate::files::symlink_metadata(&joined)
                        .is_ok_and(|m| m.file_type().is_symlink())
                {
                    joined.canonicalize().unwrap_or(joined)
                } else {
                    joined
                }
            }
            _ => dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()),
        };
        // The dossier's own folder is not remembered: no other dossier shares it.
        self.compute(&canonical)
    }

    fn for_config(&mut self, c: &Path) -> Shared {
        if let Some(s) = self.by_folder.get(c) {
            return s.clone();
        }
        let result = read(c).map(|parsed| {
            let mut s = Settings::default();
            s.fill(parsed, c);
            Arc::new(s)
        });
        let shared = result.map_err(Arc::new);
        self.by_folder.insert(c.to_path_buf(), shared.clone());
        shared
    }

    /// The settings in effect in `folder` (canonical): its own file over its parent's.
    fn for_folder(&mut self, folder: &Path) -> Shared {
        if let Some(s) = self.by_folder.get(folder) {
            return s.clone();
        }
        let computed = self.compute(folder);
        self.by_folder
            .insert(folder.to_path_buf(), computed.clone());
        computed
    }

    fn compute(&mut self, folder: &Path) -> Shared {
        let mut own = Settings::default();
        let mut stop = folder.join(".git").exists();
        let file = folder.join(SETTINGS_FILE);
        if let Ok(meta) = crate::files::metadata(&file)
            && meta.is_file()
        {
            if let Some(why) = untrusted(&meta) {
                own.ignored.push(Ignored { file, why });
            } else {
                let parsed = read(&file).map_err(Arc::new)?;
                stop |= parsed.root;
                own.fill(parsed, &file);
            }
        }
        match folder.parent() {
            // Nothing here: the folder shares its parent's settings, not a copy of them.
            Some(parent) if !stop && own.is_empty() => self.for_folder(parent),
            Some(parent) if !stop => {
                let outer = self.for_folder(parent)?;
                Ok(Arc::new(own.under(&outer)))
            }
            _ => Ok(Arc::new(own)),
        }
    }
}

/// Why a settings file found on the way up is not trusted, if it is not.
fn untrusted(meta: &std::fs::Metadata) -> Option<IgnoredWhy> {
    use std::os::unix::fs::MetadataExt;
    let me = rustix::process::getuid().as_raw();
    if meta.uid() != me && meta.uid() != 0 {
        Some(IgnoredWhy::NotOwned)
    } else if meta.mode() & 0o022 != 0 {
        Some(IgnoredWhy::Writable)
    } else {
        None
    }
}

/// Reads one `dossier.toml`; errors point at the line.
pub fn read(file: &Path) -> Result<SettingsFile> {
    let text = crate::edition::read_text(file)?;
    let name = file.display().to_string();
    toml::from_str(&text).map_err(|e| {
        SourceError::new(
            crate::finding::Code::SettingsInvalid,
            &name,
            std::sync::Arc::from(text.as_str()),
            e.span().map(|r| (r.start, r.end)),
            e.message().trim(),
        )
        .help(crate::finding::Message::new("help.settings-keys"))
        .into()
    })
}

/// Where a value in effect comes from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ValueSource {
    pub file: PathBuf,
    /// The line in `dossier.yaml`, when the dossier gives the value itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// A value every command uses for a dossier, and where it comes from.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Effective {
    pub key: &'static str,
    pub value: String,
    pub source: ValueSource,
}

/// What `check`, `render` and `timeline` will use for the dossier in `dir`: each setting of
/// `dossier.toml`, unless `dossier.yaml` gives the same key, which then wins (contract §7).
pub fn effective(dir: &Path, config: Option<&Path>) -> Result<Vec<Effective>> {
    let settings = Settings::for_dossier(dir, config)?;
    let yaml_path = dir.join(crate::dossier::DOSSIER_FILE);
    // The dossier's own keys, with their lines, read as `check` reads them; a file too large or
    // broken gives none (`check` reports it).
    let own = crate::files::open_root(dir)
        .ok()
        .and_then(|root| crate::files::read_yaml(&root).ok())
        .map(|text| text.trim_start_matches('\u{feff}').to_string())
        .and_then(|text| {
            let name = yaml_path.display().to_string();
            let (file, map) = crate::dossier::yaml::parse(&text, &name).ok()?;
            Some((file, map, text, name))
        });
    let mut out: Vec<Effective> = settings
        .entries()
        .into_iter()
        .map(|(key, value, file)| Effective {
            key,
            value,
            source: ValueSource { file, line: None },
        })
        .collect();
    if let Some((file, map, text, name)) = &own {
        let at = crate::dossier::validate::Located::new(text, name, map);
        let text_of = |t: &TomlText| {
            let mut texts = t.texts();
            texts.dedup();
            texts.join(" / ")
        };
        let mine: [(&'static str, &[&str], Option<String>); 5] = [
            (
                "addressee",
                &["addressee"],
                file.addressee.as_ref().map(text_of),
            ),
            (
                "state_body.name",
                &["state_body", "name"],
                file.state_body.name.as_ref().map(text_of),
            ),
            (
                "state_body.bin",
                &["state_body", "bin"],
                file.state_body.bin.clone(),
            ),
            (
                "signatory.name",
                &["signatory", "name"],
                file.signatory.as_ref().map(|s| s.name.clone()),
            ),
            (
                "signatory.position",
                &["signatory", "position"],
                file.signatory
                    .as_ref()
                    .and_then(|s| s.position.as_ref())
                    .map(text_of),
            ),
        ];
        for (key, keys, value) in mine {
            let Some(value) = value else { continue };
            let source = ValueSource {
                file: yaml_path.clone(),
                line: at.line(&crate::source_path::path(keys)),
            };
            out.retain(|e| e.key != key);
            out.push(Effective { key, value, source });
        }
    }
    const ORDER: &[&str] = &[
        "lang",
        "addressee",
        "city",
        "edition_notes",
        "state_body.name",
        "state_body.bin",
        "signatory.name",
        "signatory.position",
        "editions",
        "templates",
        "calendar.holidays",
        "calendar.working_days",
    ];
    out.sort_by_key(|e| {
        ORDER
            .iter()
            .position(|k| *k == e.key)
            .unwrap_or(ORDER.len())
    });
    Ok(out)
}
