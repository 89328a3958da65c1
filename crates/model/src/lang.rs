//! Languages: `Lang` for reports (en, ru, kk) and `Text`, a string given per language.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The language of a report or generated document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Ru,
    Kk,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Kk];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Kk => "kk",
        }
    }

    /// Picks the language from a POSIX locale string such as `ru_RU.UTF-8` or `kk_KZ`.
    /// The binary passes `LANG` here; the library never reads the environment itself.
    pub fn from_locale(locale: &str) -> Lang {
        let lower = locale.to_ascii_lowercase();
        if lower.starts_with("kk") {
            Lang::Kk
        } else if lower.starts_with("ru") {
            Lang::Ru
        } else {
            Lang::En
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "en" => Ok(Lang::En),
            "ru" => Ok(Lang::Ru),
            "kk" => Ok(Lang::Kk),
            other => Err(format!("unknown language `{other}`: use en, ru or kk")),
        }
    }
}

/// Wording given in every report language, as the rules data carries it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Text {
    pub en: String,
    pub ru: String,
    pub kk: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Kk => &self.kk,
        }
    }
}
