//! Settings shared by many dossiers: `dossier.toml` (contract §7), looked up from the dossier
//! folder through its ancestors, nearest first, key by key; or one file given with `--config`.
//! A key of `dossier.yaml` wins over the same setting.

use crate::error::{Result, SourceError};
use crate::lang::Lang;
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const SETTINGS_FILE: &str = "dossier.toml";

/// Text given once or per language (at least one of `kk`, `ru`), as in `dossier.yaml`.
pub type TomlText = crate::dossier::LocalText;

/// Every setting of `dossier.toml`, declared once: its field, type, key (a dotted path into the
/// file) and, for a default of `dossier.yaml`, the key there that wins over it. Reading and
/// merging the files, `dossier config`, the `dossier.toml` a pack carries, the keys an error
/// lists and the docs table all come from this list; each key has a `setting.<key>` entry in
/// the catalogue that says what it is.
macro_rules! settings {
    ($($field:ident: $ty:ty = $key:literal $(, yaml $yaml:expr)?;)*) => {
        /// The settings in effect for one dossier, key by key.
        #[derive(Debug, Clone, Default)]
        pub struct Settings {
            $(pub $field: Option<Sourced<$ty>>,)*
            /// `dossier.toml` files found on the way up but not applied, and why.
            pub ignored: Vec<Ignored>,
        }

        /// Every setting, in the order `dossier config` and the docs list them.
        pub const SETTINGS: &[Setting] = &[
            $(Setting { key: $key, yaml: settings!(@yaml $($yaml)?) },)*
        ];

        impl Settings {
            /// These settings, with every key they leave unset taken from `outer` (a file
            /// further up).
            fn under(mut self, outer: &Settings) -> Settings {
                $(if self.$field.is_none() {
                    self.$field.clone_from(&outer.$field);
                })*
                self.ignored.extend(outer.ignored.iter().cloned());
                self
            }

            /// Takes from the parsed file each key not already set (the nearer file wins).
            fn fill(&mut self, parsed: &Parsed, file: &Path) -> std::result::Result<(), Bad> {
                let base = file.parent().unwrap_or(Path::new("."));
                $(if self.$field.is_none()
                    && let Some(value) = parsed.get($key)
                {
                    let value = <$ty as SettingValue>::from_toml(value.clone())
                        .and_then(|v| v.check().map(|()| v))
                        .map_err(|why| Bad { key: $key, why })?;
                    self.$field = Some(Sourced {
                        value: value.relative_to(base),
                        file: file.to_path_buf(),
                    });
                })*
                Ok(())
            }

            /// Every setting in effect as (key, value, file), for `dossier config`.
            pub fn entries(&self) -> Vec<(&'static str, String, PathBuf)> {
                let mut out = Vec::new();
                $(if let Some(s) = &self.$field {
                    out.push(($key, s.value.show(), s.file.clone()));
                })*
                out
            }

            /// The settings in effect as one `dossier.toml` (paths as resolved).
            pub fn to_toml(&self) -> toml::Table {
                let mut t = toml::Table::new();
                $(if let Some(s) = &self.$field {
                    insert(&mut t, $key, s.value.to_toml());
                })*
                t
            }
        }
    };
    (@yaml) => { None };
    (@yaml $yaml:expr) => { Some($yaml) };
}

settings! {
    lang: Lang = "lang";
    addressee: TomlText = "addressee", yaml &["addressee"];
    city: TomlText = "city";
    edition_notes: bool = "edition_notes";
    state_body_name: TomlText = "state_body.name", yaml &["state_body", "name"];
    state_body_bin: String = "state_body.bin", yaml &["state_body", "bin"];
    signatory_name: String = "signatory.name", yaml &["signatory", "name"];
    signatory_position: TomlText = "signatory.position", yaml &["signatory", "position"];
    executor_name: String = "executor.name", yaml &["executor", "name"];
    executor_phone: String = "executor.phone", yaml &["executor", "phone"];
    editions: Vec<PathBuf> = "editions";
    templates: PathBuf = "templates";
    trust: Vec<PathBuf> = "trust";
    holidays: Vec<NaiveDate> = "calendar.holidays";
    working_days: Vec<NaiveDate> = "calendar.working_days";
}

/// `root = true` stops the lookup; it is about the file, not a setting of the dossier.
const ROOT_KEY: &str = "root";

/// One declared setting.
#[derive(Debug, Clone, Copy)]
pub struct Setting {
    /// The dotted key in `dossier.toml`.
    pub key: &'static str,
    /// The key path in `dossier.yaml` that wins over this setting, if the dossier has one.
    pub yaml: Option<&'static [&'static str]>,
}

