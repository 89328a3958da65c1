//! The working-day calendar of the Republic of Kazakhstan, as data (`kz.toml`, embedded;
//! overridable from `dossier.toml`), and working-day arithmetic for the deadlines (R15).

use crate::error::{Result, SourceError};
use crate::lang::Text;
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

const BUILT_IN: &str = include_str!("kz.toml");
const BUILT_IN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/kz.json"));

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    format: u32,
    weekend: Vec<String>,
    #[serde(rename = "holiday")]
    holidays: Vec<Holiday>,
    #[serde(rename = "year")]
    years: Vec<YearEntry>,
    #[serde(rename = "transfer", default)]
    transfers: Vec<Transfer>,
}

/// A transfer of a day off by an act of the Government or the labour ministry: `working` becomes
/// a working day and `off` a day off.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Transfer {
    #[serde(deserialize_with = "crate::edition::toml_date")]
    working: NaiveDate,
    #[serde(deserialize_with = "crate::edition::toml_date")]
    off: NaiveDate,
    /// The act that made it, its number and date where confirmed: for people checking the file.
    #[allow(dead_code)]
    act: String,
    #[allow(dead_code)]
    number: Option<String>,
    #[allow(dead_code)]
    date: Option<toml::value::Datetime>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Holiday {
    /// `MM-DD`
    date: String,
    /// For people reading and correcting the file; the engine needs only the date.
    #[allow(dead_code)]
    name: Text,
    /// A public holiday on a day off moves the day off to the next working day.
    moves: bool,
    from: Option<i32>,
    until: Option<i32>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearEntry {
    year: i32,
    #[serde(deserialize_with = "crate::edition::toml_date")]
    kurban_ait: NaiveDate,
    /// Whether the year's transfers were confirmed against the published acts.
    transfers_confirmed: bool,
    /// What is known of the year's transfers, for people checking it.
    #[allow(dead_code)]
    note: String,
}

/// A holiday as the engine uses it: month, day, whether it moves off a day off, and the years
/// it exists in.
#[derive(Debug, Clone, Copy)]
struct FixedHoliday {
    month: u32,
    day: u32,
    moves: bool,
    from: Option<i32>,
    until: Option<i32>,
}

/// Days off and working days; build once, query many times.
#[derive(Debug, Clone)]
pub struct Calendar {
    weekend: Vec<Weekday>,
    holidays: Vec<FixedHoliday>,
    kurban_ait: BTreeMap<i32, NaiveDate>,
    /// Years whose transfers were not confirmed against the published acts.
    unconfirmed: BTreeSet<i32>,
    transfer_working: BTreeSet<NaiveDate>,
    transfer_off: BTreeSet<NaiveDate>,
    extra_holidays: BTreeSet<NaiveDate>,
    extra_working: BTreeSet<NaiveDate>,
    /// Days off by year, computed on first use.
    cache: std::sync::Arc<std::sync::Mutex<BTreeMap<i32, BTreeSet<NaiveDate>>>>,
}

impl Calendar {
    /// The embedded calendar, read once per process (from the JSON build.rs makes of it; a
    /// test compares it with the TOML read strictly). Copies share the days computed.
    pub fn built_in() -> Calendar {
        static BUILT: std::sync::OnceLock<Calendar> = std::sync::OnceLock::new();
        BUILT
            .get_or_init(|| {
                let parsed: CalendarFile = serde_json::from_str(BUILT_IN_JSON)
                    .unwrap_or_else(|e| panic!("the built-in calendar is invalid: {e}"));
                Calendar::from_parsed(parsed, BUILT_IN, "calendar/kz.toml")
                    .unwrap_or_else(|e| panic!("the built-in calendar is invalid: {e}"))
            })
            .clone()
    }

    pub fn from_toml(text: &str, file: &str) -> Result<Calendar> {
        let parsed: CalendarFile = toml::from_str(text).map_err(|e| {
            SourceError::new(
                crate::finding::Code::CalendarInvalid,
                file,
                std::sync::Arc::from(text),
                e.span().map(|r| (r.start, r.end)),
                e.message().trim(),
            )
        })?;
        Calendar::from_parsed(parsed, text, file)
    }

    /// Checks what the types cannot; `text` and `file` name the source in an error.
    fn from_parsed(parsed: CalendarFile, text: &str, file: &str) -> Result<Calendar> {
        let shared: std::sync::Arc<str> = std::sync::Arc::from(text);
        let code = crate::finding::Code::CalendarInvalid;
        let invalid = |message: String| -> crate::error::Error {
            SourceError::new(code, file, shared.clone(), None, message).into()
        };
        if parsed.format != 1 {
            return Err(invalid(format!(
                "format {} is not supported",
                parsed.format
            )));
        }
        let weekend = parsed
            .weekend
            .iter()
            .map(|d| {
                d.parse::<Weekday>()
                    .map_err(|_| invalid(format!("`{d}` is not a weekday")))
            })
            .collect::<Result<Vec<_>>>()?;
        let mut holidays = Vec::new();
        for h in &parsed.holidays {
            let (m, d) = h
                .date
                .split_once('-')
                .and_then(|(m, d)| Some((m.parse::<u32>().ok()?, d.parse::<u32>().ok()?)))
                .filter(|(m, d)| NaiveDate::from_ymd_opt(2000, *m, *d).is_some())
                .ok_or_else(|| invalid(format!("`{}` is not a MM-DD date", h.date)))?;
            holidays.push(FixedHoliday {
                month: m,
                day: d,
                moves: h.moves,
                from: h.from,
                until: h.until,
            });
        }
        let kurban_ait = parsed
            .years
            .iter()
            .map(|y| (y.year, y.kurban_ait))
            .collect();
        let unconfirmed = parsed
            .years
            .iter()
            .filter(|y| !y.transfers_confirmed)
            .map(|y| y.year)
            .collect();
        for t in &parsed.transfers {
            if t.working == t.off {
                return Err(invalid(format!(
                    "the transfer on {} makes one day both working and off",
                    t.off
                )));
            }
        }
        Ok(Calendar {
            weekend,
            holidays,
            kurban_ait,
            unconfirmed,
            transfer_working: parsed.transfers.iter().map(|t| t.working).collect(),
            transfer_off: parsed.transfers.iter().map(|t| t.off).collect(),
            extra_holidays: BTreeSet::new(),
            extra_working: BTreeSet::new(),
            cache: Default::default(),
        })
    }

    /// Adds the Government's transfers and other corrections (`dossier.toml` `[calendar]`).
    pub fn with_overrides(
        mut self,
        holidays: &[NaiveDate],
        working_days: &[NaiveDate],
    ) -> Calendar {
        self.extra_holidays.extend(holidays.iter().copied());
        self.extra_working.extend(working_days.iter().copied());
        self.cache = Default::default();
        self
    }

    fn is_weekend(&self, d: NaiveDate) -> bool {
        self.weekend.contains(&d.weekday())
    }

    /// Days off of `year` other than weekends: holidays and the days they moved to.
    fn days_off(&self, year: i32) -> BTreeSet<NaiveDate> {
        let mut cache = self.cache.lock().expect("calendar cache");
        cache
            .entry(year)
            .or_insert_with(|| {
                let mut off = BTreeSet::new();
                let mut moving = Vec::new();
                for h in &self.holidays {
                    if h.from.is_some_and(|f| year < f) || h.until.is_some_and(|u| year > u) {
                        continue;
                    }
                    let Some(date) = NaiveDate::from_ymd_opt(year, h.month, h.day) else {
                        continue;
                    };
                    off.insert(date);
                    if h.moves && self.is_weekend(date) {
                        moving.push(date);
                    }
                }
                if let Some(k) = self.kurban_ait.get(&year) {
                    off.insert(*k);
                }
                // Each public holiday on a day off gives one day off: the next working day not
                // already off.
                moving.sort();
                for date in moving {
                    let mut next = date + Duration::days(1);
                    while self.is_weekend(next) || off.contains(&next) {
                        next += Duration::days(1);
                    }
                    off.insert(next);
                }
                off
            })
            .clone()
    }

    /// The first year from `from` to `to` (inclusive) the calendar has no entry for: its
    /// religious holidays (and transfers) are unknown, so a period crossing it is uncertain.
    pub fn unknown_year(&self, from: NaiveDate, to: NaiveDate) -> Option<i32> {
        // A year the user has given days for in `[calendar]` counts as known: they took it on.
        (from.year()..=to.year()).find(|&y| !self.kurban_ait.contains_key(&y) && !self.given(y))
    }

    /// The years from `from` to `to` (inclusive) whose day-off transfers the built-in data could
    /// not confirm against the published acts, unless the user took the year on in `[calendar]`.
    pub fn unconfirmed_years(&self, from: NaiveDate, to: NaiveDate) -> Vec<i32> {
        (from.year()..=to.year())
            .filter(|y| self.unconfirmed.contains(y) && !self.given(*y))
            .collect()
    }

    fn given(&self, year: i32) -> bool {
        self.extra_holidays
            .iter()
            .chain(&self.extra_working)
            .any(|d| d.year() == year)
    }

    pub fn is_working_day(&self, d: NaiveDate) -> bool {
        // The user's corrections first, then the acts' transfers, then the Law.
        if self.extra_working.contains(&d) {
            return true;
        }
        if self.extra_holidays.contains(&d) {
            return false;
        }
        if self.transfer_working.contains(&d) {
            return true;
        }
        if self.transfer_off.contains(&d) || self.is_weekend(d) {
            return false;
        }
        !self.days_off(d.year()).contains(&d)
    }

    /// The `n`-th working day after `event`: the period starts the day after the event (R15).
    pub fn add_working_days(&self, event: NaiveDate, n: u32) -> NaiveDate {
        let mut d = event;
        let mut left = n;
        while left > 0 {
            // The end of the calendar's range stops the count: date arithmetic never panics.
            let Some(next) = d.succ_opt() else {
                return d;
            };
            d = next;
            if self.is_working_day(d) {
                left -= 1;
            }
        }
        d
    }

    /// Working days after `from` up to and including `to` (0 when `to` is not after `from`).
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> u32 {
        let mut n = 0;
        let mut d = from;
        while d < to {
            let Some(next) = d.succ_opt() else {
                break;
            };
            d = next;
            if self.is_working_day(d) {
                n += 1;
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_json_is_the_toml_read_strictly() {
        let strict = Calendar::from_toml(BUILT_IN, "calendar/kz.toml").unwrap();
        // Without the days computed so far (copies of the built-in calendar share them).
        let fast = Calendar::built_in().with_overrides(&[], &[]);
        assert_eq!(format!("{strict:?}"), format!("{fast:?}"));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn fixed_holidays_and_weekends_are_off() {
        let c = Calendar::built_in();
        for day in [
            d(2026, 1, 1),
            d(2026, 1, 2),
            d(2026, 1, 7),
            d(2026, 3, 8),
            d(2026, 5, 1),
            d(2026, 12, 16),
            d(2026, 11, 21),
        ] {
            assert!(!c.is_working_day(day), "{day}");
        }
        assert!(c.is_working_day(d(2026, 11, 23)));
    }

    #[test]
    fn a_public_holiday_on_a_weekend_moves_to_the_next_working_day() {
        let c = Calendar::built_in();
        // 8 March 2026 is a Sunday: Monday 9 March is off.
        assert!(!c.is_working_day(d(2026, 3, 9)));
        // Nauryz 2026: 21 Sat, 22 Sun, 23 Mon; the two weekend days move to 24 and 25 March.
        assert!(!c.is_working_day(d(2026, 3, 24)));
        assert!(!c.is_working_day(d(2026, 3, 25)));
        assert!(c.is_working_day(d(2026, 3, 26)));
    }

    #[test]
    fn the_first_presidents_day_is_off_from_2012_to_2021_and_moves() {
        let c = Calendar::built_in();
        // (date, working?) — Fri 01.12.2017 off; Sat 01.12.2018 moves to Mon 03.12.2018;
        // Sun 01.12.2019 moves to Mon 02.12.2019; 2011 and 2022 are ordinary days.
        for (date, working) in [
            (d(2017, 12, 1), false),
            (d(2018, 12, 3), false),
            (d(2019, 12, 2), false),
            (d(2021, 12, 1), false),
            (d(2011, 12, 1), true),
            (d(2022, 12, 1), true),
        ] {
            assert_eq!(c.is_working_day(date), working, "{date}");
        }
        // Ten working days after 28.11.2017 end on 13.12.2017, not the 12th.
        assert_eq!(c.add_working_days(d(2017, 11, 28), 10), d(2017, 12, 13));
    }

    #[test]
    fn a_year_without_an_entry_is_unknown_until_the_user_gives_its_days() {
        let c = Calendar::built_in();
        assert_eq!(c.unknown_year(d(2025, 12, 20), d(2026, 1, 10)), None);
        // Kurban Ait 2027 is not fixed yet: 2027 has no entry.
        assert_eq!(c.unknown_year(d(2026, 12, 20), d(2027, 1, 10)), Some(2027));
        assert_eq!(c.unknown_year(d(2028, 12, 20), d(2029, 1, 10)), Some(2028));
        assert_eq!(c.unknown_year(d(2015, 12, 28), d(2016, 1, 8)), Some(2015));
        let c = c.with_overrides(&[d(2028, 1, 3)], &[]);
        assert_eq!(c.unknown_year(d(2028, 12, 20), d(2029, 1, 10)), Some(2029));
    }

    #[test]
    fn the_acts_transfers_make_working_days_and_days_off() {
        let c = Calendar::built_in();
        // (date, working?) from the acts in kz.toml:
        // Decree No. 713 of 6.10.2021: "с субботы 5 марта 2022 года на понедельник 7 марта".
        // Its amendment of October 2022: "с субботы 22 октября на понедельник 24 октября".
        // The 2020 decree: "с воскресенья 5 января 2020 года на пятницу 3 января 2020 года,
        // с понедельника 11 мая 2020 года на пятницу 8 мая 2020 года" (11 May was Victory
        // Day's moved day off; the transfer makes it a working day).
        // The 2025 order: Sunday 5 January 2025 to Friday 3 January 2025.
        for (date, working) in [
            (d(2022, 3, 5), true),
            (d(2022, 3, 7), false),
            (d(2022, 10, 22), true),
            (d(2022, 10, 24), false),
            (d(2020, 1, 5), true),
            (d(2020, 1, 3), false),
            (d(2020, 5, 11), true),
            (d(2020, 5, 8), false),
            (d(2025, 1, 5), true),
            (d(2025, 1, 3), false),
            (d(2024, 5, 4), true),
            (d(2024, 5, 8), false),
        ] {
            assert_eq!(c.is_working_day(date), working, "{date}");
        }
        // Received Thursday 20.10.2022: 21 Oct, Sat 22 Oct (worked), 26, 27, 28 Oct.
        assert_eq!(c.add_working_days(d(2022, 10, 20), 5), d(2022, 10, 28));
        // A correction in dossier.toml still wins over an act.
        let c = c.with_overrides(&[d(2022, 10, 22)], &[]);
        assert!(!c.is_working_day(d(2022, 10, 22)));
    }

    #[test]
    fn years_whose_transfers_are_unconfirmed_are_named_until_the_user_takes_them_on() {
        let c = Calendar::built_in();
        assert_eq!(
            c.unconfirmed_years(d(2025, 12, 20), d(2026, 1, 10)),
            vec![2025, 2026]
        );
        let c = c.with_overrides(&[], &[d(2026, 1, 3)]);
        assert_eq!(
            c.unconfirmed_years(d(2025, 12, 20), d(2026, 1, 10)),
            vec![2025]
        );
    }

    #[test]
    fn religious_holidays_do_not_move() {
        let c = Calendar::built_in();
        // 7 January 2024 is a Sunday: Monday 8 January works.
        assert!(c.is_working_day(d(2024, 1, 8)));
        // Kurban Ait 2024 is Sunday 16 June: Monday 17 June works.
        assert!(!c.is_working_day(d(2024, 6, 16)));
        assert!(c.is_working_day(d(2024, 6, 17)));
        // Kurban Ait 2026 is Wednesday 27 May.
        assert!(!c.is_working_day(d(2026, 5, 27)));
    }

    #[test]
    fn holidays_exist_only_in_their_years() {
        let c = Calendar::built_in();
        // Republic Day from 2022: 25 October 2021 (Monday) worked, 2022 (Tuesday) did not.
        assert!(c.is_working_day(d(2021, 10, 25)));
        assert!(!c.is_working_day(d(2022, 10, 25)));
        // 17 December until 2021: Friday 17 December 2021 off, Wednesday 17 December 2025 works.
        assert!(!c.is_working_day(d(2021, 12, 17)));
        assert!(c.is_working_day(d(2025, 12, 17)));
    }

    #[test]
    fn user_overrides_win() {
        let c = Calendar::built_in().with_overrides(&[d(2026, 11, 24)], &[d(2026, 11, 21)]);
        assert!(!c.is_working_day(d(2026, 11, 24)));
        assert!(c.is_working_day(d(2026, 11, 21)));
    }

    #[test]
    fn periods_start_the_day_after_the_event() {
        let c = Calendar::built_in();
        // Received Friday 13 March 2026: 16, 17, 18, 19, 20 March.
        assert_eq!(c.add_working_days(d(2026, 3, 13), 5), d(2026, 3, 20));
        // Received Thursday 19 March 2026, across Nauryz (21–25 March off): 20, 26, 27, 30, 31.
        assert_eq!(c.add_working_days(d(2026, 3, 19), 5), d(2026, 3, 31));
        // Across the year boundary: 29 Dec 2025 (Mon) + 5 → 30, 31 Dec, 5, 6, 8 Jan.
        assert_eq!(c.add_working_days(d(2025, 12, 29), 5), d(2026, 1, 8));
        assert_eq!(c.working_days_between(d(2026, 3, 13), d(2026, 3, 20)), 5);
    }
}