/// A value a setting holds: read from TOML, shown by `dossier config`, written into a pack.
pub trait SettingValue: Sized {
    fn from_toml(value: toml::Value) -> std::result::Result<Self, String>;
    fn to_toml(&self) -> toml::Value;
    fn show(&self) -> String;
    /// A value the key may not hold though its type fits.
    fn check(&self) -> std::result::Result<(), String> {
        Ok(())
    }
    /// Paths are relative to the file that names them.
    fn relative_to(self, _base: &Path) -> Self {
        self
    }
}

fn deserialize<T: serde::de::DeserializeOwned>(
    value: toml::Value,
) -> std::result::Result<T, String> {
    T::deserialize(value).map_err(|e| e.message().trim().to_string())
}

impl SettingValue for Lang {
    fn from_toml(value: toml::Value) -> std::result::Result<Self, String> {
        deserialize(value)
    }
    fn to_toml(&self) -> toml::Value {
        toml::Value::String(self.code().into())
    }
    fn show(&self) -> String {
        self.code().to_string()
    }
}

impl SettingValue for bool {
    fn from_toml(value: toml::Value) -> std::result::Result<Self, String> {
        deserialize(value)
    }
    fn to_toml(&self) -> toml::Value {
        toml::Value::Boolean(*self)
    }
    fn show(&self) -> String {
        self.to_string()
    }
}

impl SettingValue for String {
    fn from_toml(value: toml::Value) -> std::result::Result<Self, String> {
        deserialize(value)
    }
    fn to_toml(&self) -> toml::Value {
        toml::Value::String(self.clone())
    }
    fn show(&self) -> String {
        self.clone()
    }
}

impl SettingValue for TomlText {
    fn from_toml(value: toml::Value) -> std::result::Result<Self, String> {
        deserialize(value)
    }
    fn to_toml(&self) -> toml::Value {
        match self {
            TomlText::Same(s) => toml::Value::String(s.clone()),
            TomlText::PerLang { kk, ru } => {
                let mut m = toml::Table::new();
                for (lang, text) in [("kk", kk), ("ru", ru)] {
                    if let Some(text) = text {
                        m.insert(lang.into(), toml::Value::String(text.clone()));
                    }
                }
                toml::Value::Table(m)
            }
        }
    }
    fn show(&self) -> String {
        match self {
            TomlText::Same(s) => s.clone(),
            TomlText::PerLang { kk, ru } => [("kk", kk), ("ru", ru)]
                .iter()
                .filter_map(|(l, t)| t.as_ref().map(|t| format!("{l}: {t}")))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }
}

/// A path a `dossier.toml` names: inside the folder of that file (it applies to the tree
/// below it, and nothing outside the tree is read on its say-so).
fn confined(path: &Path) -> std::result::Result<(), String> {
    let text = path.to_string_lossy();
    crate::files::inside_the_folder(&text).map_err(|_| {
        format!("`{text}` is not a path inside this file's folder (no absolute path, no `..`)")
    })
}

impl SettingValue for PathBuf {
    fn from_toml(value: toml::Value) -> std::result::Result<Self, String> {
        deserialize(value)
    }
    fn check(&self) -> std::result::Result<(), String> {
        confined(self)
    }
    fn to_toml(&self) -> toml::Value {
        toml::Value::String(self.display().to_string())
    }
    fn show(&self) -> String {
        self.display().to_string()
    }
    fn relative_to(self, base: &Path) -> Self {
        base.join(self)
    }
}

impl SettingValue for Vec<PathBuf> {
    fn from_toml(value: toml::Value) -> std::result::Result<Self, String> {
        deserialize(value)
    }
    fn check(&self) -> std::result::Result<(), String> {
        self.iter().try_for_each(|p| confined(p))
    }
    fn to_toml(&self) -> toml::Value {
        toml::Value::Array(self.iter().map(SettingValue::to_toml).collect())
    }
    fn show(&self) -> String {
        self.iter()
            .map(SettingValue::show)
            .collect::<Vec<_>>()
            .join(", ")
    }
    fn relative_to(self, base: &Path) -> Self {
        self.into_iter().map(|p| base.join(p)).collect()
    }
}

impl SettingValue for Vec<NaiveDate> {
    fn from_toml(value: toml::Value) -> std::result::Result<Self, String> {
        let toml::Value::Array(items) = value else {
            return Err("expected an array of dates such as [2026-01-05]".into());
        };
        items
            .into_iter()
            .map(|item| match item {
                toml::Value::Datetime(toml::value::Datetime {
                    date: Some(d),
                    time: None,
                    offset: None,
                }) => {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                        .ok_or_else(|| format!("{d} is not a date"))
                }
                other => Err(format!("{other}: expected a date such as 2026-01-05")),
            })
            .collect()
    }
    fn to_toml(&self) -> toml::Value {
        toml::Value::Array(
            self.iter()
                .map(|d| {
                    toml::Value::Datetime(toml::value::Datetime {
                        date: Some(toml::value::Date {
                            year: chrono::Datelike::year(d) as u16,
                            month: chrono::Datelike::month(d) as u8,
                            day: chrono::Datelike::day(d) as u8,
                        }),
                        time: None,
                        offset: None,
                    })
                })
                .collect(),
        )
    }
    fn show(&self) -> String {
        self.iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Puts `value` at the dotted `key` of `table`, making the tables on the way.
fn insert(table: &mut toml::Table, key: &str, value: toml::Value) {
    match key.split_once('.') {
        None => {
            table.insert(key.to_string(), value);
        }
        Some((head, rest)) => {
            let inner = table
                .entry(head.to_string())
                .or_insert_with(|| toml::Value::Table(toml::Table::new()));
            if let toml::Value::Table(inner) = inner {
                insert(inner, rest, value);
            }
        }
    }
}

/// One `dossier.toml`, read and checked against the declared keys.
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    table: toml::Table,
    /// `root = true`: the lookup stops here.
    pub root: bool,
}

impl Parsed {
    /// The value at a dotted key.
    fn get(&self, key: &str) -> Option<&toml::Value> {
        let mut parts = key.split('.');
        let mut value = self.table.get(parts.next()?)?;
        for part in parts {
            value = value.as_table()?.get(part)?;
        }
        Some(value)
    }
}

/// A key of a `dossier.toml` whose value is not of its type.
struct Bad {
    key: &'static str,
    why: String,
}

/// A setting in effect and the file it came from.
#[derive(Debug, Clone)]
pub struct Sourced<T> {
    pub value: T,
    pub file: PathBuf,
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

    /// The settings of one file.
    fn of_file(file: &Path) -> Result<(Settings, bool)> {
        let (text, parsed) = read_parsed(file)?;
        let mut s = Settings::default();
        s.fill(&parsed, file).map_err(|bad| {
            let segs: Vec<crate::source_path::Seg> = bad
                .key
                .split('.')
                .map(crate::source_path::Seg::key)
                .collect();
            let span = crate::toml_locate::locate(&text, &segs);
            settings_error(file, &text, span, &format!("{}: {}", bad.key, bad.why))
        })?;
        Ok((s, parsed.root))
    }

    /// The editions this dossier's settings load, each still inside the folder of the
    /// `dossier.toml` that names it once links are resolved; a link out is an error.
    pub fn confined_editions(&self) -> Result<Vec<PathBuf>> {
        confined_list(self.editions.as_ref())
    }

    /// The trust anchors for signature chains, likewise confined.
    pub fn confined_trust(&self) -> Result<Vec<PathBuf>> {
        confined_list(self.trust.as_ref())
    }

    /// The templates folder of the settings, likewise confined.
    pub fn confined_templates(&self) -> Result<Option<PathBuf>> {
        self.templates
            .as_ref()
            .map(|t| inside_the_tree(&t.value, &t.file))
            .transpose()
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
        let result = Settings::of_file(c).map(|(s, _)| Arc::new(s));
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
                let (mine, root) = Settings::of_file(&file).map_err(Arc::new)?;
                stop |= root;
                own = Settings {
                    ignored: own.ignored,
                    ..mine
                };
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

/// Each path of a list setting, confined to the tree of the file that named it.
fn confined_list(paths: Option<&Sourced<Vec<PathBuf>>>) -> Result<Vec<PathBuf>> {
    paths.map_or(Ok(Vec::new()), |s| {
        s.value
            .iter()
            .map(|p| inside_the_tree(p, &s.file))
            .collect()
    })
}

/// `path` (named by the settings file `file`) when it is still inside `file`'s folder once every
/// link is resolved; a path that does not exist is left to the reader to report.
fn inside_the_tree(path: &Path, file: &Path) -> Result<PathBuf> {
    let base = file.parent().unwrap_or(Path::new("."));
    if crate::files::stays_within(path, base) {
        Ok(path.to_path_buf())
    } else {
        Err(crate::error::Error::usage(
            crate::finding::Message::new("usage.settings-outside")
                .arg("file", file.display().to_string())
                .arg("path", path.display().to_string()),
        ))
    }
}

/// Reads one `dossier.toml` and checks it against the declared keys; errors point at the line.
pub fn read(file: &Path) -> Result<Parsed> {
    read_parsed(file).map(|(_, parsed)| parsed)
}

fn read_parsed(file: &Path) -> Result<(String, Parsed)> {
    let text = crate::files::read_text(file)?;
    let table: toml::Table = toml::from_str(&text).map_err(|e| {
        settings_error(
            file,
            &text,
            e.span().map(|r| (r.start, r.end)),
            e.message().trim(),
        )
    })?;
    let mut unknown = Vec::new();
    unknown_keys(&table, "", &mut unknown);
    if let Some(key) = unknown.first() {
        let segs: Vec<crate::source_path::Seg> =
            key.split('.').map(crate::source_path::Seg::key).collect();
        let span = crate::toml_locate::locate(&text, &segs);
        let known: Vec<&str> = SETTINGS.iter().map(|s| s.key).collect();
        return Err(settings_error(
            file,
            &text,
            span,
            &format!(
                "unknown key `{key}`, expected one of: root, {}",
                known.join(", ")
            ),
        ));
    }
    let root = match table.get(ROOT_KEY) {
        None => false,
        Some(v) => bool::from_toml(v.clone()).map_err(|why| {
            let span = crate::toml_locate::locate(&text, &[crate::source_path::Seg::key(ROOT_KEY)]);
            settings_error(file, &text, span, &format!("{ROOT_KEY}: {why}"))
        })?,
    };
    Ok((text, Parsed { table, root }))
}

/// Keys of `table` (under `prefix`) that are neither a declared setting nor a table on the way
/// to one.
fn unknown_keys(table: &toml::Table, prefix: &str, out: &mut Vec<String>) {
    for (k, v) in table {
        let key = if prefix.is_empty() {
            k.clone()
        } else {
            format!("{prefix}.{k}")
        };
        let declared = key == ROOT_KEY || SETTINGS.iter().any(|s| s.key == key);
        let on_the_way = SETTINGS
            .iter()
            .any(|s| s.key.starts_with(&key) && s.key[key.len()..].starts_with('.'));
        match v {
            _ if declared => {}
            toml::Value::Table(t) if on_the_way => unknown_keys(t, &key, out),
            _ => out.push(key),
        }
    }
}

fn settings_error(
    file: &Path,
    text: &str,
    span: Option<(usize, usize)>,
    detail: &str,
) -> crate::error::Error {
    let name = file.display().to_string();
    SourceError::new(
        crate::finding::Code::SettingsInvalid,
        &name,
        std::sync::Arc::from(text),
        span,
        detail,
    )
    .help(crate::finding::Message::new("help.settings-keys").arg("keys", keys_list()))
    .into()
}

/// The keys a `dossier.toml` may hold, for the help line.
fn keys_list() -> String {
    let mut keys = vec![ROOT_KEY];
    keys.extend(SETTINGS.iter().map(|s| s.key));
    keys.join(", ")
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
            let mut texts: Vec<&str> = t.each().collect();
            texts.dedup();
            texts.join(" / ")
        };
        let own_value = |keys: &[&str]| -> Option<String> {
            match keys {
                ["addressee"] => file.addressee.as_ref().map(text_of),
                ["state_body", "name"] => file.state_body.name.as_ref().map(text_of),
                ["state_body", "bin"] => file.state_body.bin.clone(),
                ["signatory", "name"] => file.signatory.as_ref().map(|s| s.name.clone()),
                ["executor", "name"] => file.executor.as_ref().map(|e| e.name.clone()),
                ["executor", "phone"] => file.executor.as_ref().and_then(|e| e.phone.clone()),
                ["signatory", "position"] => file
                    .signatory
                    .as_ref()
                    .and_then(|s| s.position.as_ref())
                    .map(text_of),
                _ => None,
            }
        };
        let mine = SETTINGS
            .iter()
            .filter_map(|s| Some((s.key, s.yaml?)))
            .map(|(key, keys)| (key, keys, own_value(keys)));
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
    out.sort_by_key(|e| {
        SETTINGS
            .iter()
            .position(|s| s.key == e.key)
            .unwrap_or(SETTINGS.len())
    });
    Ok(out)
}
